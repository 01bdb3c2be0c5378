"""A match's contacts as the Matches page shows them: newest first, the last contact, the
rate against the project's norm, and the dependency flag when contact is far above it."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from coordinator import models as m
from coordinator.ui.relationship.contacts_panel import ContactsPanel
from tests.ui.test_contact_dialog import NOW, two_matches

DAY = timedelta(days=1)


def add_contacts(vault, match_id: int, days_ago: list[int], medium=m.ContactMedium.PHONE):
    with vault.transaction() as s:
        for n in days_ago:
            s.add(
                m.Contact(
                    match_id=match_id,
                    contact_at=datetime.combine(NOW.date() - DAY * n, time(10)),
                    medium=medium,
                )
            )


def panel_for(qtbot, vault, match_id: int) -> ContactsPanel:
    panel = ContactsPanel(vault, today=NOW.date())
    qtbot.addWidget(panel)
    panel.show()
    panel.show_match(match_id)
    return panel


def test_contacts_newest_first_with_the_rate_against_the_norm(qtbot, vault):
    first, _second = two_matches(vault)
    add_contacts(vault, first, [20, 2, 9])
    add_contacts(vault, first, [40], m.ContactMedium.HOME_VISIT)  # before the four weeks
    panel = panel_for(qtbot, vault, first)
    assert panel.summary.text() == (
        "Last contact 28 Feb 2026. 4 logged. Last 4 weeks: 0.8 a week (the norm is 1.0)."
    )
    shown = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]
    assert shown == [
        "28 Feb 2026 10:00",
        "21 Feb 2026 10:00",
        "10 Feb 2026 10:00",
        "21 Jan 2026 10:00",
    ]
    assert panel.flag.isHidden()


def test_contact_far_above_the_norm_is_flagged_on_the_match(qtbot, vault):
    first, second = two_matches(vault)
    add_contacts(vault, first, list(range(0, 27, 3)))  # 9 calls in four weeks: over twice weekly
    panel = panel_for(qtbot, vault, first)
    assert not panel.flag.isHidden()
    assert panel.flag.text().startswith("Possible dependency: 9 contacts in 4 weeks")
    panel.show_match(second)
    assert panel.summary.text() == "No contact logged yet." and panel.flag.isHidden()
