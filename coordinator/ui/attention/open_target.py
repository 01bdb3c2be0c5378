"""Opening what an alert is about: a mother's or a volunteer's record at the section the
alert concerns (her safeguarding, his DBS checks), or a match on the Matches page."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from coordinator.services.attention import Target

#: Section code of an alert -> the class name of the form section that shows it.
FORM_SECTIONS = {
    "safeguarding": "SafeguardingSection",
    "consents": "ConsentSection",
    "referral": "ReferralSection",
    "pregnancy": "PregnancySection",
    "matches": "MatchesSection",
    "dbs": "DbsSection",
}
PAGES = {"mother": "mothers", "volunteer": "volunteers"}


def show_section(dialog: QWidget, section: str) -> QWidget | None:
    """Scroll a record's form to the section (by its code); the section shown, if any."""
    wanted = FORM_SECTIONS.get(section)
    for found in getattr(dialog, "sections", ()):
        if type(found).__name__ == wanted:
            # After the dialog is laid out, so that the section has its place.
            QTimer.singleShot(0, lambda s=found: dialog.scroll.ensureWidgetVisible(s, 0, 0))
            dialog.scroll.ensureWidgetVisible(found, 0, 0)
            return found
    return None


def open_target(workspace, target: Target) -> QWidget | None:  # noqa: ANN001 (a Workspace)
    """Show the record: its page, then its form or its match; what was opened."""
    if target.record == "match" and target.id is not None:
        page = workspace.show_key("matches")
        page.show_match(target.id)
        focus = getattr(page, "show_match_section", None)
        if focus is not None:
            focus(target.section)
        return page
    key = PAGES.get(target.record)
    if key is None or target.id is None:
        return None
    page = workspace.show_key(key)
    if target.section == "supervision":  # the volunteer's supervision notes, not his form
        return page.open_supervision(target.id)
    dialog = page.open_form(target.id)
    if dialog is not None and target.section:
        show_section(dialog, target.section)
    return dialog
