"""Before importing: every value of a list or choice column that is not in her lists, per
column, with how many rows have it and a likely term, so that the coordinator can say what
each is (a term she has, a new term for her list, or not right) before anything is saved."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from coordinator import models as m
from coordinator.services.importing import fields as F
from coordinator.services.importing.header import Column
from coordinator.services.importing.readers import FormulaWithoutResult
from coordinator.services.importing.sheet import read_sheet
from coordinator.services.importing.terms import Terms, load_terms
from coordinator.services.importing.values import cell_text, split_list
from coordinator.services.languages import identify, label_for
from coordinator.storage.vault import Vault

#: How alike (0..1) a value and a term must be for the term to be suggested ("Polsih").
SUGGEST_CUTOFF = 0.75
_CHOICE_TYPES = {F.VOCAB, F.VOCAB_LIST, F.ENUM, F.PROJECT, F.PROJECT_LIST}


@dataclass(frozen=True)
class UnknownValue:
    #: The value as written in the file.
    value: str
    #: How many rows have it.
    rows: int
    #: The term (or option) it most likely means, or None.
    suggestion: str | None = None
    #: For a real language not in her list: the name it is added under.
    language: str | None = None


@dataclass(frozen=True)
class UnknownColumn:
    column: str
    field: str
    #: What the column's values are called ("languages", "referral sources").
    what: str
    #: Whether a value may be added to her list (a vocabulary); else only mapped.
    can_add: bool
    #: The terms or options a value can be read as, as labels, in her list's order.
    choices: tuple[str, ...]
    values: tuple[UnknownValue, ...]


def unknown_values(
    vault: Vault, kind: str, path: Path | str, mapping: Mapping[str, str] | None = None
) -> list[UnknownColumn]:
    """Each list or choice column with values that are not in her lists (empty: none)."""
    sheet = read_sheet(path, kind, mapping)
    data = sheet.data()
    with vault.storage_errors(), vault.session() as session:
        vocab = load_terms(session)
        active = {
            model: [
                label
                for (label,) in session.execute(
                    select(model.label)  # type: ignore[attr-defined]
                    .where(model.active.is_(True))  # type: ignore[attr-defined]
                    .order_by(model.sort_order, model.label)  # type: ignore[attr-defined]
                )
            ]
            for model in vocab
        }
        projects = list(session.scalars(select(m.Project.name).order_by(m.Project.name)))
    out = []
    for column in sheet.columns:
        fld = column.field
        if fld is None or fld.type not in _CHOICE_TYPES:
            continue
        texts = [_text(cells, column.index) for _, cells in data]
        found = _unknown_in(column, fld, [t for t in texts if t], vocab, projects)
        if not found:
            continue
        if fld.type in (F.VOCAB, F.VOCAB_LIST):
            terms = vocab[fld.vocab]  # type: ignore[index]
            what, can_add, choices = terms.what, True, tuple(active[fld.vocab])  # type: ignore[index]
        elif fld.type == F.ENUM:
            what, can_add = f"{fld.header.lower()} options", False
            choices = tuple(F.ENUM_LABELS[fld.enum].values())  # type: ignore[index]
        else:
            what, can_add, choices = "projects", False, tuple(projects)
        values = tuple(
            UnknownValue(
                raw,
                count,
                _suggest(raw, choices),
                label_for(raw) if fld.vocab is m.Language else None,
            )
            for raw, count in found.items()
        )
        out.append(UnknownColumn(column.name, fld.name, what, can_add, choices, values))
    return out


def _text(cells: list[object], index: int) -> str | None:
    """A cell's text; None for a formula without a saved result (rejected on its own)."""
    cell = cells[index] if index < len(cells) else None
    return None if isinstance(cell, FormulaWithoutResult) else cell_text(cell)


def _unknown_in(
    column: Column,
    fld: F.Field,
    texts: list[str],
    vocab: dict[type, Terms],
    projects: list[str],
) -> Counter[str]:
    """Values not in her lists (real languages not in it included), with their row counts."""
    if fld.type == F.ENUM:
        table = F.enum_lookup(fld.enum)  # type: ignore[arg-type]
        return Counter(t for t in texts if F.norm(t) not in table)
    known_projects = {F.norm(p) for p in projects}
    terms = vocab.get(fld.vocab) if fld.vocab else None  # type: ignore[arg-type]

    def known(item: str) -> bool:
        if terms is None:
            return F.norm(item) in known_projects
        return terms.known(item) is not None

    found: Counter[str] = Counter()
    for text in texts:
        whole = terms.exact(text) is not None if terms else F.norm(text) in known_projects
        if whole:
            continue
        seen: dict[str, str] = {}
        for item in split_list(text):
            if not known(item):
                seen.setdefault(F.norm(item), item)
        found.update(seen.values())
    return found


def _suggest(raw: str, choices: tuple[str, ...]) -> str | None:
    """A term close to the value: the same language, or a near spelling."""
    language = identify(raw)
    if language is not None:
        for choice in choices:
            other = identify(choice)
            if other is not None and other.tag == language.tag:
                return choice
    keys = {F.norm(c): c for c in choices}
    close = difflib.get_close_matches(F.norm(raw), list(keys), n=1, cutoff=SUGGEST_CUTOFF)
    return keys[close[0]] if close else None
