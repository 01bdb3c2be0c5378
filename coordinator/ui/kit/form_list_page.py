"""A RecordListPage whose records open in a form dialog, with Import… and Export… buttons.

What the Volunteers and Local services pages share (the Mothers page does the same by
hand): one form open at a time; after a save the list reloads and selects the record; a
lock takes the open form's unsaved values as a draft (key: the page's `draft_form`; the
record's id travels inside the values); the list and its filters' choices reload when
the kinds of record they show change (`shows`; projects and the lists the forms offer
fill the filters): at once if the page is shown, else when it next is.

Subclasses set `kind` ("volunteers", "services": for import and export) and `shows`, and implement
`make_dialog(record_id)` (raising RecordNotFound when the record has gone) and the texts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton

from coordinator.services.changes import Kind
from coordinator.services.records.errors import RecordNotFound
from coordinator.ui.dialogs.import_dialog import ImportDialog
from coordinator.ui.kit.export_action import export_list
from coordinator.ui.kit.form_dialog import FormDialog
from coordinator.ui.kit.operations import follow_changes
from coordinator.ui.kit.record_list import RecordListPage
from coordinator.ui.kit.widgets import lend_lock_action


class FormListPage(RecordListPage):
    draft_form = ""
    draft_record_id: int | None = None
    #: The kind of records, as importing and exporting name it.
    kind = ""
    #: The kinds of record the list shows (a change to any reloads it).
    shows: frozenset[Kind] = frozenset()
    #: What the filters offer comes from these.
    choices_from = frozenset({Kind.PROJECT, Kind.VOCABULARY})

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.dialog: FormDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.export_task: Any = None
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Add records from a spreadsheet"))
        self.import_button.clicked.connect(self.import_records)
        self.add_title_button(self.import_button)
        self.follower = follow_changes(self, self.shows | self.choices_from, self.refresh)

    # -- for subclasses ----------------------------------------------------------------------

    def make_dialog(self, record_id: int | None) -> FormDialog:
        raise NotImplementedError

    def gone_text(self) -> str:
        return self.tr("That record is no longer in the database.")

    def not_listed_text(self) -> str:
        return self.tr("Saved. The record is not in the list with this search and these filters.")

    def deleted_text(self) -> str:
        return self.tr("The record was deleted.")

    # -- the form ----------------------------------------------------------------------------

    def open_record(self, record_id: int) -> None:
        self.open_form(record_id)

    def new_record(self) -> None:
        self.open_form(None)

    def open_form(self, record_id: int | None) -> FormDialog | None:
        """The form for a record (None: a new one); the one already open comes to the front."""
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        try:
            dialog = self.make_dialog(record_id)
        except RecordNotFound:
            self.message.show_message(self.gone_text())
            self.reload()
            return None
        lend_lock_action(dialog, self)  # Ctrl+L locks from inside the form too
        dialog.saved.connect(self._saved)
        dialog.deleted.connect(self._deleted)
        dialog.finished.connect(self._form_closed)
        self.dialog = dialog
        self.message.clear_message()
        dialog.open()
        return dialog

    def _form_closed(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _saved(self, record_id: int) -> None:
        # The list has reloaded already when shown: the form said what it changed first.
        self.follower.catch_up()
        if not self.select_id(record_id):
            self.message.show_message(self.not_listed_text(), "info")
        self.table.setFocus()

    def _deleted(self, _record_id: int) -> None:
        self.follower.catch_up()
        self.message.show_message(self.deleted_text(), "info")

    def refresh_choices(self) -> None:
        """Offer the filters' current choices (projects, needs, ...), which Settings edits."""

    def refresh(self) -> None:
        """The filters' choices and the list, read again."""
        self.refresh_choices()
        self.reload()

    # -- import and export -------------------------------------------------------------------

    def import_records(self) -> ImportDialog:
        dialog = ImportDialog(self.vault, self.kind, self)
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def export_records(self) -> None:
        self.export_task = export_list(self, self.vault, self.kind, self.ids(), self.message)

    # -- drafts (see Workspace) --------------------------------------------------------------

    def draft_state(self) -> dict[str, Any] | None:
        return self.dialog.draft_values() if self.dialog is not None else None

    def apply_draft(self, values: dict[str, Any], *, announce: bool = True) -> None:
        record_id = values.get("id")
        dialog = self.open_form(record_id if isinstance(record_id, int) else None)
        if dialog is None and record_id is not None:
            dialog = self.open_form(None)  # deleted meanwhile: keep what was typed
        if dialog is not None:
            dialog.apply_values(dict(values.get("form") or {}), announce=announce)
