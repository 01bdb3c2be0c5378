"""Settings that belong to the charity's database, each declared once with type and default.

They live in the encrypted `setting` table as JSON. Reading a key that was never written
gives its default; a stored value of the wrong type is ignored in favour of the default
(and logged by key only), so a damaged setting can never stop the app starting.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from coordinator.models import Setting

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Declared(Generic[T]):
    key: str
    type: type
    default: T
    description: str
    minimum: int | None = None
    maximum: int | None = None

    def check(self, value: Any) -> T:
        if self.type is datetime and isinstance(value, str):
            value = datetime.fromisoformat(value)
        if value is not None and not isinstance(value, self.type):
            raise TypeError(f"{self.key} must be {self.type.__name__}")
        if isinstance(value, bool) and self.type is not bool:
            raise TypeError(f"{self.key} must be {self.type.__name__}")
        if self.minimum is not None and value is not None and value < self.minimum:
            raise ValueError(f"{self.key} must be at least {self.minimum}")
        if self.maximum is not None and value is not None and value > self.maximum:
            raise ValueError(f"{self.key} must be at most {self.maximum}")
        return value

    def encode(self, value: T) -> str:
        if isinstance(value, datetime):
            return json.dumps(value.isoformat(timespec="seconds"))
        return json.dumps(value)


AUTO_LOCK_MINUTES = Declared(
    "security.auto_lock_minutes", int, 10, "Lock after this many idle minutes", 1, 240
)
DBS_RENEWAL_YEARS = Declared(
    "volunteers.dbs_renewal_years", int, 3, "Years after its issue that a DBS check is due", 1, 10
)
BACKUP_FOLDER = Declared[str | None](
    "backup.folder", str, None, "Folder for automatic backups when the app closes"
)
BACKUP_KEEP = Declared("backup.keep", int, 10, "How many automatic backups to keep", 1, 100)
BACKUP_ON_CLOSE = Declared("backup.on_close", bool, True, "Back up automatically on closing")
LAST_GOOD_BACKUP = Declared[datetime | None](
    "backup.last_good_at", datetime, None, "When the last verified backup was made (UTC)"
)
BACKUP_WARN_DAYS = 7

# The letterhead and signature printed on every letter (services.letters.letterhead).
LETTER_CHARITY_NAME = Declared("letters.charity_name", str, "", "Charity name on letters")
LETTER_CHARITY_NUMBER = Declared("letters.charity_number", str, "", "Registered charity number")
LETTER_ADDRESS = Declared("letters.address", str, "", "Charity's postal address, one line each")
LETTER_PHONE = Declared("letters.phone", str, "", "Phone number on letters")
LETTER_EMAIL = Declared("letters.email", str, "", "Email address on letters")
LETTER_WEBSITE = Declared("letters.website", str, "", "Website on letters")
LETTER_LOGO_PNG = Declared[str | None](
    "letters.logo_png", str, None, "Letterhead logo as printed (PNG, base64)"
)
LETTER_LOGO_SVG = Declared[str | None](
    "letters.logo_svg", str, None, "Letterhead logo as chosen, when it was an SVG (base64)"
)
LETTER_SIGNATORY_NAME = Declared("letters.signatory_name", str, "", "Who signs letters")
LETTER_SIGNATORY_ROLE = Declared("letters.signatory_role", str, "", "The signatory's role")
LETTER_FOOTER = Declared("letters.footer", str, "", "Footer line on every page")

ALL: tuple[Declared[Any], ...] = (
    AUTO_LOCK_MINUTES,
    BACKUP_FOLDER,
    BACKUP_KEEP,
    BACKUP_ON_CLOSE,
    LAST_GOOD_BACKUP,
    DBS_RENEWAL_YEARS,
    LETTER_CHARITY_NAME,
    LETTER_CHARITY_NUMBER,
    LETTER_ADDRESS,
    LETTER_PHONE,
    LETTER_EMAIL,
    LETTER_WEBSITE,
    LETTER_LOGO_PNG,
    LETTER_LOGO_SVG,
    LETTER_SIGNATORY_NAME,
    LETTER_SIGNATORY_ROLE,
    LETTER_FOOTER,
)


def get(session: Session, setting: Declared[T]) -> T:
    row = session.get(Setting, setting.key)
    if row is None:
        return setting.default
    try:
        return setting.check(json.loads(row.value))
    except (TypeError, ValueError):
        log.warning("setting %s holds an unusable value; using its default", setting.key)
        return setting.default


def put(session: Session, setting: Declared[T], value: T) -> None:
    value = setting.check(value)
    row = session.get(Setting, setting.key)
    if row is None:
        session.add(Setting(key=setting.key, value=setting.encode(value)))
    else:
        row.value = setting.encode(value)
