"""The wording of each letter: editable in Settings → Letters, with placeholders such as
{mother.preferred_name} filled in when the letter is made. Defaults ship in
resources/letters. A placeholder the letter does not know is refused when the wording is
saved, so printing never meets one."""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from coordinator.models import AuditAction
from coordinator.services import audit
from coordinator.services import settings as declared
from coordinator.services.letters.kinds import WORDED, LetterKind
from coordinator.services.sessions import Source, reading
from coordinator.storage.vault import Vault

FOLDER = "resources/letters"
MAX_WORDING = 8000
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
SUBJECT = "subject:"

_COMMON = {
    "mother.preferred_name": "Her preferred name (her full name if none)",
    "mother.full_name": "Her full name",
    "mother.reference": "Her reference, e.g. M0042",
    "project.name": "The project's name",
    "project.phone": "The project's phone (the charity's if none)",
    "charity.name": "The charity's name",
    "charity.phone": "The charity's phone",
    "signatory.name": "Who signs the letter",
    "today": "Today's date",
}
_MATCH = {
    "volunteer.first_name": "Her volunteer's first name (never the full name)",
    "match.first_visit": "The date of the first visit",
}
_REFERRAL = {
    "referrer.name": "The referrer's name",
    "referrer.agency": "The referrer's organisation",
    "referral.received_on": "When the referral arrived",
}
_ENDING = {
    "ending.date": "When support ended",
    "ending.onward_services": "The onward services, as a list (a paragraph of its own)",
}

PLACEHOLDERS: dict[LetterKind, dict[str, str]] = {
    LetterKind.ACKNOWLEDGEMENT: {**_COMMON, **_REFERRAL},
    LetterKind.INTRODUCTION: {**_COMMON, **_MATCH},
    LetterKind.ENDING_PLANNED: {**_COMMON, **_MATCH, **_ENDING},
    LetterKind.ENDING_UNPLANNED: {**_COMMON, **_MATCH, **_ENDING},
    LetterKind.REFERRAL_SUMMARY: {
        **_COMMON,
        **_REFERRAL,
        "recipient.name": "Who the summary is for",
    },
}

WORDING: dict[LetterKind, declared.Declared[str | None]] = {
    kind: declared.Declared(f"letters.wording.{kind.value}", str, None, f"Wording: {kind.value}")
    for kind in WORDED
}


class WordingRefused(ValueError):
    """The wording cannot be saved; str() says why and what to do."""


@dataclass(frozen=True)
class Worded:
    """Wording filled in and split into the parts a letter prints."""

    subject: str
    salutation: str
    body: tuple[str | tuple[str, ...], ...]
    closing: str


def _folder() -> Path:
    candidates = [Path(__file__).resolve().parents[3] / FOLDER]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / FOLDER)
    return next((c for c in candidates if c.is_dir()), candidates[-1])


@cache
def default_wording(kind: LetterKind) -> str:
    return (_folder() / f"{kind.value}.txt").read_text(encoding="utf-8").strip() + "\n"


def unknown_placeholders(kind: LetterKind, wording: str) -> list[str]:
    known = PLACEHOLDERS[kind]
    return [name for name in PLACEHOLDER.findall(wording) if name.strip() not in known]


def check_wording(kind: LetterKind, wording: str) -> str:
    """The wording, tidied; WordingRefused if it cannot be printed as it stands."""
    wording = wording.replace("\r\n", "\n").strip()
    if not wording:
        raise WordingRefused("The wording is empty. Write the letter, or restore the default.")
    if len(wording) > MAX_WORDING:
        raise WordingRefused(f"The wording is longer than {MAX_WORDING} characters.")
    unknown = unknown_placeholders(kind, wording)
    if unknown:
        shown = ", ".join("{" + name + "}" for name in dict.fromkeys(unknown))
        raise WordingRefused(
            f"This letter does not know {shown}. Use one of the placeholders listed, "
            "or remove the braces."
        )
    if wording.count("{") != wording.count("}"):
        raise WordingRefused("A brace { or } has no partner. Check the placeholders.")
    if len(_paragraphs(wording)[1]) < 2:
        raise WordingRefused(
            "Begin with a greeting and end with a sign-off, each its own paragraph."
        )
    return wording + "\n"


def load_wording(source: Source, kind: LetterKind) -> str:
    with reading(source) as session:
        stored = declared.get(session, WORDING[kind])
    return stored or default_wording(kind)


def save_wording(vault: Vault, kind: LetterKind, wording: str | None) -> None:
    """Store her wording (None restores the default); refused with the reason if it holds
    an unknown placeholder."""
    value = None if wording is None else check_wording(kind, wording)
    if value is not None and value == default_wording(kind):
        value = None
    with vault.transaction() as session:
        declared.put(session, WORDING[kind], value)
        audit.record(
            session,
            AuditAction.UPDATE,
            entity_type="setting",
            fields=[WORDING[kind].key],
            summary="letter wording saved" if value else "letter wording restored",
        )


def _paragraphs(wording: str) -> tuple[str, list[str]]:
    text = wording.strip()
    subject = ""
    first, _, rest = text.partition("\n")
    if first.lower().startswith(SUBJECT):
        subject, text = first[len(SUBJECT) :].strip(), rest
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return subject, paragraphs


def fill(wording: str, values: Mapping[str, str | tuple[str, ...]]) -> Worded:
    """The wording with every placeholder replaced. A placeholder alone in its paragraph
    whose value is a list prints as bullets; elsewhere a list reads "a, b and c"."""

    def one(match: re.Match[str]) -> str:
        value = values.get(match.group(1).strip(), "")
        return value if isinstance(value, str) else _joined(value)

    subject, paragraphs = _paragraphs(wording)
    body: list[str | tuple[str, ...]] = []
    for paragraph in paragraphs:
        alone = PLACEHOLDER.fullmatch(paragraph)
        value = values.get(alone.group(1).strip()) if alone else None
        if isinstance(value, tuple):
            body.append(value)
        else:
            body.append(PLACEHOLDER.sub(one, paragraph))
    salutation = body.pop(0) if body and isinstance(body[0], str) else ""
    closing = body.pop() if len(body) > 0 and isinstance(body[-1], str) else ""
    return Worded(PLACEHOLDER.sub(one, subject), str(salutation), tuple(body), str(closing))


def _joined(items: tuple[str, ...]) -> str:
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
