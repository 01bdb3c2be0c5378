"""Words with a count in them, for the kit's base classes.

PySide6's tr() in a base class, called on an instance of a subclass, finds the base
class's translation of plain text but not of text with a count: that it looks up under
the subclass's name only (seen with 6.11), so "%n fields" would stay "2 field(s)". A base
class with a count to say gets the words from here; these classes are never subclassed.
(tests/ui/test_words.py checks that no subclassed class says a count itself.)
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject


class FormCounts(QObject):
    """The form dialog's counts."""

    def to_correct(self, count: int, first: str) -> str:
        """The status line when several fields need correcting (one has its own words)."""
        return self.tr("To save, correct %n field(s). First: {first}", "", count).format(
            first=first
        )

    def cannot_be_saved(self, noun: str, count: int) -> str:
        return self.tr(
            "This {noun} cannot be saved yet: %n field(s) need correcting.", "", count
        ).format(noun=noun)


class ListCounts(QObject):
    """A record list's counts."""

    def records(self, count: int) -> str:
        return self.tr("%Ln record(s)", "", count)

    def records_of(self, shown: int, total: int) -> str:
        """While searching or filtering: how many are shown of how many there are."""
        return self.tr("{shown} of %Ln record(s)", "", total).format(shown=shown_number(shown))


def shown_number(count: int) -> str:
    """A count as the user's locale writes it (1,234)."""
    return QLocale().toString(count)
