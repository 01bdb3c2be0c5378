"""Merged ranges, unsaved formulas and Excel error values, read from a workbook's own XML."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from coordinator.services.importing.sheet_parts import (
    EXCEL_ERRORS,
    SheetPartsError,
    excel_error,
    scan_sheet,
    split_reference,
)

CLASSIC_ERRORS = ["#DIV/0!", "#NAME?", "#VALUE!", "#NULL!", "#REF!", "#NUM!", "#N/A"]


def workbook(path: Path, build) -> Path:
    book = openpyxl.Workbook()
    build(book)
    book.save(path)
    return path


def test_finds_merged_ranges_and_formulas_without_results(tmp_path):
    def build(book):
        sheet = book.active
        sheet.title = "Referrals"
        sheet["A1"] = "Languages spoken"
        sheet.merge_cells("A1:B1")
        sheet["A2"], sheet["B2"] = "Polish", "English"
        sheet["C2"] = "=A2&B2"  # openpyxl saves formulas without a cached result
        sheet["D40"] = "=1+1"

    facts = scan_sheet(workbook(tmp_path / "book.xlsx", build), "Referrals")
    assert facts.merged == [(1, 1, 2, 1)]
    assert facts.unsaved_formulas == [(2, 3), (40, 4)]


def test_looks_only_at_the_sheet_named(tmp_path):
    def build(book):
        book.active.title = "Notes"
        book.active["A1"] = "=NOW()"
        other = book.create_sheet("Volunteers")
        other["B3"] = "Ann"

    path = workbook(tmp_path / "book.xlsx", build)
    assert scan_sheet(path, "Volunteers").unsaved_formulas == []
    assert scan_sheet(path, "Notes").unsaved_formulas == [(1, 1)]
    assert scan_sheet(path, "No such sheet").unsaved_formulas == []


SHEET = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    "{rows}</sheetData>{merges}</worksheet>"
)
WORKBOOK = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="{target}" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet"/></Relationships>'
)


def raw_workbook(path: Path, sheet_xml: str, target: str = "worksheets/sheet1.xml") -> Path:
    """A workbook written by hand, as other programs write them."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", RELS.format(target=target))
        archive.writestr("xl/" + target.lstrip("/").removeprefix("xl/"), sheet_xml)
    return path


def test_saved_results_self_closing_cells_and_cells_without_references(tmp_path):
    rows = (
        '<row r="1"><c r="A1"/><c r="B1" t="s"><v>0</v></c><c r="C1"><f>1+1</f><v>2</v></c></row>'
        # No references: cells follow one another; the second has a formula and no result.
        "<row><c><v>1</v></c><c><f>A2*2</f></c><c/></row>"
        '<row r="7"><c r="E7"><f t="shared" si="0"/><v></v></c></row>'
    )
    merges = '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>'
    path = raw_workbook(tmp_path / "book.xlsx", SHEET.format(rows=rows, merges=merges))
    facts = scan_sheet(path, "Sheet1")
    assert facts.unsaved_formulas == [(2, 2), (7, 5)]
    assert facts.merged == [(1, 1, 3, 1)]


def test_sheet_found_through_an_absolute_relationship_target(tmp_path):
    rows = '<row r="3"><c r="B3"><f>NOW()</f></c></row>'
    path = raw_workbook(
        tmp_path / "book.xlsx", SHEET.format(rows=rows, merges=""), "/xl/worksheets/data.xml"
    )
    assert scan_sheet(path, "Sheet1").unsaved_formulas == [(3, 2)]


def test_an_entity_bomb_is_refused_not_expanded(tmp_path):
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "ha"}">' for i in range(10))
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{levels}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    path = raw_workbook(tmp_path / "bomb.xlsx", bomb)
    try:
        facts = scan_sheet(path, "Sheet1")
    except SheetPartsError:
        return
    assert facts.unsaved_formulas == []  # read without expanding a billion laughs


def test_damaged_xml_is_a_plain_error(tmp_path):
    path = raw_workbook(tmp_path / "bad.xlsx", "<worksheet><sheetData><row><c>")
    with pytest.raises(SheetPartsError):
        scan_sheet(path, "Sheet1")


@pytest.mark.parametrize("error", CLASSIC_ERRORS)
def test_each_excel_error_value_is_recognised(error):
    assert excel_error(error) == error
    assert excel_error(f" {error.lower()} ") == error


@pytest.mark.parametrize("value", ["#1 fan", "#", "N/A", "Ref", "#REF", 7, None, "Self"])
def test_real_values_are_not_errors(value):
    assert excel_error(value) is None


def test_the_classic_errors_are_all_known():
    assert set(CLASSIC_ERRORS) <= EXCEL_ERRORS


@pytest.mark.parametrize(
    ("ref", "place"), [("A1", (1, 1)), ("Z9", (9, 26)), ("AA10", (10, 27)), ("XFD3", (3, 16384))]
)
def test_cell_references(ref, place):
    assert split_reference(ref) == place


@pytest.mark.parametrize("ref", ["", "A", "12", "1A", "Ä1"])
def test_not_cell_references(ref):
    assert split_reference(ref) is None
