"""What she does today, for the letters benchmark: a one-page letter as an OpenDocument
text file, converted to PDF by LibreOffice (`soffice --headless --convert-to pdf`), a new
process each time as a mail merge's "export as PDF" from a script would be.

The .odt is written by hand (a zip of four XML parts), so no office library is needed to
make it; it holds the same words as the letter it stands for, one paragraph a line."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

MIMETYPE = "application/vnd.oasis.opendocument.text"
MANIFEST = f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="{MIMETYPE}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'office:version="1.2"'
)
# A4 with 2 cm margins, DejaVu Sans 10 pt: the letter's own page and font.
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NAMESPACES}>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:margin-bottom="0.1cm"/>
   <style:text-properties style:font-name="DejaVu Sans" fo:font-family="'DejaVu Sans'"
    fo:font-size="10pt"/>
  </style:default-style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="A4">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
    fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="A4"/>
 </office:master-styles>
</office:document-styles>"""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def write_odt(path: Path, lines: list[str]) -> Path:
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in lines)
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
        f"<office:body><office:text>{paragraphs}</office:text></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as odt:
        # The mimetype comes first and uncompressed, as the format requires.
        odt.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        for name, text in (
            ("content.xml", content),
            ("styles.xml", STYLES),
            ("META-INF/manifest.xml", MANIFEST),
        ):
            odt.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)
    return path


def convert(odt: Path, out_dir: Path, profile: Path) -> Path:
    """The .odt converted to PDF by a new LibreOffice process (its own profile, so the
    user's is not touched); the PDF's path."""
    subprocess.run(
        [
            soffice() or "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(odt),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out_dir / (odt.stem + ".pdf")
