"""Checks on a workbook before anything in it is inflated or parsed, so that a hostile or odd
file is refused in plain words instead of taking the machine's memory or time:

- a password-protected .xlsx is not a zip at all but an OLE compound file holding an
  "EncryptedPackage" stream (an old .xls is an OLE file too, without one);
- a zip bomb declares far more inflated bytes than a spreadsheet needs, or inflates at a
  ratio no real sheet reaches; the sizes are read from the zip's directory first (Python's
  zipfile never inflates a member past its declared size, so they bind);
- an XML part with a document type (entity declarations: "billion laughs") is never
  written by Excel or LibreOffice: the start of each part is given to lxml's pull parser
  (entities not resolved, no DTD loaded, no network) and the part is refused when the
  parser reports a document type before the first element, or finds no element at all in
  the first 64 KiB.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from coordinator.services.importing.readers import ImportFileError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream name of an encrypted Office file, as the OLE directory stores it (UTF-16LE).
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
#: Most inflated bytes a workbook may hold: a sheet of 200,000 rows of 40 columns is under
#: 1 GiB of XML; a file that claims more is not a coordinator's spreadsheet.
MAX_INFLATED = 1024**3
#: Highest inflate ratio for a large member: sheet XML of varied records compresses about
#: 5-20 times and a very repetitive one up to about 100; bombs reach thousands.
MAX_RATIO = 200
#: Members smaller than this are not held to the ratio (tiny parts compress oddly well).
RATIO_FLOOR = 1024 * 1024
#: Bytes read from the start of each XML part to find its first element.
PROLOG_BYTES = 64 * 1024
#: Bytes given to the parser at a time: what follows the first element is not parsed.
FEED_BYTES = 1024
_CHUNK = 1024 * 1024


def refuse_ole(path: Path) -> None:
    """An OLE file: say whether it is a password-protected workbook or an old .xls."""
    if _holds(path, ENCRYPTED_PACKAGE):
        raise ImportFileError(
            f"{path.name} is password-protected: remove the password in Excel (File → Info → "
            "Protect Workbook), or export it to CSV, and import it again."
        )
    raise ImportFileError(
        f"{path.name} is an old Excel (.xls) file: open it in Excel and save it as "
        ".xlsx or CSV first."
    )


def _holds(path: Path, needle: bytes) -> bool:
    carry = b""
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                if needle in carry + chunk:
                    return True
                carry = chunk[-len(needle) :]
    except OSError:
        return False
    return False


def check_workbook(path: Path) -> None:
    """Refuse a workbook whose zip would inflate too far, or whose XML declares entities."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as book:
            members = book.infolist()
            if sum(m.file_size for m in members) > MAX_INFLATED:
                raise ImportFileError(
                    f"{name} would unpack to more than {MAX_INFLATED // 1024**3} GB: it is not "
                    "a spreadsheet Coordinator can read. Export the sheet to CSV instead."
                )
            for member in members:
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
                    raise ImportFileError(
                        f"{name} is built to unpack to far more than it holds (a 'zip bomb'): "
                        "it was not opened. Export the sheet to CSV from the program that made "
                        "it."
                    )
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels", ".vml")):
                    _check_prolog(book, member, name)
    except ImportFileError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as err:
        raise ImportFileError(
            f"{name} is damaged: it is not a readable Excel file ({type(err).__name__}). "
            "Open it in Excel and save it again, or export it to CSV."
        ) from None
    except Exception as err:  # zlib and zipfile fail in more ways on a damaged file
        raise ImportFileError(
            f"{name} is damaged: it is not a readable Excel file ({type(err).__name__})."
        ) from None


def _check_prolog(book: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> None:
    with book.open(member) as fh:
        head = fh.read(PROLOG_BYTES)
    try:
        refused = _declares_doctype(head, complete=len(head) < PROLOG_BYTES)
    except etree.XMLSyntaxError:
        raise ImportFileError(
            f"{name} is damaged: its part {member.filename} is not readable XML. Open it in "
            "Excel and save it again, or export it to CSV."
        ) from None
    if refused:
        raise ImportFileError(
            f"{name} holds XML that Excel never writes (a document type with entities), "
            "which can be built to exhaust the computer: it was not opened. Open it in Excel "
            "and save it again, or export it to CSV."
        )


def _declares_doctype(head: bytes, *, complete: bool) -> bool:
    """Whether the XML that starts with `head` declares a document type before its first
    element (or, when `head` is only the start of the part, shows no element in it).
    XMLSyntaxError when the part goes wrong before its first element."""
    parser = etree.XMLPullParser(
        events=("start",), resolve_entities=False, load_dtd=False, no_network=True
    )
    for start in range(0, len(head), FEED_BYTES):  # a little at a time: stop at the element
        failed = None
        try:
            parser.feed(head[start : start + FEED_BYTES])
        except etree.XMLSyntaxError as err:  # after the first element, it is not ours to judge
            failed = err
        for _event, element in parser.read_events():
            docinfo = element.getroottree().docinfo
            return bool(docinfo.doctype) or docinfo.internalDTD is not None
        if failed is not None:
            raise failed
    return not complete
