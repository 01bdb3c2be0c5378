"""Settings > Records: the projects, the lists the forms offer (needs, languages, lived
experience, training modules, service categories) and the audit trail, each in a dialog of
its own that saves its own changes. An open project form's unsaved values are this
section's draft."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QGridLayout, QPushButton, QWidget

from coordinator.storage.vault import Vault
from coordinator.ui.dialogs.audit_view import AuditDialog
from coordinator.ui.dialogs.projects_dialog import ProjectsDialog
from coordinator.ui.dialogs.vocabulary_editor import VocabularyEditor, list_texts
from coordinator.ui.kit.widgets import lend_lock_action
from coordinator.ui.pages.settings.section import SectionSpec, SettingsSection


def title() -> str:
    return QCoreApplication.translate("SettingsPage", "Records")


class RecordsSection(SettingsSection):
    draft_names = ("project_form",)

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(vault, title(), parent=parent)
        self.explain(
            self.tr("Each of these opens in a window of its own and saves its own changes.")
        )
        self.projects_button = QPushButton(self.tr("Projects…"))
        #: One button per list the forms offer (needs, languages, ...), by vocabulary.
        self.list_buttons = {
            vocabulary: QPushButton(self.tr("{title}…").format(title=texts.title))
            for vocabulary, texts in list_texts().items()
        }
        self.needs_button = self.list_buttons["need"]
        self.audit_button = QPushButton(self.tr("Audit trail…"))
        #: The dialog opened last (projects, a list, the audit trail).
        self.dialog: QDialog | None = None

        lists = QGridLayout()
        lists.setSpacing(6)
        for number, button in enumerate(self.list_buttons.values()):
            lists.addWidget(button, number // 3, number % 3)
        lists.setColumnStretch(3, 1)
        self.add_row(self.tr("Projects"), self.left(self.projects_button))
        self.add_row(self.tr("Lists on forms"), lists)
        self.add_row(self.tr("Changes made"), self.left(self.audit_button))

        self.projects_button.clicked.connect(self.open_projects)
        for vocabulary, button in self.list_buttons.items():
            button.clicked.connect(partial(self.open_list, vocabulary))
        self.audit_button.clicked.connect(lambda: self._open(AuditDialog(self.vault)))

    def open_projects(self) -> ProjectsDialog:
        dialog = ProjectsDialog(self.vault)
        self._open(dialog)
        return dialog

    def open_list(self, vocabulary: str) -> VocabularyEditor:
        """Show the editor of one list the forms offer (needs, languages, ...)."""
        editor = VocabularyEditor(self.vault, vocabulary)
        self._open(editor)
        return editor

    def _open(self, dialog: QDialog) -> None:
        """Show a dialog over the window; Ctrl+L still locks from it."""
        dialog.setParent(self, dialog.windowFlags())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lend_lock_action(dialog, self)
        self.dialog = dialog
        dialog.open()

    # -- an open project form is this section's unsaved work ---------------------------------

    def _project_draft(self) -> dict[str, Any] | None:
        dialog = self.dialog
        return dialog.draft_values() if isinstance(dialog, ProjectsDialog) else None

    def has_unsaved(self) -> bool:
        return self._project_draft() is not None

    def draft_state(self) -> dict[str, Any] | None:
        project = self._project_draft()
        return None if project is None else {"project_form": project}

    def apply_draft(self, values: dict[str, Any], *, announce: bool = True) -> None:
        project = values.get("project_form")
        if project is not None:
            self.open_projects().apply_draft(project, announce=announce)


SECTION = SectionSpec("records", 30, title, RecordsSection)
