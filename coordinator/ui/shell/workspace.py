"""The unlocked workspace: navigation on the left, one page at a time on the right.

It exists only while the database is open; locking deletes it with everything it shows.
Before it goes, pages with unsaved changes give them up as drafts (see DraftForm), kept in
the encrypted database and applied again to the new workspace after unlocking.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from coordinator.services import drafts
from coordinator.storage.vault import Vault
from coordinator.ui.pages.mothers_page import MothersPage
from coordinator.ui.pages.placeholder import PlaceholderPage
from coordinator.ui.pages.services_page import ServicesPage
from coordinator.ui.pages.settings_page import SettingsPage
from coordinator.ui.pages.today import TodayPage
from coordinator.ui.pages.volunteers_page import VolunteersPage

log = logging.getLogger(__name__)

NAV_WIDTH = 190

#: (form, record id, values) of one page's unsaved changes.
Draft = tuple[str, int | None, dict[str, Any]]


@runtime_checkable
class DraftForm(Protocol):
    """A page with a form whose unsaved changes must survive a lock."""

    draft_form: str
    draft_record_id: int | None

    def draft_state(self) -> dict[str, Any] | None:
        """The form's values when it has unsaved changes, else None. Never a passphrase."""

    def apply_draft(self, values: dict[str, Any], *, announce: bool = True) -> None:
        """Fill the form in; with announce, say that these are restored unsaved changes."""


class Workspace(QWidget):
    backup_requested = Signal()
    #: The Today page's "Import…" step: the window opens its import dialog.
    import_requested = Signal()
    change_passphrase_requested = Signal()
    #: Settings were saved; the window re-reads what it uses (the auto-lock time).
    preferences_saved = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self._vault = vault
        self.today = TodayPage(vault)
        self.settings = SettingsPage(vault)
        self.mothers = MothersPage(vault)
        pages: list[tuple[str, QWidget]] = [
            (self.tr("Today"), self.today),
            (self.tr("Mothers"), self.mothers),
        ]
        self.volunteers = VolunteersPage(vault)
        self.services = ServicesPage(vault)
        for title, page in (
            (self.tr("Volunteers"), self.volunteers),
            (self.tr("Matches"), None),
            (self.tr("Services"), self.services),
            (self.tr("Reports"), None),
        ):
            pages.append((title, page if page is not None else PlaceholderPage(title)))
        pages.append((self.tr("Settings"), self.settings))

        self.today.backup_requested.connect(self.backup_requested)
        self.today.import_requested.connect(self.import_requested)
        self.today.projects_requested.connect(self.open_projects)
        self.today.settings_requested.connect(lambda: self.show_page(self.settings))
        self.settings.backup_requested.connect(self.backup_requested)
        self.settings.change_passphrase_requested.connect(self.change_passphrase_requested)
        self.settings.saved.connect(self.preferences_saved)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(NAV_WIDTH)
        self.navigation.setAccessibleName(self.tr("Sections"))
        self.navigation.setStyleSheet(
            "#navigation { border: none; border-right: 1px solid #d5d9de; padding-top: 12px;"
            " background: palette(window); outline: 0; }"
            "#navigation::item { padding: 8px 16px; border: none; }"
            "#navigation::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        self.pages = QStackedWidget()
        for number, (title, page) in enumerate(pages, start=1):
            self.navigation.addItem(title)
            item = self.navigation.item(number - 1)
            item.setToolTip(self.tr("{title} (Ctrl+{number})").format(title=title, number=number))
            self.pages.addWidget(page)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(partial(self.show_section, number - 1))
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def open_projects(self) -> None:
        """Settings, with its Projects dialog open."""
        self.show_page(self.settings)
        self.settings.open_projects()

    def show_section(self, index: int) -> None:
        if 0 <= index < self.navigation.count():
            self.navigation.setCurrentRow(index)

    def current_index(self) -> int:
        return self.navigation.currentRow()

    def section_titles(self) -> list[str]:
        return [self.navigation.item(i).text() for i in range(self.navigation.count())]

    def current_title(self) -> str:
        item = self.navigation.currentItem()
        return item.text() if item is not None else ""

    def refresh_backup_status(self) -> None:
        self.today.refresh_backup_status()
        self.settings.refresh_backup_status()

    # -- drafts ------------------------------------------------------------------------------

    def _draft_pages(self) -> list[QWidget]:
        pages = (self.pages.widget(i) for i in range(self.pages.count()))
        return [page for page in pages if isinstance(page, DraftForm)]

    def collect_drafts(self) -> list[Draft]:
        """Every page's unsaved changes."""
        found = []
        for page in self._draft_pages():
            values = page.draft_state()
            if values is not None:
                found.append((page.draft_form, page.draft_record_id, values))
        return found

    def keep_drafts(self) -> int:
        """Save every page's unsaved changes in the database; how many were kept.

        Raises what the service raises (the database may be unwritable); nothing is lost
        from the pages themselves until the caller drops the workspace.
        """
        kept = self.collect_drafts()
        for form, record_id, values in kept:
            drafts.save(self._vault, form, record_id, values)
        return len(kept)

    def apply_drafts(self, kept: list[Draft], *, announce: bool) -> QWidget | None:
        """Fill the pages in with drafts held in memory; the last page that took one."""
        shown = None
        for form, record_id, values in kept:
            page = self._page_for(form, record_id)
            if page is not None:
                page.apply_draft(values, announce=announce)
                shown = page
        return shown

    def restore_drafts(self) -> QWidget | None:
        """Apply the drafts kept in the database and delete them; the page to show, if any."""
        shown = None
        for pending in drafts.pending(self._vault):
            page = self._page_for(pending.form, pending.record_id)
            if page is None:
                continue  # a form this version does not have: keep it for one that does
            try:
                values = drafts.load(self._vault, pending.id)
            except KeyError:
                continue
            page.apply_draft(values, announce=True)
            drafts.discard(self._vault, pending.id)
            shown = page
        return shown

    def show_page(self, page: QWidget) -> None:
        self.show_section(self.pages.indexOf(page))

    def _page_for(self, form: str, record_id: int | None) -> Any:
        for page in self._draft_pages():
            if page.draft_form == form and page.draft_record_id == record_id:
                return page
        return None
