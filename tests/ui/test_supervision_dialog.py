"""Recording a group supervision session covering two matches, with an action."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coordinator.services import supervision
from coordinator.ui.dialogs.supervision_dialog import SupervisionDialog
from tests.unit.test_supervision import T, people  # noqa: F401 (the fixture)


def test_recording_a_session_covering_two_matches(qtbot, vault, people):  # noqa: F811
    dialog = SupervisionDialog(vault, people["Sam"], today=T)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.matches.count() == 1
    assert dialog.matches.item(0).checkState() == Qt.CheckState.Checked  # flagged
    assert "possible dependency" in dialog.matches.item(0).text()
    dialog.group.click()
    qtbot.keyClicks(dialog.attendees.line, "Bea")
    qtbot.keyClick(dialog.attendees.line, Qt.Key.Key_Return)
    assert dialog.matches.count() == 2
    dialog.matches.item(1).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(dialog.boundaries, "Talked about texting in the evenings")
    dialog.add_action.click()
    dialog.actions.item(0, 0).setText("Agree a weekly call")
    dialog.actions.item(0, 2).setText("09/03/2026")
    dialog.save_button.click()
    assert dialog.message.text() == "Session saved."
    (row,) = supervision.sessions_for(vault, people["Bea"])
    form = supervision.load_session(vault, row.id)
    assert len(form.match_ids) == 2 and form.attendee_ids
    assert form.actions[0].text == "Agree a weekly call" and form.actions[0].due_on.day == 9
