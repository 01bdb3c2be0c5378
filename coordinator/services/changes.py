"""The kinds of record a piece of work can change, and how long work is stopped.

Work tells the screens what it changed with these codes (never with words shown to the
user); each screen reloads when a kind it shows has changed.
"""

from __future__ import annotations

import enum


class Kind(enum.StrEnum):
    MOTHER = "mother"
    VOLUNTEER = "volunteer"
    MATCH = "match"
    CONTACT = "contact"
    SUPERVISION = "supervision"
    ENDING = "ending"
    SERVICE = "service"
    PROJECT = "project"
    #: The lists the forms offer (needs, languages, ...).
    VOCABULARY = "vocabulary"
    #: The charity's settings kept in the database.
    SETTING = "setting"
    BACKUP = "backup"
    LETTER = "letter"
    ALERT = "alert"


#: Everything: after a restore or an import of unknown scope.
EVERYTHING = frozenset(Kind)


class Cancelled(Exception):
    """The user stopped the work; raised from its progress report, so that nothing the work
    had done is kept (its transaction rolls back)."""


#: The kind of record each list holds, by the name importing and exporting give it.
_LISTS = {
    "mothers": Kind.MOTHER,
    "volunteers": Kind.VOLUNTEER,
    "matches": Kind.MATCH,
    "services": Kind.SERVICE,
    "contacts": Kind.CONTACT,
}


def of_list(name: str) -> Kind:
    """The kind of record the list `name` ("mothers", "volunteers", ...) holds."""
    return _LISTS[name]
