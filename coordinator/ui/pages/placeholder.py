"""A page whose screens are not built yet: its title and one plain line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from coordinator.ui.kit.widgets import PAGE_MARGIN, heading, note
from coordinator.ui.pages import PageSpec


class PlaceholderPage(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = heading(title)
        self.message = note(self.tr("Coming in a later version of Coordinator."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)


def _reports() -> str:
    return QCoreApplication.translate("Workspace", "Reports")


PAGES = (PageSpec("reports", 60, _reports, lambda _vault: PlaceholderPage(_reports())),)
