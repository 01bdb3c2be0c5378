"""Settings: auto-lock and passphrase (Security), the automatic backups (Backups), and the
projects, the lists the forms offer (needs, languages, lived experience, training modules,
service categories) and the audit trail (Records), each in a dialog of its own.

Values are read from and saved through the services; Save is enabled only when something
changed. Unsaved edits are a draft: kept across a lock and offered back after unlocking.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import backups, preferences, settings
from coordinator.services.changes import Kind
from coordinator.storage.vault import Vault
from coordinator.ui.dialogs.audit_view import AuditDialog
from coordinator.ui.dialogs.projects_dialog import ProjectsDialog
from coordinator.ui.dialogs.vocabulary_editor import LIST_TEXTS, VocabularyEditor
from coordinator.ui.kit.operations import error_message, follow_changes, operations
from coordinator.ui.kit.widgets import PAGE_MARGIN, MessageLabel, heading, lend_lock_action, note
from coordinator.ui.pages import PageSpec
from coordinator.ui.shell.backup_status import when_text

COLUMN_WIDTH = 640


class SettingsPage(QWidget):
    #: The key of this form's drafts (see Workspace).
    draft_form = "settings"
    draft_record_id: int | None = None

    change_passphrase_requested = Signal()
    backup_requested = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self._vault = vault
        self._stored: dict[str, Any] = {}
        self.backup_follower = follow_changes(self, {Kind.BACKUP}, self.refresh_backup_status)
        self.title = heading(self.tr("Settings"))
        self.restored_note = MessageLabel()

        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(*preferences.AUTO_LOCK_RANGE)
        self.auto_lock.setSuffix(self.tr(" minutes"))
        self.auto_lock.setAccessibleName(self.tr("Lock after this many idle minutes"))
        self.auto_lock_note = note(
            self.tr(
                "Coordinator locks by itself after this long without the keyboard or mouse "
                "being used, and when this PC is locked or goes to sleep. Ctrl+L locks at once."
            )
        )
        self.passphrase_button = QPushButton(self.tr("Change passphrase…"))

        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("A folder, ideally on another drive"))
        self.folder.setAccessibleName(self.tr("Folder for automatic backups"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.folder_message = MessageLabel()
        self.keep = QSpinBox()
        self.keep.setRange(settings.BACKUP_KEEP.minimum, settings.BACKUP_KEEP.maximum)
        self.keep.setSuffix(self.tr(" backups"))
        self.keep.setAccessibleName(self.tr("How many automatic backups to keep"))
        self.on_close = QCheckBox(self.tr("Back up automatically when Coordinator closes"))
        self.backup_line = QLabel()
        self.backup_button = QPushButton(self.tr("Back up now…"))
        #: One button per list the forms offer (needs, languages, ...), by vocabulary.
        self.list_buttons = {
            vocabulary: QPushButton(self.tr("{title}…").format(title=self.tr(texts.title)))
            for vocabulary, texts in LIST_TEXTS.items()
        }
        self.needs_button = self.list_buttons["need"]
        self.audit_button = QPushButton(self.tr("Audit trail…"))
        self.projects_button = QPushButton(self.tr("Projects…"))
        self.records_dialog: QDialog | None = None

        self.message = MessageLabel()
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)

        self._lay_out()
        self.load()
        self.auto_lock.valueChanged.connect(self._edited)
        self.keep.valueChanged.connect(self._edited)
        self.folder.textChanged.connect(self._edited)
        self.on_close.toggled.connect(self._edited)
        self.browse_button.clicked.connect(self.browse)
        self.passphrase_button.clicked.connect(self.change_passphrase_requested)
        self.backup_button.clicked.connect(self.backup_requested)
        for vocabulary, button in self.list_buttons.items():
            button.clicked.connect(partial(self.open_list, vocabulary))
        self.audit_button.clicked.connect(lambda: self._open(AuditDialog(self._vault)))
        self.projects_button.clicked.connect(self.open_projects)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard)

    def open_list(self, vocabulary: str) -> None:
        """Show the editor of one list the forms offer (needs, languages, ...)."""
        self._open(VocabularyEditor(self._vault, vocabulary))

    def _row_label(self, text: str, buddy: QWidget | None = None) -> QLabel:
        label = QLabel(text)
        if buddy is not None:
            label.setBuddy(buddy)
        self._row_labels.append(label)
        return label

    def _form(self, box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(16)
        return form

    @staticmethod
    def _left(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    @staticmethod
    def _stacked(row: QHBoxLayout, below: QWidget) -> QVBoxLayout:
        """A field with its explanation under it (one form row, so wrapping sizes right)."""
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addLayout(row)
        column.addWidget(below)
        return column

    def _lay_out(self) -> None:
        self._row_labels: list[QLabel] = []
        security = QGroupBox(self.tr("Security"))
        form = self._form(security)
        form.addRow(
            self._row_label(self.tr("&Lock after"), self.auto_lock),
            self._stacked(self._left(self.auto_lock), self.auto_lock_note),
        )
        form.addRow(self._row_label(self.tr("Passphrase")), self._left(self.passphrase_button))

        backups_box = QGroupBox(self.tr("Backups"))
        form = self._form(backups_box)
        folder_row = QHBoxLayout()
        folder_row.setSpacing(6)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        form.addRow(
            self._row_label(self.tr("&Folder"), self.folder),
            self._stacked(folder_row, self.folder_message),
        )
        form.addRow(self._row_label(self.tr("&Keep the newest"), self.keep), self._left(self.keep))
        form.addRow("", self.on_close)
        status_row = self._left(self.backup_line)
        status_row.addWidget(self.backup_button)
        form.addRow(self._row_label(self.tr("Last backup")), status_row)

        records_box = QGroupBox(self.tr("Records"))
        form = self._form(records_box)
        form.addRow(self._row_label(self.tr("Projects")), self._left(self.projects_button))
        lists = QGridLayout()
        lists.setSpacing(6)
        for number, button in enumerate(self.list_buttons.values()):
            lists.addWidget(button, number // 3, number % 3)
        lists.setColumnStretch(3, 1)
        form.addRow(self._row_label(self.tr("Lists on forms")), lists)
        form.addRow(self._row_label(self.tr("Changes made")), self._left(self.audit_button))
        # Both groups' fields start at the same place.
        width = max(label.sizeHint().width() for label in self._row_labels)
        for label in self._row_labels:
            label.setMinimumWidth(width)

        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)

        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.restored_note)
        layout.addWidget(security)
        layout.addWidget(backups_box)
        layout.addLayout(buttons)
        layout.addWidget(records_box)  # its dialogs save their own changes: below Save
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(column)
        scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- values ------------------------------------------------------------------------------

    def load(self) -> None:
        """Show what is saved, dropping any edits."""
        status = backups.status(self._vault)
        self._stored = {
            "auto_lock_minutes": preferences.auto_lock_minutes(self._vault),
            "backup_folder": status.folder or "",
            "backup_keep": status.keep,
            "backup_on_close": status.on_close,
        }
        self._show(self._stored)
        self._show_last_backup(status)

    def refresh_backup_status(self) -> None:
        self._show_last_backup(backups.status(self._vault))

    def _show_last_backup(self, status: backups.BackupStatus) -> None:
        last = status.last_good
        self.backup_line.setText(when_text(last) if last else self.tr("None yet"))

    def values(self) -> dict[str, Any]:
        return {
            "auto_lock_minutes": self.auto_lock.value(),
            "backup_folder": self.folder.text().strip(),
            "backup_keep": self.keep.value(),
            "backup_on_close": self.on_close.isChecked(),
        }

    def _show(self, values: dict[str, Any]) -> None:
        self.auto_lock.setValue(int(values.get("auto_lock_minutes", 10)))
        self.folder.setText(str(values.get("backup_folder") or ""))
        self.keep.setValue(int(values.get("backup_keep", 10)))
        self.on_close.setChecked(bool(values.get("backup_on_close", True)))
        self._edited()

    def is_changed(self) -> bool:
        return self.values() != self._stored

    def has_unsaved(self) -> bool:
        """Whether any setting was changed and not saved (the window asks before quitting)."""
        return self.is_changed()

    # -- drafts (see Workspace) --------------------------------------------------------------

    def draft_state(self) -> dict[str, Any] | None:
        """The settings' unsaved changes, and those of an open project form (as
        "project_form"); None when there are neither."""
        state = self.values() if self.is_changed() else {}
        dialog = self.records_dialog
        project = dialog.draft_values() if isinstance(dialog, ProjectsDialog) else None
        if project is not None:
            state["project_form"] = project
        return state or None

    def apply_draft(self, values: dict[str, Any], *, announce: bool = True) -> None:
        values = dict(values)
        project = values.pop("project_form", None)
        if project is not None:
            self.open_projects().apply_draft(project, announce=announce)
        if not values:
            return
        self._show({**self._stored, **values})
        if announce and self.is_changed():
            self.restored_note.show_message(
                self.tr(
                    "Restored unsaved changes from before the lock (or from when Coordinator "
                    "last closed). Save them, or choose Discard changes."
                ),
                "warning",
            )

    # -- editing -----------------------------------------------------------------------------

    def _folder_problem(self) -> str | None:
        text = self.folder.text().strip()
        if text and not Path(text).expanduser().is_absolute():
            return self.tr("Give the folder's full path, or use Browse….")
        return None

    def _edited(self) -> None:
        problem = self._folder_problem()
        text = self.folder.text().strip()
        if problem:
            self.folder_message.show_message(problem)
        elif self.on_close.isChecked() and not text:
            self.folder_message.show_message(
                self.tr("Automatic backups are off until a folder is chosen."), "warning"
            )
        elif text and not Path(text).expanduser().is_dir():
            self.folder_message.show_message(
                self.tr(
                    "This folder cannot be found now. It is made at the first automatic "
                    "backup; if it is on a USB stick, plug the stick in before closing."
                ),
                "info",
            )
        else:
            self.folder_message.clear_message()
        changed = self.is_changed()
        self.save_button.setEnabled(changed and problem is None)
        self.discard_button.setEnabled(changed)
        if changed:
            self.message.clear_message()
        else:
            self.restored_note.clear_message()

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for automatic backups"), self.folder.text() or str(Path.home())
        )
        if chosen:
            self.folder.setText(chosen)

    def save(self) -> None:
        if not self.is_changed() or self._folder_problem():
            return
        values, stored = self.values(), self._stored
        folder = (
            str(Path(values["backup_folder"]).expanduser()) if values["backup_folder"] else None
        )
        try:
            if any(
                values[k] != stored[k] for k in ("backup_folder", "backup_keep", "backup_on_close")
            ):
                backups.set_automatic(
                    self._vault,
                    folder=folder,
                    keep=values["backup_keep"],
                    on_close=values["backup_on_close"],
                )
            if values["auto_lock_minutes"] != stored["auto_lock_minutes"]:
                preferences.set_auto_lock_minutes(self._vault, values["auto_lock_minutes"])
        except Exception as err:  # a full disk, a vanished drive: say so, keep the edits
            self.message.show_message(error_message(err) + " " + self.tr("Nothing was saved."))
            return
        self.load()
        self.restored_note.clear_message()
        self.message.show_message(self.tr("Saved."), "success")
        operations().notify({Kind.SETTING, Kind.BACKUP})

    def open_projects(self) -> ProjectsDialog:
        dialog = ProjectsDialog(self._vault)
        self._open(dialog)
        return dialog

    def _open(self, dialog: QDialog) -> None:
        """Show a Records dialog (projects, a list, the audit trail) over the window."""
        dialog.setParent(self, dialog.windowFlags())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lend_lock_action(dialog, self)
        self.records_dialog = dialog
        dialog.open()

    def discard(self) -> None:
        self._show(self._stored)
        self.restored_note.clear_message()
        self.message.clear_message()


PAGE = PageSpec(
    "settings",
    90,
    lambda: QCoreApplication.translate("Workspace", "Settings"),
    SettingsPage,
    drafts=("settings",),
)
