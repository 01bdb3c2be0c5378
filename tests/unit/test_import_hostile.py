"""Hostile and odd workbooks: a password-protected one, a damaged one, a billion-laughs XML
part and a zip bomb are each refused in plain words (exit 2 on the command line), before
anything is inflated or parsed; no traceback ever reaches the user."""

from __future__ import annotations

import json
import zipfile

import pytest

from coordinator.services.importing import ImportFileError, preview
from coordinator.services.importing.workbook_checks import MAX_INFLATED, MAX_RATIO, RATIO_FLOOR
from tests.unit.test_import_helpers import write_xlsx

EXIT_USAGE = 2
ROWS = [["Name", "Tel"], ["Amy Ashworth", "07700 900123"]]


def encrypted_workbook(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_xlsx(tmp_path / "plain.xlsx", ROWS)
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    return locked


def rewritten(tmp_path, name, change):
    """A copy of a good workbook with its parts changed by `change(parts)`."""
    good = write_xlsx(tmp_path / "good.xlsx", ROWS)
    with zipfile.ZipFile(good) as book:
        parts = {n: book.read(n) for n in book.namelist()}
    change(parts)
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for part, data in parts.items():
            book.writestr(part, data)
    return path


def billion_laughs(parts):
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)
    )
    name = next(n for n in parts if n.startswith("xl/worksheets/"))
    body = parts[name].decode().split("?>", 1)[-1]
    parts[name] = (
        (f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]>' + body)
        .replace("Amy Ashworth", "&lol9;")
        .encode()
    )


def zip_bomb(tmp_path):
    """A workbook whose sheet inflates at a ratio no real sheet reaches."""
    good = write_xlsx(tmp_path / "good.xlsx", ROWS)
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for part in source.namelist():
            out.writestr(part, source.read(part))
        out.writestr("xl/media/padding.xml", b"<a>" + b" " * (8 * RATIO_FLOOR) + b"</a>")
    return path


def test_a_password_protected_workbook_is_called_that(tmp_path):
    with pytest.raises(ImportFileError) as refused:
        preview(encrypted_workbook(tmp_path), "mothers")
    assert "is password-protected: remove the password in Excel" in str(refused.value)
    assert "export it to CSV" in str(refused.value)
    assert "old Excel" not in str(refused.value)


def test_an_old_xls_file_is_still_called_that(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    with pytest.raises(ImportFileError, match=r"old Excel \(\.xls\) file"):
        preview(path, "mothers")


def test_an_entity_bomb_is_refused_before_it_is_parsed(tmp_path):
    path = rewritten(tmp_path, "laughs.xlsx", billion_laughs)
    with pytest.raises(ImportFileError, match="holds XML that Excel never writes"):
        preview(path, "mothers")


def sheet_with_prolog(prolog: str, body_from_root: str | None = None):
    """A change putting `prolog` before the sheet's root element (and, if given, the
    body after it instead of the sheet's)."""

    def change(parts):
        name = next(n for n in parts if n.startswith("xl/worksheets/"))
        body = parts[name].decode().split("?>", 1)[-1]
        parts[name] = (prolog + (body if body_from_root is None else body_from_root)).encode()

    return change


@pytest.mark.parametrize(
    "prolog",
    [
        '<?xml version="1.0"?>\n<!DOCTYPE worksheet>\n',  # no entities: still not Excel's
        '<?xml version="1.0"?><!-- a comment --><!DOCTYPE worksheet SYSTEM "sheet.dtd">',
    ],
    ids=["bare", "system"],
)
def test_any_document_type_is_refused(tmp_path, prolog):
    path = rewritten(tmp_path, "typed.xlsx", sheet_with_prolog(prolog))
    with pytest.raises(ImportFileError, match="holds XML that Excel never writes"):
        preview(path, "mothers")


def test_a_document_type_is_found_however_far_into_its_first_kilobytes(tmp_path):
    padding = "<!-- " + "x" * 3000 + " -->"
    path = rewritten(
        tmp_path,
        "late.xlsx",
        sheet_with_prolog(f'<?xml version="1.0"?>{padding}<!DOCTYPE w [<!ENTITY a "b">]>'),
    )
    with pytest.raises(ImportFileError, match="holds XML that Excel never writes"):
        preview(path, "mothers")


def test_a_part_broken_after_its_first_element_is_left_to_the_reader(tmp_path):
    # The check judges only what comes before the first element: a sheet whose rows are
    # broken is called damaged by the reader, not refused as a document type.
    path = rewritten(
        tmp_path, "rows.xlsx", sheet_with_prolog('<?xml version="1.0"?>', "<worksheet><<")
    )
    with pytest.raises(ImportFileError) as refused:
        preview(path, "mothers")
    assert "never writes" not in str(refused.value)


@pytest.mark.parametrize(
    "prolog", ["<!junk>", '<!doctype worksheet [<!ENTITY a "Amy">]>'], ids=["junk", "lower case"]
)
def test_a_part_that_is_not_xml_before_its_first_element_is_damaged(tmp_path, prolog):
    path = rewritten(tmp_path, "junk.xlsx", sheet_with_prolog("<?xml version='1.0'?>" + prolog))
    with pytest.raises(ImportFileError, match="is damaged: its part xl/worksheets/sheet1.xml"):
        preview(path, "mothers")


def test_a_part_with_no_element_in_its_first_64_kib_is_refused(tmp_path):
    padding = "<!-- " + "x" * (70 * 1024) + " -->"
    path = rewritten(tmp_path, "long.xlsx", sheet_with_prolog(f'<?xml version="1.0"?>{padding}'))
    with pytest.raises(ImportFileError, match="holds XML that Excel never writes"):
        preview(path, "mothers")


def test_a_zip_bomb_is_refused_from_its_sizes_before_inflating(tmp_path):
    path = zip_bomb(tmp_path)
    with zipfile.ZipFile(path) as book:
        padding = book.getinfo("xl/media/padding.xml")
        assert padding.file_size / padding.compress_size > MAX_RATIO  # the file is what it says
    with pytest.raises(ImportFileError, match="zip bomb"):
        preview(path, "mothers")
    assert MAX_INFLATED >= 512 * 1024**2  # room for a real sheet of many thousand rows


def test_a_damaged_workbook_is_refused_in_plain_words(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", ROWS)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(ImportFileError, match="(damaged|not a readable Excel file)"):
        preview(cut, "mothers")
    broken = rewritten(tmp_path, "broken.xlsx", lambda p: p.update({"xl/workbook.xml": b"<wor"}))
    with pytest.raises(ImportFileError, match="not a readable Excel file"):
        preview(broken, "mothers")


@pytest.mark.parametrize("kind_of_file", ["locked", "laughs", "bomb", "cut"])
def test_the_command_line_exits_2_with_the_message_and_no_traceback(
    cli, fresh_db, tmp_path, kind_of_file
):
    good = write_xlsx(tmp_path / "good.xlsx", ROWS)
    path = {
        "locked": lambda: encrypted_workbook(tmp_path),
        "laughs": lambda: rewritten(tmp_path, "laughs.xlsx", billion_laughs),
        "bomb": lambda: zip_bomb(tmp_path),
        "cut": lambda: (
            (tmp_path / "cut.xlsx").write_bytes(good.read_bytes()[:300]) and tmp_path / "cut.xlsx"
        ),
    }[kind_of_file]()
    done = cli("import", "mothers", str(path), "--db", str(fresh_db), "--json")
    assert done.returncode == EXIT_USAGE
    assert "Traceback" not in done.stderr + done.stdout
    assert json.loads(done.stdout)["error"]
