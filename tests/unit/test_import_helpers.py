"""Helpers for the import and export tests: real CSV and XLSX files, and a second database.

(No tests here; the module is named so that it sits with the tests it serves.)
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from coordinator import models as m
from coordinator.storage.vault import Vault, open_vault
from tests.conftest import PASSPHRASE

#: The day the tests import on: dates are checked against it.
TODAY = date(2026, 3, 1)


def write_csv(
    path: Path,
    rows: list[list[Any]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(
    path: Path,
    rows: list[list[Any]],
    *,
    merged: tuple[str, ...] = (),
    sheets: dict[str, list[list[Any]]] | None = None,
) -> Path:
    """A workbook whose first sheet holds `rows` (after any `sheets` given first)."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    for title, other in (sheets or {}).items():
        sheet = book.create_sheet(title, 0)
        for row in other:
            sheet.append(row)
    first.title = "Data"
    for row in rows:
        first.append(row)
    for ref in merged:
        first.merge_cells(ref)
    book.save(path)
    return path


def add_cached_values(path: Path, values: dict[str, str | int]) -> None:
    """Give formula cells the cached result Excel would have saved (openpyxl saves none).

    `values` maps a cell reference ("C2") to the result: text, or a number.
    """
    with zipfile.ZipFile(path) as zin:
        items = {name: zin.read(name) for name in zin.namelist()}
    name = next(n for n in items if n.startswith("xl/worksheets/sheet"))
    xml = items[name].decode()
    for ref, value in values.items():
        pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>')
        assert pattern.search(xml), f"no formula cell {ref}"
        kind = ' t="str"' if isinstance(value, str) else ""
        xml = pattern.sub(rf'<c r="{ref}"{kind}><f>\2</f><v>{value}</v></c>', xml)
    items[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item, data in items.items():
            zout.writestr(item, data)


def open_copy(template: Path, target: Path) -> Vault:
    """Another fresh database (a copy of the session's template), open."""
    shutil.copyfile(template, target)
    return open_vault(target, PASSPHRASE)


def count(vault: Vault, model: type) -> int:
    with vault.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def names(vault: Vault, model: type = m.Mother) -> list[str]:
    column = model.name if model is m.LocalService else model.full_name  # type: ignore[attr-defined]
    with vault.session() as session:
        return list(session.scalars(select(column).order_by(model.id)))  # type: ignore[attr-defined]
