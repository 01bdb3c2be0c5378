"""The unlocked workspace: navigation on the left, one page at a time on the right.

It exists only while the database is open; locking deletes it with everything it shows.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from coordinator.storage.vault import Vault
from coordinator.ui.pages.placeholder import PlaceholderPage
from coordinator.ui.pages.today import TodayPage

NAV_WIDTH = 190


class Workspace(QWidget):
    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = TodayPage(vault)
        pages: list[tuple[str, QWidget]] = [(self.tr("Today"), self.today)]
        for title in (
            self.tr("Mothers"),
            self.tr("Volunteers"),
            self.tr("Matches"),
            self.tr("Services"),
            self.tr("Reports"),
            self.tr("Settings"),
        ):
            pages.append((title, PlaceholderPage(title)))

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

    def show_section(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def section_titles(self) -> list[str]:
        return [self.navigation.item(i).text() for i in range(self.navigation.count())]

    def current_title(self) -> str:
        item = self.navigation.currentItem()
        return item.text() if item is not None else ""
