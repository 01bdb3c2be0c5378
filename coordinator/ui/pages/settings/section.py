"""A section of the Settings page, and how a module declares one.

A section module declares `SECTION = SectionSpec(key, order, title, build)`; the page lists
every section it finds in this package, in order, and builds each the first time it is
shown (or needs to take a draft). A new section is a new module: nothing else changes.

A section is a `SettingsSection` (a QWidget). Two kinds:

- An editable section (`editable = True`) holds values the user changes and saves: its own
  Save and Discard, messages beside its fields, the note that its unsaved changes were
  restored after a lock. It implements
      stored()               the saved values, read through the services: {name: value}
      values()               the values its fields hold now (JSON-friendly)
      show_values(values)    put values in the fields (may be partial: keep the others)
      write(values, stored)  save through the services; return the kinds of record changed
  and may implement
      check(values)          {field key: Note}: an "error" note stops Save; others advise
  It lays its fields out with `add_row()` (whose `key` gives a field its message place),
  calls `self.edited()` whenever a field changes (connect the fields' signals to it), and
  calls `self.load()` once its fields exist.
- Any section may carry other unsaved work by overriding `draft_state()`,
  `apply_draft()` and `has_unsaved()` (the Records section: an open project form).

A section asks the window for something (a backup, the passphrase dialog) with a signal of
one of the names in `SettingsPage.REQUESTS`; the page passes it on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.changes import Kind
from coordinator.ui.kit.operations import error_message, operations
from coordinator.ui.kit.widgets import MessageLabel, heading, note
from coordinator.ui.pages import declarations

if TYPE_CHECKING:
    from coordinator.storage.vault import Vault


@dataclass(frozen=True)
class SectionSpec:
    #: A stable name ("backups"), never shown: the key of its values in the page's draft.
    key: str
    #: Its place in the list, lowest first.
    order: int
    #: Its title in the list and above it (translated when asked).
    title: Callable[[], str]
    build: Callable[[Vault], SettingsSection]


def section_specs() -> list[SectionSpec]:
    """Every section this version has (a module of this package declaring SECTION), in the
    list's order."""
    found: list[SectionSpec] = declarations(__package__, "SECTION", "SECTIONS")
    return sorted(found, key=lambda spec: (spec.order, spec.key))


@dataclass(frozen=True)
class Note:
    """A message beside a field: kind "error" (stops Save), "warning" or "info"."""

    text: str
    kind: str = "error"


class SettingsSection(QWidget):
    #: Its unsaved state may have changed (the page marks it in the list).
    state_changed = Signal()

    #: Whether it has values of its own, saved with its own Save.
    editable = False
    #: The names an older version's draft gave this section's unsaved work (besides its
    #: values' own names), so that such a draft still finds its way here.
    draft_names: tuple[str, ...] = ()

    def __init__(self, vault: Vault, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault = vault
        self._stored: dict[str, Any] = {}
        self._messages: dict[str, MessageLabel] = {}
        self.title = heading(title, 2)
        #: A line under the title saying what the section is for (see explain()).
        self.intro = note()
        self.intro.hide()
        self.restored_note = MessageLabel()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(10)
        self.message = MessageLabel()
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save this section (Ctrl+S)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.restored_note)
        layout.addLayout(self.form)
        if self.editable:
            buttons = QHBoxLayout()
            buttons.addWidget(self.message, 1)
            buttons.addStretch(1)  # the buttons keep their size while there is no message
            buttons.addWidget(self.discard_button)
            buttons.addWidget(self.save_button)
            layout.addLayout(buttons)
            save = QShortcut(QKeySequence.StandardKey.Save, self)
            save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            save.activated.connect(self.save)
            self.save_button.clicked.connect(self.save)
            self.discard_button.clicked.connect(self.discard)
        else:
            layout.addWidget(self.message)
            self.save_button.hide()
            self.discard_button.hide()
        layout.addStretch(1)

    # -- layout ------------------------------------------------------------------------------

    def explain(self, text: str) -> None:
        """Say under the title what the section is for."""
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_row(
        self,
        label: str,
        field: QWidget | QLayout,
        *,
        buddy: QWidget | None = None,
        key: str | None = None,
        explanation: str = "",
    ) -> QLabel:
        """A row of the section's form: its label (with `buddy`, the field that a mnemonic in
        the label goes to), the field, and under it an explanation and, with `key`, the
        field's message place. Returns the label."""
        row_label = QLabel(label)
        if buddy is not None:
            row_label.setBuddy(buddy)
        column = QVBoxLayout()
        column.setSpacing(4)
        if isinstance(field, QWidget):
            column.addWidget(field)
        else:
            column.addLayout(field)
        if explanation:
            column.addWidget(note(explanation))
        if key is not None:
            self._messages[key] = MessageLabel()
            column.addWidget(self._messages[key])
        self.form.addRow(row_label, column)
        return row_label

    @staticmethod
    def left(*widgets: QWidget) -> QHBoxLayout:
        """Widgets side by side at the start of a row, at their own width."""
        row = QHBoxLayout()
        row.setSpacing(6)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def message_for(self, key: str) -> MessageLabel:
        return self._messages[key]

    # -- values (editable sections) ----------------------------------------------------------

    def stored(self) -> dict[str, Any]:
        return {}

    def values(self) -> dict[str, Any]:
        return {}

    def show_values(self, values: dict[str, Any]) -> None:
        """Put these values in the fields."""

    def check(self, values: dict[str, Any]) -> dict[str, Note]:
        return {}

    def write(self, values: dict[str, Any], stored: dict[str, Any]) -> frozenset[Kind]:
        raise NotImplementedError

    def load(self) -> None:
        """Show what is saved, dropping any edits."""
        self._stored = self.stored()
        self._show(self._stored)

    def _show(self, values: dict[str, Any]) -> None:
        self.show_values(values)
        self.edited()

    def is_changed(self) -> bool:
        return self.editable and self.values() != self._stored

    def problems(self) -> dict[str, str]:
        """What must be corrected before Save, by field key."""
        notes = self.check(self.values())
        return {key: found.text for key, found in notes.items() if found.kind == "error"}

    def edited(self) -> None:
        """A field changed (or values were shown): messages, buttons and marks follow."""
        notes = self.check(self.values()) if self._messages else {}
        for key, label in self._messages.items():
            found = notes.get(key)
            if found is None:
                label.clear_message()
            else:
                label.show_message(found.text, found.kind)
        changed = self.is_changed()
        self.save_button.setEnabled(changed and not self.problems())
        self.discard_button.setEnabled(changed)
        if changed:
            self.message.clear_message()
        else:
            self.restored_note.clear_message()
        self.state_changed.emit()

    def save(self) -> bool:
        """Save through the services; False (the edits kept, and why shown) when it cannot."""
        if not self.is_changed() or self.problems():
            return False
        try:
            kinds = self.write(self.values(), self._stored)
        except Exception as err:  # a full disk, a vanished drive: say so, keep the edits
            self.message.show_message(error_message(err) + " " + self.tr("Nothing was saved."))
            return False
        self.load()
        self.restored_note.clear_message()
        self.message.show_message(self.tr("Saved."), "success")
        operations().notify(kinds)
        return True

    def discard(self) -> None:
        self._show(self._stored)
        self.restored_note.clear_message()
        self.message.clear_message()

    # -- unsaved work (see SettingsPage and Workspace.DraftForm) ----------------------------

    def has_unsaved(self) -> bool:
        return self.is_changed()

    def draft_state(self) -> dict[str, Any] | None:
        """The section's unsaved values, else None. Never a passphrase."""
        return self.values() if self.is_changed() else None

    def apply_draft(self, values: dict[str, Any], *, announce: bool = True) -> None:
        """Show kept values over the saved ones; with announce, say they are restored."""
        self._show({**self._stored, **values})
        if announce and self.is_changed():
            self.restored_note.show_message(
                self.tr(
                    "Restored unsaved changes from before the lock (or from when Coordinator "
                    "last closed). Save them, or choose Discard changes."
                ),
                "warning",
            )
