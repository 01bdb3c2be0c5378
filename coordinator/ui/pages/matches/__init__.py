"""Matches: the list of every match (filters, search), the selected one's detail with the
lifecycle actions it allows, finding a volunteer for a mother and matching the waiting
list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coordinator.ui.pages import PageSpec
from coordinator.ui.pages.matches.page import MatchesPage

PAGE = PageSpec(
    "matches", 40, lambda: QCoreApplication.translate("Workspace", "Matches"), MatchesPage
)

__all__ = ["PAGE", "MatchesPage"]
