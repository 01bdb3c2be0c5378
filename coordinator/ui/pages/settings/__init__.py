"""Settings: one page of sections (Security, Backups, Records, ...), one module each.

See section.py for how a section declares itself, and page.py for the page.
"""

from coordinator.ui.pages.settings.page import PAGE, SettingsPage

__all__ = ["PAGE", "SettingsPage"]
