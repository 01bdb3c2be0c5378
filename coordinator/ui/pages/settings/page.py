"""The Settings page: its sections listed on the left, the chosen one on the right.

The sections are the modules of this package that declare a SECTION (see section.py); each
is built the first time it is shown. Each editable section saves its own values; switching
between sections keeps what was typed in each, and the list marks those with unsaved
changes. Up and Down in the list, or Ctrl+Page Down and Ctrl+Page Up anywhere on the page,
go from section to section; Tab goes from the list into the section.

Unsaved changes, in every section and in an open project form, are the page's draft:
kept across a lock and offered back after unlocking (see Workspace.DraftForm). The draft
is {section key: that section's draft}; a draft kept by an older version (one flat set of
values) is given to the sections whose values it names.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator.storage.vault import Vault
from coordinator.ui.kit.widgets import PAGE_MARGIN, heading
from coordinator.ui.pages import PageSpec
from coordinator.ui.pages.settings.section import SectionSpec, SettingsSection, section_specs

LIST_WIDTH = 180
SECTION_WIDTH = 660


class SectionSlot(QScrollArea):
    """Where a section goes; the section is built the first time it is needed."""

    def __init__(self, spec: SectionSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.section: SettingsSection | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def fill(self, section: SettingsSection) -> None:
        self.section = section
        column = QWidget()
        column.setMaximumWidth(SECTION_WIDTH)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(PAGE_MARGIN, 4, PAGE_MARGIN, PAGE_MARGIN)
        layout.addWidget(section)
        self.setWidget(column)


class SettingsPage(QWidget):
    #: The key of this page's drafts (see Workspace).
    draft_form = "settings"
    draft_record_id: int | None = None

    #: A section's signal of one of these names is passed on to the window.
    REQUESTS = ("backup_requested", "change_passphrase_requested", "import_requested")
    backup_requested = Signal()
    change_passphrase_requested = Signal()
    import_requested = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self._vault = vault
        self.specs = section_specs()
        self.title = heading(self.tr("Settings"))
        self.list = QListWidget()
        self.list.setObjectName("settingsSections")
        self.list.setFixedWidth(LIST_WIDTH)
        self.list.setAccessibleName(self.tr("Sections of Settings"))
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setStyleSheet(
            "#settingsSections { background: palette(window); outline: 0;"
            " border-right: 1px solid #d5d9de; }"
            "#settingsSections::item { padding: 6px 10px; }"
            "#settingsSections::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        self.stack = QStackedWidget()
        for spec in self.specs:
            item = QListWidgetItem(spec.title())
            self.list.addItem(item)
            self.stack.addWidget(SectionSlot(spec))
        self.list.currentRowChanged.connect(self._show_row)
        for sequence, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._step(step))

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        self.list.setCurrentRow(0)

    # -- sections ----------------------------------------------------------------------------

    def section_keys(self) -> list[str]:
        return [spec.key for spec in self.specs]

    def section(self, key: str) -> SettingsSection:
        """The section called `key` ("backups"), built now if it was not yet."""
        return self._built(self.stack.widget(self.section_keys().index(key)))

    def built_sections(self) -> list[SettingsSection]:
        slots = (self.stack.widget(i) for i in range(self.stack.count()))
        return [slot.section for slot in slots if slot.section is not None]

    def current_section(self) -> SettingsSection:
        return self._built(self.stack.currentWidget())

    def show_section(self, key: str) -> SettingsSection:
        self.list.setCurrentRow(self.section_keys().index(key))
        return self.current_section()

    def _built(self, slot: SectionSlot) -> SettingsSection:
        if slot.section is None:
            section = slot.spec.build(self._vault)
            for name in self.REQUESTS:
                signal = getattr(section, name, None)
                if signal is not None:
                    signal.connect(getattr(self, name))
            section.state_changed.connect(self._mark_unsaved)
            slot.fill(section)
            self._mark_unsaved()
        return slot.section

    def _show_row(self, row: int) -> None:
        if 0 <= row < self.stack.count():
            self._built(self.stack.widget(row))
            self.stack.setCurrentIndex(row)

    def _step(self, step: int) -> None:
        row = self.list.currentRow() + step
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)

    def _mark_unsaved(self) -> None:
        """A mark in the list beside each section with unsaved changes."""
        for row, spec in enumerate(self.specs):
            slot = self.stack.widget(row)
            unsaved = slot.section is not None and slot.section.has_unsaved()
            title = spec.title()
            item = self.list.item(row)
            item.setText(f"{title}  •" if unsaved else title)
            described = self.tr("{title}: unsaved changes").format(title=title)
            item.setToolTip(described if unsaved else "")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, described if unsaved else title)

    # -- unsaved work ------------------------------------------------------------------------

    def unsaved_titles(self) -> list[str]:
        """The titles of the sections with unsaved changes, in the list's order."""
        found = {section for section in self.built_sections() if section.has_unsaved()}
        return [
            spec.title()
            for row, spec in enumerate(self.specs)
            if self.stack.widget(row).section in found
        ]

    def has_unsaved(self) -> bool:
        """Whether anything typed here is not saved (the window asks before quitting)."""
        return any(section.has_unsaved() for section in self.built_sections())

    def save_unsaved(self) -> bool:
        """Save every section with unsaved changes; False (and that section shown, with
        its messages) when one cannot be saved as it is."""
        for row, spec in enumerate(self.specs):
            section = self.stack.widget(row).section
            if section is None or not section.has_unsaved():
                continue
            if not section.editable or not section.save():
                self.show_section(spec.key)
                return False
        return True

    def discard_unsaved(self) -> None:
        for section in self.built_sections():
            if section.has_unsaved() and section.editable:
                section.discard()

    def draft_state(self) -> dict[str, Any] | None:
        """Every section's unsaved changes, by section key; None when there are none."""
        state = {}
        for row, spec in enumerate(self.specs):
            section = self.stack.widget(row).section
            values = section.draft_state() if section is not None else None
            if values is not None:
                state[spec.key] = values
        return state or None

    def apply_draft(self, values: dict[str, Any], *, announce: bool = True) -> None:
        """Give each section its part of a draft, and show the first that took one."""
        keys = self.section_keys()
        parts: dict[str, dict[str, Any]] = {}
        for name, value in values.items():
            if name in keys and isinstance(value, dict):
                parts.setdefault(name, {}).update(value)
            else:  # kept by an older version: find the section whose values these are
                owner = self._owner_of(name)
                if owner is not None:
                    parts.setdefault(owner, {})[name] = value
        for key in keys:  # in the list's order
            if key in parts:
                self.section(key).apply_draft(parts[key], announce=announce)
        if parts:
            self.show_section(next(key for key in keys if key in parts))

    def _owner_of(self, name: str) -> str | None:
        for spec in self.specs:
            section = self.section(spec.key)
            if name in section.values() or name in section.draft_names:
                return spec.key
        return None

    # -- the Records section, as the window asks for it ------------------------------------

    def open_projects(self) -> Any:
        """Show Records with its Projects dialog open; the dialog."""
        return self.show_section("records").open_projects()


PAGE = PageSpec(
    "settings",
    90,
    lambda: QCoreApplication.translate("Workspace", "Settings"),
    SettingsPage,
    drafts=("settings",),
)
