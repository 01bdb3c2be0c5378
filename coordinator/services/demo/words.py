"""The demo's word lists (resources/demo): names by background, towns, streets and wording.

Every name, street, phone number and organisation is invented. Phone numbers come from
Ofcom's drama ranges.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from coordinator.services.demo.common import weights

RESOURCES = "resources/demo"


def _resource_dir() -> Path:
    """resources/demo in the source tree, or in a frozen (PyInstaller) bundle."""
    candidates = [Path(__file__).resolve().parents[3] / RESOURCES]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / RESOURCES)
    for folder in candidates:
        if (folder / "names.json").exists():
            return folder
    raise FileNotFoundError(f"Demo word lists not found (looked in {candidates[-1]}).")


@dataclass(frozen=True)
class Culture:
    """Names and likely answers for women from one background (a rough, kind stereotype)."""

    female: tuple[str, ...]
    surnames: tuple[str, ...]
    languages: tuple[tuple[str, int], ...]  # main language code, weight
    ethnicities: tuple[tuple[str, int], ...]
    faiths: tuple[str, ...]
    migrant: float  # how likely "asylum seeker / refugee / recent migrant" applies


@dataclass(frozen=True)
class Town:
    name: str
    area_file: str  # Code-Point Open file, e.g. "le" for le.csv.gz
    outward: tuple[str, ...]
    landline: str  # an Ofcom drama range, {:03d} for the last three digits
    cultures: tuple[tuple[str, int], ...]  # who lives there (rough weights)
    weight: int  # share of the demo's people


@dataclass(frozen=True)
class WordLists:
    towns: dict[str, Town]
    cultures: dict[str, Culture]
    nicknames: dict[str, str]
    street_words: tuple[str, ...]
    street_endings: tuple[str, ...]
    wording: dict[str, Any]


@cache
def word_lists() -> WordLists:
    folder = _resource_dir()
    names = json.loads((folder / "names.json").read_text(encoding="utf-8"))
    cultures = {
        key: Culture(
            female=tuple(c["female"]),
            surnames=tuple(c["surnames"]),
            languages=tuple((code, int(w)) for code, w in c["languages"]),
            ethnicities=tuple((code, int(w)) for code, w in c["ethnicities"]),
            faiths=tuple(c["faiths"]),
            migrant=float(c["migrant"]),
        )
        for key, c in names["cultures"].items()
    }
    towns = {
        name: Town(
            name=name,
            area_file=t["file"],
            outward=tuple(t["outward"].split()),
            landline=t["landline"],
            cultures=weights(str, t["cultures"]),
            weight=int(t["weight"]),
        )
        for name, t in names["towns"].items()
    }
    return WordLists(
        towns=towns,
        cultures=cultures,
        nicknames=dict(names["nicknames"]),
        street_words=tuple(names["street_words"]),
        street_endings=tuple(names["street_endings"]),
        wording=json.loads((folder / "wording.json").read_text(encoding="utf-8")),
    )
