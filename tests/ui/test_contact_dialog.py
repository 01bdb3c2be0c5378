"""Typing a Monday's phoned-in contacts from the keyboard: Enter saves and starts the next,
which remembers the match's medium and support; the match can be changed by typing; the
log opens from her record and from his."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coordinator import models as m
from coordinator.services import contacts
from coordinator.services.records.mothers import load_mother
from coordinator.services.records.volunteers import load_volunteer
from coordinator.ui.dialogs.contact_dialog import ContactDialog
from coordinator.ui.forms.person_matches import MatchesSection

NOW = datetime(2026, 3, 2, 11, 0)
DAY = timedelta(days=1)


def two_matches(vault) -> tuple[int, int]:
    with vault.transaction() as s:
        project = m.Project(name="Bumps", model=m.SupportModel.BEFRIENDING)
        volunteer = m.Volunteer(full_name="Sam Taylor", reference="V0001")
        mothers = [
            m.Mother(full_name=name, reference=ref, referral_received_on=date(2025, 12, 1))
            for name, ref in (("Amira Khan", "M0001"), ("Zara Ahmed", "M0002"))
        ]
        s.add_all([project, volunteer, *mothers])
        s.add(m.LocalService(name="Little Feet Baby Bank"))
        s.flush()
        ids = []
        for mother in mothers:
            match = m.Match(
                mother_id=mother.id,
                volunteer_id=volunteer.id,
                project_id=project.id,
                status=m.MatchStatus.ACTIVE,
                proposed_on=date(2026, 1, 5),
                start_date=date(2026, 1, 12),
            )
            s.add(match)
            s.flush()
            ids.append(match.id)
        return ids[0], ids[1]


def focused():
    return QApplication.focusWidget()


def shown(qtbot, dialog) -> None:
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()


def press(qtbot, key, times: int = 1, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifier)


def test_typing_contacts_one_after_another_from_the_keyboard(qtbot, vault):
    first, second = two_matches(vault)
    dialog = ContactDialog(vault, first, now=NOW)
    qtbot.addWidget(dialog)
    shown(qtbot, dialog)
    assert focused() is dialog.match

    press(qtbot, Qt.Key.Key_Tab, 2)  # the date stays today; the time
    assert focused() is dialog.at
    press(qtbot, Qt.Key.Key_A, modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "0930")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "p")  # Phone
    press(qtbot, Qt.Key.Key_Tab, 2)  # past "attempted only"
    qtbot.keyClicks(focused(), "20")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # listening
    press(qtbot, Qt.Key.Key_Tab, 2)
    press(qtbot, Qt.Key.Key_Space)  # signposting
    press(qtbot, Qt.Key.Key_Tab, 2)
    assert focused() is dialog.services.line
    qtbot.keyClicks(focused(), "Little Feet Baby Bank")
    press(qtbot, Qt.Key.Key_Return)  # adds the service, does not save yet
    assert dialog.services.shown.text() == "Little Feet Baby Bank"
    assert dialog.saved_count == 0
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.concerns
    qtbot.keyClicks(focused(), "Worried about the rent")
    press(qtbot, Qt.Key.Key_Return)  # saves

    assert dialog.saved_count == 1, dialog.message.text()
    log = contacts.match_contacts(vault, first, NOW.date())
    (row,) = log.rows
    assert row.contact_at == datetime(2026, 3, 2, 9, 30)
    assert row.medium is m.ContactMedium.PHONE and row.duration_minutes == 20
    assert row.supports == (m.SupportType.ACTIVE_LISTENING, m.SupportType.SIGNPOSTING)
    assert row.services == ("Little Feet Baby Bank",)
    assert row.concerns == "Worried about the rent"

    # The next one is empty but remembers this match's medium and support.
    assert focused() is dialog.match
    assert dialog.concerns.text() == "" and dialog.minutes.text() == ""
    assert dialog.medium.currentText() == "Phone"
    assert dialog.supports[m.SupportType.ACTIVE_LISTENING].isChecked()

    # Another mother's contact: type her reference, choose her, Enter saves.
    qtbot.keyClicks(focused(), "m0002")
    press(qtbot, Qt.Key.Key_Return)  # chooses her match, goes on to the time
    assert dialog.match_id() == second, (
        dialog.match.currentText(),
        dialog.message.text(),
        focused(),
    )
    assert focused() is dialog.at and dialog.saved_count == 1
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.saved_count == 2
    (other,) = contacts.match_contacts(vault, second, NOW.date()).rows
    assert other.contact_at == NOW and other.medium is m.ContactMedium.HOME_VISIT


def test_a_mistake_is_said_and_nothing_is_saved(qtbot, vault):
    first, _ = two_matches(vault)
    dialog = ContactDialog(vault, first, now=NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.at.setText("25:99")
    dialog.save_and_next()
    assert "hh:mm" in dialog.message.text()
    dialog.at.setText("10:00")
    dialog.day.set_value(NOW.date() + DAY)
    dialog.save_and_next()
    assert "future" in dialog.message.text()
    assert contacts.match_contacts(vault, first, NOW.date()).total == 0


def test_a_new_service_is_added_without_leaving_the_form(qtbot, vault):
    first, _ = two_matches(vault)
    dialog = ContactDialog(vault, first, now=NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.services.line, "Oakfield Food Bank")
    assert dialog.services.add_button.isVisible()
    qtbot.mouseClick(dialog.services.add_button, Qt.MouseButton.LeftButton)
    assert dialog.services.shown.text() == "Oakfield Food Bank"
    assert dialog.supports[m.SupportType.SIGNPOSTING].isChecked()
    assert "Oakfield Food Bank" in dict(contacts.service_choices(vault)).values()


def test_safeguarding_escalated_opens_a_concern_on_her_record(qtbot, vault):
    first, _ = two_matches(vault)
    dialog = ContactDialog(vault, first, now=NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.concerns.setText("Bruises on her arm")
    dialog.escalated.setChecked(True)
    contact_id = dialog.save_and_next()
    mother_id, _concern = contacts.concern_for(vault, contact_id)
    assert dialog.concern_link.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.concern_requested) as asked:
        qtbot.mouseClick(dialog.concern_link, Qt.MouseButton.LeftButton)
    assert asked.args == [mother_id]
    with vault.session() as s:
        (concern,) = s.query(m.SafeguardingConcern).all()
        assert concern.note == "Bruises on her arm" and concern.resolved_on is None


def test_the_contact_log_opens_from_her_record_and_his(qtbot, vault):
    first, second = two_matches(vault)
    with vault.session() as s:
        zara, sam = s.get(m.Match, second).mother_id, s.get(m.Match, second).volunteer_id
    for side, form, row, expected in (
        ("mother", load_mother(vault, zara), 0, second),
        ("volunteer", load_volunteer(vault, sam), None, first),
    ):
        section = MatchesSection(vault, side)
        qtbot.addWidget(section)
        section.show_form(form)
        if row is None:  # his two matches: the one with Amira
            row = next(i for i, r in enumerate(section.rows) if r.match_id == first)
        section.table.selectRow(row)
        qtbot.mouseClick(section.log_button, Qt.MouseButton.LeftButton)
        dialog = section.contact_dialog
        assert isinstance(dialog, ContactDialog) and dialog.match_id() == expected
        dialog.close()
