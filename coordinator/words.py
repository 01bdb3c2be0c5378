"""Marking the words the core shows to people, so that the UI can translate them.

`N_("Mothers")` returns its text unchanged: the core keeps working in English (the CLI
prints these words as they are), and Qt's lupdate collects them for translators when run
with `-tr-function-alias QT_TR_NOOP+=N_` (see `make translations`). lupdate gives them no
context, so the UI translates them in CONTEXT (coordinator.ui.translations.word).

It sits at the bottom of the package, importing nothing, so that every layer of the core
(models' labels, services' words) can use it.

Marked words are for showing only: data is keyed by codes (enums, services.changes.Kind),
never by words, so rewording or translating one changes no result.
"""

from __future__ import annotations

#: The translation context of every word marked with N_().
CONTEXT = ""


def N_(text: str) -> str:  # noqa: N802 (the usual name of this marker)
    """Mark `text` for translation; it is returned as it is."""
    return text
