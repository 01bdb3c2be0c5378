"""Every human language, known by its name or code: so that a spreadsheet's "Igbo", "Twi" or
"BSL" is recognised as a real language even when the coordinator's own short list (the one
the forms offer first) does not have it yet.

Names and codes come from `langcodes` with its `language_data` (the IANA language subtag
registry, ISO 639-1/2/3 and CLDR names), which includes the ISO 639-3 sign languages such
as "bfi" British Sign Language. The abbreviations people write for sign languages are added
here, as the registry has no entry for them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import langcodes

#: What people write for sign languages -> the ISO 639-3 code. "ISL" is read as Irish Sign
#: Language: the nearest use of the letters to a UK charity.
SIGN_ALIASES = {
    "bsl": "bfi",
    "british sign": "bfi",
    "asl": "ase",
    "isl": "isg",
    "irish sign": "isg",
    "auslan": "asf",
    "sign language": "sgn",
    "signing": "sgn",
}
#: Words that are never a language, however a code table reads them ("no" is Norwegian).
NOT_LANGUAGES = frozenset({"no", "yes", "none", "na", "n/a", "other", "unknown", "tbc"})
#: Codes that name no one language: "Artificial languages", "Miscellaneous", "Multiple",
#: "Undetermined", "No linguistic content".
NOT_TAGS = frozenset({"art", "mis", "mul", "und", "zxx"})
#: Longest text tried as a language name (a sentence in a cell is not one).
MAX_NAME = 60
_CODE = re.compile(r"^[A-Za-z]{2,3}$")


@dataclass(frozen=True)
class KnownLanguage:
    #: The language's code (ISO 639-1 where there is one, else ISO 639-3): "ig", "bfi".
    tag: str
    #: Its English name: "Igbo", "British Sign Language".
    name: str


def _simple(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s()/'-]", " ", text.casefold()).split())


@functools.lru_cache(maxsize=4096)
def identify(text: str) -> KnownLanguage | None:
    """The real language a name or code names ("Farsi", "fa", "BSL"), or None."""
    simple = _simple(text or "")
    if not simple or len(simple) > MAX_NAME or simple in NOT_LANGUAGES:
        return None
    tag = SIGN_ALIASES.get(simple) or SIGN_ALIASES.get(simple.removesuffix(" language"))
    if tag is None and _CODE.match(simple):
        language = langcodes.Language.get(simple)
        if language.is_valid() and not language.language_name().startswith("Unknown"):
            tag = language.language
    if tag is None:
        try:
            tag = langcodes.find(simple).language
        except (LookupError, ValueError):
            bare = re.sub(r"\([^)]*\)", "", simple).strip()
            if not bare or bare == simple:
                return None
            return identify(bare)
    if not tag or tag in NOT_TAGS:
        return None
    language = langcodes.Language.get(tag)
    return KnownLanguage(language.language or tag, language.display_name())


def label_for(text: str) -> str | None:
    """The label a new vocabulary term gets for a language written this way: the text itself
    when it is a name ("Farsi" stays Farsi), the language's name for a code or an
    abbreviation ("ig" -> Igbo, "BSL" -> British Sign Language); None if not a language."""
    found = identify(text)
    if found is None:
        return None
    simple = _simple(text)
    if _CODE.match(simple) or simple in SIGN_ALIASES:
        return found.name
    written = " ".join(text.split())
    return written[0].upper() + written[1:] if written.islower() else written


def same_language(label: str, code: str | None = None) -> str | None:
    """The code of the language a vocabulary term means (by its code, else its label)."""
    if code:
        found = identify(code)
        if found is not None:
            return found.tag
    found = identify(label)
    return found.tag if found else None
