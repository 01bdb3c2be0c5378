"""The charity's letterhead and signature, kept in the encrypted database's settings."""

from __future__ import annotations

import base64
import binascii
import json
import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.models import AuditAction, Setting
from coordinator.services import audit
from coordinator.services import settings as declared
from coordinator.services.letters.documents import Letterhead
from coordinator.services.sessions import Source, reading
from coordinator.storage.vault import Vault

#: A logo larger than this is refused (it is stored inside the database and every letter).
MAX_LOGO_BYTES = 2 * 1024 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_TEXT = {
    "charity_name": declared.LETTER_CHARITY_NAME,
    "charity_number": declared.LETTER_CHARITY_NUMBER,
    "phone": declared.LETTER_PHONE,
    "email": declared.LETTER_EMAIL,
    "website": declared.LETTER_WEBSITE,
    "signatory_name": declared.LETTER_SIGNATORY_NAME,
    "signatory_role": declared.LETTER_SIGNATORY_ROLE,
    "footer": declared.LETTER_FOOTER,
}


log = logging.getLogger(__name__)


def _read_all(session: Session, wanted: list[declared.Declared[Any]]) -> dict[str, Any]:
    """Several settings in one query (a letter reads eleven), each as settings.get reads it:
    the default when unset or unusable."""
    rows = dict(
        session.execute(
            select(Setting.key, Setting.value).where(Setting.key.in_([w.key for w in wanted]))
        ).all()
    )
    values: dict[str, Any] = {}
    for setting in wanted:
        values[setting.key] = setting.default
        if setting.key in rows:
            try:
                values[setting.key] = setting.check(json.loads(rows[setting.key]))
            except (TypeError, ValueError):
                log.warning("setting %s holds an unusable value; using its default", setting.key)
    return values


class LogoRefused(ValueError):
    """The chosen file cannot be the logo; str() says why."""


def _decode(value: str | None) -> bytes | None:
    if not value:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None


def load_letterhead(source: Source) -> Letterhead:
    wanted = [*_TEXT.values(), declared.LETTER_ADDRESS, declared.LETTER_LOGO_PNG]
    with reading(source) as session:
        stored = _read_all(session, wanted)
    values = {name: stored[setting.key] for name, setting in _TEXT.items()}
    address = stored[declared.LETTER_ADDRESS.key]
    logo = _decode(stored[declared.LETTER_LOGO_PNG.key])
    lines = tuple(line.strip() for line in address.splitlines() if line.strip())
    return Letterhead(address=lines, logo_png=logo, **values)


def load_logo_svg(source: Source) -> bytes | None:
    """The SVG she chose as the logo, if it was one (the letters print its PNG rendition)."""
    with reading(source) as session:
        return _decode(declared.get(session, declared.LETTER_LOGO_SVG))


def check_logo_png(data: bytes) -> bytes:
    if len(data) > MAX_LOGO_BYTES:
        raise LogoRefused("The logo is larger than 2 MB. Choose a smaller image.")
    if not data.startswith(PNG_SIGNATURE):
        raise LogoRefused("That file is not a PNG image. Choose a PNG or SVG logo.")
    return data


def save_letterhead(vault: Vault, head: Letterhead, *, logo_svg: bytes | None = None) -> None:
    """Store the letterhead (audited by field names only). `logo_svg`, when the logo was
    chosen as an SVG, is kept beside the PNG rendition printed on letters."""
    with vault.transaction() as session:
        put_letterhead(session, head, logo_svg=logo_svg)


def put_letterhead(session: Session, head: Letterhead, *, logo_svg: bytes | None = None) -> None:
    """Store the letterhead in the caller's transaction (the demo fills one in with the rest)."""
    if head.logo_png is not None:
        check_logo_png(head.logo_png)
    for name, setting in _TEXT.items():
        declared.put(session, setting, getattr(head, name).strip())
    declared.put(session, declared.LETTER_ADDRESS, "\n".join(head.address))
    png = base64.b64encode(head.logo_png).decode("ascii") if head.logo_png else None
    svg = base64.b64encode(logo_svg).decode("ascii") if logo_svg and png else None
    declared.put(session, declared.LETTER_LOGO_PNG, png)
    declared.put(session, declared.LETTER_LOGO_SVG, svg)
    audit.record(
        session,
        AuditAction.UPDATE,
        entity_type="setting",
        fields=[*_TEXT, "address", "logo"],
        summary="letterhead saved",
    )
