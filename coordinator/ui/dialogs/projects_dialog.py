"""Settings > Projects…: the charity's projects in a table, each opened in its own form.

A charity usually runs one to a handful of projects, so the table holds them all. New
project and Open (or Enter, or a double click) show ProjectFormDialog; the table is read
again after every save or delete, and the saved project is the one chosen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.records import projects
from coordinator.services.records.errors import RecordNotFound
from coordinator.storage.vault import Vault
from coordinator.ui.forms.project_form import ProjectFormDialog
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.widgets import (
    QUIET_COLOUR,
    MessageLabel,
    heading,
    lend_lock_action,
    note,
    read_only_rows,
)
from coordinator.ui.translations import word


class ProjectsDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self._vault = vault
        self.rows: list[projects.ProjectRow] = []
        self.form: ProjectFormDialog | None = None
        self.setWindowTitle(self.tr("Projects"))
        self.title = heading(self.tr("Projects"), 2)
        self.explanation = note(
            self.tr(
                "Each project has its model of support (befriending or mentoring), the norms "
                "its volunteers work to and what it offers. Mothers and volunteers belong to "
                "projects; a project that has records cannot be deleted, but can be marked as "
                "no longer running."
            )
        )
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Model"),
                self.tr("Area covered"),
                self.tr("Running"),
                self.tr("Mothers"),
                self.tr("Volunteers"),
            ]
        )
        read_only_rows(self.table, self.tr("Projects"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the area, cut short
        self.empty_note = note(
            self.tr("No projects yet. Add the project your volunteers work in with New project.")
        )
        self.message = MessageLabel()

        self.new_button = QPushButton(self.tr("&New project…"))
        self.open_button = QPushButton(self.tr("&Open…"))
        self.offer_button = QPushButton(self.tr("What we o&ffer…"))
        self.offer_button.setToolTip(self.tr("The project's What we offer sheet, to print"))
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.open_button)
        row.addWidget(self.offer_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        self.body = QStackedWidget()  # the table, or the note that there is no project yet
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty_note)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.body, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(760, 460)

        self.new_button.clicked.connect(lambda: self.open_form(None))
        self.open_button.clicked.connect(self.open_chosen)
        self.offer_button.clicked.connect(self.open_offer)
        # Enter or a double click on a project opens it; Enter is never a default button.
        self.table.activated.connect(self.open_chosen)
        self.table.itemSelectionChanged.connect(self._enable)
        for button in (self.new_button, self.open_button, self.offer_button, *buttons.buttons()):
            button.setAutoDefault(False)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        chosen = self.chosen_id() if select is None else select
        try:
            self.rows = projects.project_rows(self._vault)
        except Exception as err:  # noqa: BLE001 (a storage fault is shown, not raised)
            self.message.show_message(error_message(err))
            return
        self.table.setRowCount(len(self.rows))
        for number, project in enumerate(self.rows):
            cells = [
                project.name,
                word(project.model),
                project.area,
                self.tr("Yes") if project.active else self.tr("No longer running"),
                str(project.mothers),
                str(project.volunteers),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if not project.active:
                    item.setForeground(QColor(QUIET_COLOUR))
                    item.setToolTip(self.tr("No longer running: not offered on forms"))
                self.table.setItem(number, column, item)
        ids = [project.id for project in self.rows]
        if chosen in ids:
            self.table.selectRow(ids.index(chosen))
        elif ids:
            self.table.selectRow(0)
        self.body.setCurrentWidget(self.table if ids else self.empty_note)
        self._enable()

    def chosen_id(self) -> int | None:
        selected = self.table.selectionModel().selectedRows() if self.rows else []
        return self.rows[selected[0].row()].id if selected else None

    def _enable(self) -> None:
        self.open_button.setEnabled(self.chosen_id() is not None)
        self.offer_button.setEnabled(self.chosen_id() is not None)

    def open_offer(self):
        from coordinator.ui.letters.entry import open_offer

        return open_offer(self, self._vault, self.chosen_id(), self.message)

    def open_chosen(self) -> None:
        chosen = self.chosen_id()
        if chosen is not None:
            self.open_form(chosen)

    def open_form(self, project_id: int | None) -> ProjectFormDialog | None:
        """The form for a project (None: a new one); the one already open comes first."""
        if self.form is not None:
            self.form.raise_()
            return self.form
        self.message.clear_message()
        try:
            form = ProjectFormDialog(self._vault, project_id, self)
        except RecordNotFound:
            self.message.show_message(self.tr("That project is no longer in the database."))
            self.reload()
            return None
        lend_lock_action(form, self)
        form.saved.connect(lambda project_id: self.reload(select=project_id))
        form.deleted.connect(self._deleted)
        form.finished.connect(self._form_closed)
        self.form = form
        form.open()
        return form

    def draft_values(self) -> dict[str, Any] | None:
        """The open project form's unsaved changes (for a lock), else None."""
        return self.form.draft_values() if self.form is not None else None

    def apply_draft(self, values: dict[str, Any], *, announce: bool = True) -> None:
        """Open the project the draft was of (a new one if it has gone) with its values."""
        project_id = values.get("id")
        form = self.open_form(project_id if isinstance(project_id, int) else None)
        if form is None and project_id is not None:
            form = self.open_form(None)  # deleted meanwhile: keep what was typed
        if form is not None:
            form.apply_values(dict(values.get("form") or {}), announce=announce)

    def _deleted(self, _project_id: int) -> None:
        self.reload()
        self.message.show_message(self.tr("The project was deleted."), "info")

    def _form_closed(self) -> None:
        form, self.form = self.form, None
        if form is not None:
            form.deleteLater()
