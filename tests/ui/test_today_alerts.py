"""The Today page's alerts: grouped, most pressing first; a click or Enter opens the record
at the right section; a snooze with a note hides an alert until it changes."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from coordinator import models as m
from coordinator.services.changes import Kind
from coordinator.ui.attention.alert_list import ALERT_ROLE
from coordinator.ui.kit.operations import operations
from coordinator.ui.pages.today import TodayPage
from tests.ui.helpers import type_and_unlock

T = date(2026, 3, 2)
DAY = timedelta(days=1)


def add_people(vault) -> tuple[int, int]:
    """A mother with an open safeguarding concern; a volunteer whose DBS check runs out."""
    with vault.transaction() as s:
        mother = m.Mother(
            full_name="Amira Khan",
            reference="M0001",
            referral_received_on=T - DAY * 40,
            stage=m.MotherStage.ASSESSED,
        )
        volunteer = m.Volunteer(
            full_name="Sam Taylor", reference="V0001", status=m.VolunteerStatus.ACTIVE
        )
        s.add_all([mother, volunteer])
        s.flush()
        s.add(m.SafeguardingConcern(mother_id=mother.id, raised_on=T - DAY * 2))
        s.add(
            m.DBSCheck(
                volunteer_id=volunteer.id,
                check_type=m.DbsCheckType.ENHANCED,
                issue_date=T - DAY * 1000,
                next_check_due=T + DAY * 20,
            )
        )
        return mother.id, volunteer.id


def alert_index(page: TodayPage, kind: str):
    model = page.alert_list.model_
    for row in range(model.rowCount()):
        group = model.item(row, 0)
        for child in range(group.rowCount()):
            if group.child(child, 0).data(ALERT_ROLE).kind == kind:
                return group.child(child, 0).index()
    raise AssertionError(f"no {kind} alert shown")


def test_alerts_are_grouped_with_the_most_pressing_first(qtbot, vault):
    add_people(vault)
    page = TodayPage(vault, today=T)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: not page.loader.running)
    lines = page.alert_list.lines()
    assert lines[0] == ("Safeguarding and concerns (1)", "", "")
    assert lines[1][0].endswith("M0001  Amira Khan")
    assert "Safeguarding concern raised 28 Feb 2026 not resolved" in lines[1][1]
    assert ("DBS checks (1)", "", "") in lines
    assert any("DBS check due 22 Mar 2026 (in 20 days)" in line[1] for line in lines)
    assert [a.kind for a in page.shown] == ["safeguarding_open", "dbs_expiring", "no_backup"]
    assert page.alerts_line.text().startswith("3 things need you, 1 urgent")


def test_clicking_an_alert_opens_the_record_at_its_section(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    vault = window.controller.vault
    add_people(vault)
    today = window.workspace.page("today")
    today.fixed_today = T
    operations().notify({Kind.MOTHER})
    qtbot.waitUntil(lambda: len(today.alert_list.alerts) == 3)

    index = alert_index(today, "safeguarding_open")
    rect = today.alert_list.visualRect(index)
    qtbot.mouseClick(today.alert_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    mothers = window.workspace.page("mothers")
    assert window.workspace.current_page() is mothers
    dialog = mothers.dialog
    assert dialog is not None and dialog.record_id is not None
    qtbot.waitExposed(dialog)
    section = next(s for s in dialog.sections if type(s).__name__ == "SafeguardingSection")
    top = dialog.scroll.verticalScrollBar().value()
    assert top > 0 and section.y() - top < dialog.scroll.viewport().height()
    dialog.close()

    window.workspace.show_key("today")
    today.alert_list.setCurrentIndex(alert_index(today, "dbs_expiring"))
    qtbot.keyClick(today.alert_list, Qt.Key.Key_Return)
    volunteers = window.workspace.page("volunteers")
    assert window.workspace.current_page() is volunteers
    assert volunteers.dialog is not None
    volunteers.dialog.close()


def test_a_snoozed_alert_waits_with_its_note_and_can_be_shown_again(qtbot, vault):
    add_people(vault)
    page = TodayPage(vault, today=T)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: len(page.alert_list.alerts) == 3)
    page.alert_list.setCurrentIndex(alert_index(page, "dbs_expiring"))
    dialog = page.snooze_current()
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert "Say in a few words" in dialog.message.text()
    qtbot.keyClicks(dialog.note, "Renewal already applied for")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.hidden) == 1)
    assert all("DBS" not in line[1] for line in page.alert_list.lines())
    assert page.show_snoozed.text() == "Show snoozed (1)"

    page.show_snoozed.setChecked(True)
    index = alert_index(page, "dbs_expiring")
    assert "Renewal already applied for" in index.siblingAtColumn(1).data()
    page.alert_list.setCurrentIndex(index)
    assert page.snooze_button.text() == "Show again"
    page.snooze_current()
    qtbot.waitUntil(lambda: page.hidden == [])
    assert any("DBS check due" in line[1] for line in page.alert_list.lines())
