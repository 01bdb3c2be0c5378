"""The unlocked workspace: navigation on the left, one page at a time on the right.

The pages come from coordinator.ui.pages (each module declares its own); each is built the
first time it is shown. The workspace exists only while the database is open; locking
deletes it with everything it shows.
Before it goes, pages with unsaved changes give them up as drafts (see DraftForm), kept in
the encrypted database and applied again to the new workspace after unlocking.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QVBoxLayout, QWidget

from coordinator.services import drafts
from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import operations
from coordinator.ui.pages import PageSpec, page_specs
from coordinator.ui.shell.ranking_warmer import RankingWarmer

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


class PageSlot(QWidget):
    """Where a page goes in the stack; the page is built the first time it is shown."""

    def __init__(self, spec: PageSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def fill(self, page: QWidget) -> None:
        self.page = page
        self.layout().addWidget(page)


class Workspace(QWidget):
    backup_requested = Signal()
    #: The Today page's "Import…" step: the window opens its import dialog.
    import_requested = Signal()
    change_passphrase_requested = Signal()
    #: frozenset[Kind]: what an operation or an edit changed (pages follow it themselves).
    changed = Signal(object)
    #: Another page is shown (the window's menus follow what it can do).
    page_shown = Signal()

    #: A page's signal of one of these names asks the workspace for something.
    REQUESTS = (
        "backup_requested",
        "import_requested",
        "change_passphrase_requested",
        "projects_requested",
        "settings_requested",
        "match_requested",
        "record_requested",
    )

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self._vault = vault
        self.specs = page_specs()
        operations().changed.connect(self.changed)
        self.ranking_warmer = RankingWarmer(vault, self)

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
            # The keyboard is in the list: the chosen section gets a frame that shows it.
            "#navigation::item:focus { border: 2px solid palette(text); padding: 6px 14px; }"
        )
        self.pages = QStackedWidget()
        for number, spec in enumerate(self.specs, start=1):
            title = spec.title()
            self.navigation.addItem(title)
            item = self.navigation.item(number - 1)
            item.setToolTip(self.tr("{title} (Ctrl+{number})").format(title=title, number=number))
            self.pages.addWidget(PageSlot(spec))  # Ctrl+1 ... are the View menu's
        self.navigation.currentRowChanged.connect(self._show_row)
        self.navigation.setCurrentRow(0)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- pages -------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page called `key` ("mothers"), built now if it was not yet."""
        for index in range(self.pages.count()):
            slot = self.pages.widget(index)
            if slot.spec.key == key:
                return self._built(slot)
        raise KeyError(key)

    def built_pages(self) -> list[QWidget]:
        slots = (self.pages.widget(i) for i in range(self.pages.count()))
        return [slot.page for slot in slots if slot.page is not None]

    def current_page(self) -> QWidget:
        return self._built(self.pages.currentWidget())

    def _built(self, slot: PageSlot) -> QWidget:
        if slot.page is None:
            page = slot.spec.build(self._vault)
            for name in self.REQUESTS:
                signal = getattr(page, name, None)
                if signal is not None:
                    signal.connect(self._request(name))
            slot.fill(page)
        return slot.page

    def _request(self, name: str) -> Callable[[], None]:
        return {
            "backup_requested": self.backup_requested.emit,
            "import_requested": self.import_requested.emit,
            "change_passphrase_requested": self.change_passphrase_requested.emit,
            "projects_requested": self.open_projects,
            "settings_requested": self.open_settings,
            "match_requested": self.open_match,
            "record_requested": self.open_target,
        }[name]

    def _show_row(self, row: int) -> None:
        if 0 <= row < self.pages.count():
            self._built(self.pages.widget(row))
            self.pages.setCurrentIndex(row)
            self.page_shown.emit()

    def open_settings(self, section: str = "") -> QWidget:
        """Settings, at one of its sections ("backups") if given."""
        settings = self.show_key("settings")
        if section:
            settings.show_section(section)
        return settings

    def open_match(self, match_id: int) -> None:
        """The Matches page, showing this match (a page's `match_requested(id)`)."""
        self.show_key("matches").show_match(match_id)

    def open_target(self, target: Any) -> QWidget | None:
        """What an alert is about (a services.attention.Target): a record at its section."""
        from coordinator.ui.attention.open_target import open_target

        return open_target(self, target)

    def open_projects(self) -> None:
        """Settings, with its Projects dialog open."""
        settings = self.show_key("settings")
        settings.open_projects()

    def show_key(self, key: str) -> QWidget:
        page = self.page(key)
        self.show_page(page)
        return page

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

    # -- drafts ------------------------------------------------------------------------------

    def _draft_pages(self) -> list[QWidget]:
        """The pages built so far that keep drafts (one not yet built has no edits)."""
        return [page for page in self.built_pages() if isinstance(page, DraftForm)]

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
        self.show_section(self.pages.indexOf(page.parentWidget()))

    def _page_for(self, form: str, record_id: int | None) -> Any:
        """The page that takes this draft back, built if need be; None if no page does."""
        for spec in self.specs:
            if form in spec.drafts:
                page = self.page(spec.key)
                if isinstance(page, DraftForm) and page.draft_record_id == record_id:
                    return page
        return None
