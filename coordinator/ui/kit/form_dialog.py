"""The frame of every record's form (mother, volunteer, local service): sections of fields in
a scrolling dialog, checked by the record service as the user types, saved and deleted
through it.

- Each field's message sits under it: shown once the user has left the field or paused
  typing, then kept current at every keystroke. The messages are the service's own.
- Save is enabled only when something changed and the service finds nothing to correct;
  saving closes the dialog. Closing with unsaved changes asks Save / Discard / Cancel, or
  Discard / Keep editing when the form cannot be saved as it is. What the service refuses
  on Save (a name already taken) stays beside its field until that field is edited.
- A new record opens with the cursor in its first field.
- Delete asks first; when the service refuses, its plain reason is shown.
- `draft_values()` / `apply_values()` give the form as JSON-friendly values for a lock,
  which closes the dialog with reject() without asking. Window titles never show a name.

Subclasses lay their sections out with `build(sections)` (with any lines of their own under
the heading), then call `open_record(id)`, and implement the service calls `blank`, `load`,
`validate`, `save_form`, `delete_record` and `title_for`; `show_heading` and
`delete_question` may say more. The sections are those of coordinator.ui.kit.form_parts.fields
(Section) and .rows (RowsSection).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.changes import Kind
from coordinator.services.records.errors import CannotDelete, FormInvalid, RecordNotFound
from coordinator.storage.vault import Vault
from coordinator.ui.kit.counts import FormCounts
from coordinator.ui.kit.form_messages import FormMessages
from coordinator.ui.kit.form_parts.codec import apply_values, form_values
from coordinator.ui.kit.operations import error_message, operations
from coordinator.ui.kit.questions import delete_question, discard_question, save_question
from coordinator.ui.kit.widgets import MessageLabel, heading, link_button, note

#: A field's message appears this long after the last keystroke in it (or on leaving it).
PAUSE_MS = 700
SECTIONS_WIDTH = 190
#: Forms with more sections than this get the list of sections to jump to.
JUMP_FROM = 3
SECTION_MAX_WIDTH = 820


class FormDialog(QDialog):
    #: A record was saved (its id) or deleted (its id).
    saved = Signal(int)
    deleted = Signal(int)

    #: The kinds of record a save or delete changes (the pages showing them reload).
    changes: frozenset[Kind] = frozenset()
    #: List fields holding item dataclasses, and fields never put in a draft.
    item_types: dict[str, type] = {}
    read_only: frozenset[str] = frozenset()

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault = vault
        self.sections: list[Any] = []
        self.form: Any = None
        #: What the record is called in questions, and the window's title (never a name).
        self.noun = self.tr("record")
        self.window_title = self.tr("Record")
        self._stored: dict[str, Any] = {}
        self._may_close = False
        #: Which messages are shown and whether Save may be used (see FormMessages).
        self.messages = FormMessages()
        #: Every problem with the form as it now is, by field key.
        self.errors: dict[str, str] = {}
        self.title = heading("")
        self.restored_note = MessageLabel()
        self.message = MessageLabel()
        self.status = note()
        self.status.setObjectName("status")
        self.show_problems = link_button(self.tr("Show me"))
        self.show_problems.clicked.connect(self.reveal_problems)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.save_button, self.delete_button, self.close_button):
            button.setAutoDefault(False)  # Enter in a field never saves by surprise
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.close_button.clicked.connect(self.close)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._paused)
        self.setSizeGripEnabled(True)

    def build(self, sections: list[Any], header: Iterable[QWidget] = ()) -> None:
        """Lay the sections out (a list to jump between them on the left), then the buttons;
        `header`: lines shown under the heading, above the sections."""
        self.sections = sections
        self.jump = QListWidget()
        self.jump.setFixedWidth(SECTIONS_WIDTH)
        self.jump.setAccessibleName(self.tr("Sections of the form"))
        self.jump.setFrameShape(QFrame.Shape.NoFrame)
        self.jump.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.jump.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.jump.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes through the fields
        self.jump.setStyleSheet(
            "QListWidget { background: palette(window); } QListWidget::item { padding: 5px 8px; }"
        )
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 0, 12, 12)
        column.setSpacing(14)
        for section in sections:
            self.jump.addItem(section.title())
            section.setMaximumWidth(SECTION_MAX_WIDTH)
            column.addWidget(section)
            section.edited.connect(self._edited)
            section.left.connect(self._left)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        self.jump.currentRowChanged.connect(self._jump_to)
        self.jump.setVisible(len(sections) > JUMP_FROM)
        middle = QHBoxLayout()
        middle.addWidget(self.jump)
        middle.addWidget(self.scroll, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.show_problems)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        for line in header:
            layout.addWidget(line)
        layout.addWidget(self.restored_note)
        layout.addLayout(middle, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # -- service calls (subclasses) ----------------------------------------------------------

    def blank(self) -> Any:
        raise NotImplementedError

    def load(self, record_id: int) -> Any:
        raise NotImplementedError

    def validate(self, form: Any) -> dict[str, str]:
        raise NotImplementedError

    def save_form(self, form: Any) -> int:
        raise NotImplementedError

    def warnings(self, form: Any) -> dict[str, str]:  # advice by field; Save stays possible
        return {}

    def delete_refusal(self, record_id: int) -> str | None:  # asked before confirming
        return None

    def delete_record(self, record_id: int) -> None:
        raise NotImplementedError

    def title_for(self, form: Any) -> str:
        """The heading inside the dialog (a name may be shown here, not in the title bar)."""
        raise NotImplementedError

    def show_heading(self, form: Any) -> None:
        """Show the heading (and any lines under it) for the form as it now is."""
        self.title.setText(self.title_for(form))

    def delete_question(self) -> str:
        return self.tr("Delete this {noun}'s record? This cannot be undone.").format(noun=self.noun)

    # -- showing -----------------------------------------------------------------------------

    @property
    def record_id(self) -> int | None:
        return None if self.form is None else self.form.id

    def open_record(self, record_id: int | None) -> None:
        """Show a saved record (RecordNotFound if it has gone), or a blank one for None.

        A record that has gone leaves no hidden dialog behind on the page that asked.
        """
        try:
            self.form = self.blank() if record_id is None else self.load(record_id)
        except RecordNotFound:
            self.setParent(None)
            self.deleteLater()
            raise
        self._show(self.form)
        self.setWindowTitle(self.window_title)
        self.delete_button.setVisible(record_id is not None)
        self._stored = self.values()
        self._refresh()

    def _show(self, form: Any) -> None:
        for section in self.sections:
            section.show_form(form)
            for line in section.findChildren(QLineEdit):
                line.setCursorPosition(0)  # long text shows its start, not its end

    def read(self) -> Any:
        """The form as the fields now hold it (read-only fields as loaded)."""
        form = copy.deepcopy(self.form)
        for section in self.sections:
            section.read(form)
        return form

    def _jump_to(self, row: int) -> None:
        if 0 <= row < len(self.sections):
            self.scroll.verticalScrollBar().setValue(self.sections[row].y())

    # -- drafts ------------------------------------------------------------------------------

    def values(self, form: Any = None) -> dict[str, Any]:
        return form_values(self.read() if form is None else form, self.read_only)

    def is_changed(self) -> bool:
        return self.form is not None and self.values() != self._stored

    def draft_values(self) -> dict[str, Any] | None:
        """{"id": ..., "form": ...} when there are unsaved changes (for a lock), else None."""
        if not self.is_changed():
            return None
        return {"id": self.record_id, "form": self.values()}

    def apply_values(self, values: dict[str, Any], *, announce: bool = True) -> None:
        """Fill the fields in with kept values (a draft) over the record as loaded."""
        form = copy.deepcopy(self.form)
        self._show(apply_values(form, values, self.item_types, self.read_only))
        self.messages.reveal()
        self._refresh()
        if announce and self.is_changed():
            self.restored_note.show_message(
                self.tr(
                    "Restored unsaved changes from before the lock (or from when Coordinator "
                    "last closed). Save them, or Close and choose Discard."
                ),
                "warning",
            )

    # -- checking ----------------------------------------------------------------------------

    def _edited(self, key: str) -> None:
        self.messages.edited(key)
        self._pause.start()
        self._refresh()

    def _left(self, key: str) -> None:
        self.messages.left(key)
        self._refresh()

    def _paused(self) -> None:
        self.messages.paused()
        self._refresh()

    def _refresh(self) -> None:
        form = self.read()
        labels: dict[str, MessageLabel] = {}
        for section in self.sections:
            section.update_derived(form)
            labels.update(section.all_messages())
        changed = self.values(form) != self._stored  # is_changed(), without reading again
        view = self.messages.view(self.validate(form), labels, changed)
        self.errors = view.errors
        advice = self.warnings(form)
        for key, label in labels.items():
            if key in view.shown:
                label.show_message(view.shown[key])
            elif key in advice and key not in view.errors:
                label.show_message(advice[key], "warning")
            else:
                label.clear_message()
        # A message with no field of its own (rare) goes above the buttons.
        if view.others:
            self.message.show_message(" ".join(view.others))
        elif not self.message.property("keep"):
            self.message.clear_message()
        self.save_button.setEnabled(view.can_save)
        if view.problem_count == 1:
            self.status.setText(self.tr("To save: {first}").format(first=view.first))
        elif view.problem_count:
            self.status.setText(FormCounts().to_correct(view.problem_count, view.first))
        else:
            self.status.setText(self.tr("Unsaved changes.") if changed else "")
        self.show_problems.setVisible(view.offer_reveal)
        self.show_heading(form)

    def reveal_problems(self) -> None:
        """Show every message and go to the first field that needs correcting."""
        self.messages.reveal()
        self._refresh()
        for section in self.sections:
            for key in section.all_messages():
                if key in self.errors:
                    widget = section.widget_for(key) or section
                    self.scroll.ensureWidgetVisible(widget, 50, 80)
                    widget.setFocus(Qt.FocusReason.OtherFocusReason)
                    return

    def message_for(self, key: str) -> MessageLabel | None:
        """The message under a field ("postcode", "dbs_checks[0].next_check_due")."""
        found = (section.message_for(key) for section in self.sections)
        return next((label for label in found if label is not None), None)

    def widget_for(self, key: str) -> QWidget | None:
        found = (section.widget_for(key) for section in self.sections)
        return next((widget for widget in found if widget is not None), None)

    # -- saving, deleting, closing -----------------------------------------------------------

    def save(self) -> bool:
        """Save through the service and close; False (and the dialog stays) when refused."""
        try:
            record_id = self.save_form(self.read())
        except FormInvalid as err:
            self.messages.refuse(err.errors)
            self.reveal_problems()
            return False
        except RecordNotFound:
            self._keep_message(
                self.tr("This {noun} was deleted meanwhile, so it cannot be saved.").format(
                    noun=self.noun
                )
            )
            return False
        except Exception as err:  # a full disk, a vanished drive: say so, keep the edits
            self._keep_message(error_message(err) + " " + self.tr("Nothing was saved."))
            return False
        self._may_close = True
        operations().notify(self.changes)
        self.saved.emit(record_id)
        self.accept()
        return True

    def _keep_message(self, text: str) -> None:
        self.message.show_message(text)
        self.message.setProperty("keep", True)

    def delete(self) -> None:
        record_id = self.record_id
        refusal = self.delete_refusal(record_id) if record_id is not None else None
        if refusal:  # said first, rather than after asking to confirm what cannot be done
            self._keep_message(refusal)
        if record_id is None or refusal or not self.confirm_delete():
            return
        try:
            self.delete_record(record_id)
        except CannotDelete as err:
            self._keep_message(str(err))
            return
        except RecordNotFound:
            pass  # already gone: nothing left to do
        except Exception as err:
            self._keep_message(error_message(err))
            return
        self._may_close = True
        operations().notify(self.changes)
        self.deleted.emit(record_id)
        self.accept()

    def confirm_delete(self) -> bool:
        self.question, delete = delete_question(self, self.delete_question())
        self.question.exec()
        return self.question.clickedButton() is delete

    def ask_to_close(self) -> bool:
        """With unsaved changes, ask Save / Discard / Cancel (Discard / Keep editing when
        the form cannot be saved as it is); True when it may close."""
        if self.errors:
            return self._ask_to_discard()
        self.question = save_question(
            self, self.tr("Save the changes to this record before closing?")
        )
        answer = self.question.exec()
        if answer == QMessageBox.StandardButton.Discard:
            return True
        if answer == QMessageBox.StandardButton.Save:
            if self.errors:
                self.reveal_problems()
                return False
            return self.save()
        return False

    def _ask_to_discard(self) -> bool:
        self.question, keep = discard_question(
            self, FormCounts().cannot_be_saved(self.noun, len(self.errors))
        )
        self.question.exec()
        if self.question.clickedButton() is keep:
            self.reveal_problems()
            return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._may_close or not self.is_changed() or self.ask_to_close():
            self._may_close = True
            super().closeEvent(event)
        else:
            event.ignore()

    def done(self, result: int) -> None:
        """Closed for good (saved, discarded, or rejected by a lock): never ask again."""
        self._may_close = True
        super().done(result)

    def first_field(self) -> QWidget | None:
        """Where typing starts in a new record: the first field of the first section."""
        for section in self.sections:
            for widget in getattr(section, "fields", {}).values():
                return widget
        return None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        first = self.first_field() if self.record_id is None else None
        if first is not None:  # a new record: start typing its first field
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        else:  # a saved record: nothing selected that a stray key could overwrite
            self.scroll.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            self.close()  # asks first, like the Close button
            return
        super().keyPressEvent(event)
