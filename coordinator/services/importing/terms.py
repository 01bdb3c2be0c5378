"""The words in a spreadsheet's list columns (languages, needs, lived experience, service
categories) and choice columns (referral source, stage, DBS type, ...): a word in her list
is read as that term; one she has mapped (in the dialog's values step, or the mapping
file's "values") is read as the term she chose; any real language is known, and added to
her list of languages if it is not there yet; with "add new terms", any other word is added
to her list too. Only what is left is unknown, and only that rejects a row.

New terms get placeholder ids (negative) while rows are checked; the save adds the terms
and puts their real ids in place, in the same transaction as the records.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.services.importing.fields import norm
from coordinator.services.importing.values import split_list
from coordinator.services.languages import identify, label_for, same_language
from coordinator.services.validation import Invalid
from coordinator.services.vocabularies import MAX_LABEL

#: What each vocabulary is called in messages ("not in your list of languages").
VOCAB_WORDS = {
    m.Need: "needs",
    m.Language: "languages",
    m.ExperienceTag: "lived experiences",
    m.ServiceCategory: "service categories",
}
#: A value mapped to this is not right: the rows that have it are not imported.
REJECT = ""
#: column header -> {value as written in the file -> the term (or choice) to read it as}.
ValueChoices = Mapping[str, Mapping[str, str]]


@dataclass
class Terms:
    """One vocabulary's terms by normalised label and code, and (languages) by language."""

    model: type
    ids: dict[str, int] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    tags: dict[str, int] = field(default_factory=dict)

    @property
    def what(self) -> str:
        return VOCAB_WORDS[self.model]

    def exact(self, text: str) -> int | None:
        """The id of the term with this label or code (ignoring case and punctuation)."""
        return self.ids.get(norm(text))

    def known(self, text: str) -> int | None:
        """The id of the term this text names, without adding anything."""
        found = self.ids.get(norm(text))
        if found is None and self.model is m.Language:
            language = identify(text)
            found = self.tags.get(language.tag) if language else None
        return found


def load_terms(session: Session) -> dict[type, Terms]:
    out: dict[type, Terms] = {}
    for model in VOCAB_WORDS:
        terms = Terms(model)
        rows = session.execute(select(model.id, model.code, model.label)).all()  # type: ignore[attr-defined]
        # Codes first, then labels, so that a label wins over another term's code.
        for id_, code, _ in rows:
            terms.ids[norm(code)] = id_
        for id_, code, label in rows:
            terms.ids[norm(label)] = id_
            terms.labels[id_] = label
            if model is m.Language and (tag := same_language(label, code)):
                terms.tags.setdefault(tag, id_)
        out[model] = terms
    return out


@dataclass
class NewTerms:
    """Terms to add to her lists: placeholder id -> (vocabulary, label)."""

    added: dict[int, tuple[type, str]] = field(default_factory=dict)

    def add(self, terms: Terms, label: str) -> int:
        label = " ".join(label.split())[:MAX_LABEL]
        found = terms.ids.get(norm(label))
        if found is not None:
            return found
        placeholder = -(len(self.added) + 1)
        self.added[placeholder] = (terms.model, label)
        terms.ids[norm(label)] = placeholder
        terms.labels[placeholder] = label
        if terms.model is m.Language and (tag := same_language(label)):
            terms.tags.setdefault(tag, placeholder)
        return placeholder

    def by_vocabulary(self) -> dict[str, list[str]]:
        """'languages' -> labels added, in the order first met."""
        out: dict[str, list[str]] = {}
        for model, label in self.added.values():
            out.setdefault(VOCAB_WORDS[model], []).append(label)
        return out


class Choices:
    """The coordinator's choices for values (by column), and whether to add new words."""

    def __init__(self, values: ValueChoices | None, add_new_terms: bool) -> None:
        self.add_new_terms = add_new_terms
        self._by_column = {
            norm(column): {norm(raw): str(target or "").strip() for raw, target in given.items()}
            for column, given in (values or {}).items()
        }

    def get(self, column: str, raw: str) -> str | None:
        """The term chosen for this value of this column; REJECT; or None (no choice)."""
        return self._by_column.get(norm(column), {}).get(norm(raw))

    def columns(self) -> set[str]:
        return set(self._by_column)


def resolve_term(
    terms: Terms, new: NewTerms, choices: Choices, column: str, raw: str
) -> int | None:
    """The id of the term for one value, adding it when that is allowed; None if unknown.

    Raises Invalid when the coordinator chose to leave out rows with this value, or mapped
    it to a term that is not in her list (and may not be added)."""
    found = terms.known(raw)
    if found is not None:
        return found
    chosen = choices.get(column, raw)
    if chosen is not None:
        if chosen == REJECT:
            raise Invalid(f"You chose not to import rows with '{raw}'.")
        found = terms.known(chosen)
        if found is not None:
            return found
        if terms.model is m.Language and (label := label_for(chosen)):
            return new.add(terms, label)
        if choices.add_new_terms:
            return new.add(terms, chosen)
        raise Invalid(f"'{chosen}' (chosen for '{raw}') is not in your list of {terms.what}.")
    if terms.model is m.Language and (label := label_for(raw)):
        return new.add(terms, label)
    if choices.add_new_terms:
        return new.add(terms, raw)
    return None


def resolve_list(
    text: str,
    known: Callable[[str], int | None],
    resolve: Callable[[str], int | None],
    what: str,
) -> list[int]:
    """Ids of the listed terms, in order without repeats; Invalid naming every unknown one.

    The whole cell is tried first among the known terms, so a term whose label has a comma
    is one term."""
    whole = known(text)
    if whole is not None:
        return [whole]
    ids: list[int] = []
    unknown: list[str] = []
    for item in split_list(text):
        found = resolve(item)
        if found is None:
            unknown.append(item)
        elif found not in ids:
            ids.append(found)
    if unknown:
        names = ", ".join(f"'{u}'" for u in unknown)
        verb = "is" if len(unknown) == 1 else "are"
        raise Invalid(
            f"{names} {verb} not in your list of {what}: choose a term for it or add it to "
            "your list when you import, or correct the spelling."
        )
    return ids
