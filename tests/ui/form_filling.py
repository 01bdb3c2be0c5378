"""What the record form tests share (mothers, volunteers, local services): the dates records
are filled in with, the steps a user takes in a record form and the checks every form
passes, spelled once. Records are put in the way the forms save them by tests.people (its
`filled` and `term` are offered here too)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from tests.people import filled as filled
from tests.people import term as term
from tests.ui.helpers import click_when_shown, go_to, type_and_unlock

TODAY = date.today()


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


# -- steps in a form ---------------------------------------------------------------------


def field(dialog, key: str):
    """The widget for a key ("postcode", "dbs_checks[0].issue_date")."""
    widget = dialog.widget_for(key)
    assert widget is not None, f"no field {key}"
    return widget


def message(dialog, key: str):
    """The message under that field."""
    label = dialog.message_for(key)
    assert label is not None, f"no message for {key}"
    return label


def enter(qtbot, dialog, key: str, text: str) -> None:
    """Replace what the field holds, as typed, then press Return (leaving it)."""
    widget = field(dialog, key)
    widget.clear()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def shown(qtbot, page, people: dict[str, int]):
    """The list page, shown, with the test's records' ids as `page.people`. A form still
    open at the end of the test is closed without a prompt."""
    page.people = people
    qtbot.addWidget(page, before_close_func=lambda p: p.dialog and p.dialog.reject())
    with qtbot.waitExposed(page):
        page.show()
    return page


def new_form(qtbot, form_class, vault):
    """A new record form of that class, on its own; closed without a prompt at the end."""
    dialog = form_class(vault, None)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.reject())
    return dialog


def click_new(qtbot, page):
    """Click New on a list page: the new form, shown."""
    click(qtbot, page.new_button)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def new_form_after_unlocking(qtbot, window, section: str):
    """Unlock the window, go to a list (`section`: "Mothers") and click New: the new form."""
    type_and_unlock(qtbot, window)
    go_to(window, section)
    return click_new(qtbot, window.workspace.current_page())


def open_with_a_new_town(qtbot, page, record_id: int):
    """The record's form, opened from its list, with "Oadby" typed as her town (unsaved)."""
    page.open_record(record_id)
    enter(qtbot, page.dialog, "town", "Oadby")
    return page.dialog


def save_and_close(qtbot, dialog) -> None:
    """Click Save; the form closes."""
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, dialog.save_button)


def will_answer(dialog, button: str) -> None:
    """Answer the form's next question (unsaved changes, delete) with `button`."""
    click_when_shown(lambda: getattr(dialog, "question", None), button)


def escape_and_answer(qtbot, dialog, button: str) -> None:
    """Esc with unsaved changes, `button` ("Save", "Discard") in the question; it closes."""
    will_answer(dialog, button)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def delete_and_confirm(qtbot, dialog) -> None:
    """Delete…, then Delete in the question; the form closes."""
    will_answer(dialog, "Delete")
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, dialog.delete_button)


def refused_delete(qtbot, page, record_id: int) -> str:
    """Open the record from its list, Delete… and confirm, on a record that may not go: the
    form stays open with a message saying why; the message."""
    page.open_record(record_id)
    dialog = page.dialog
    will_answer(dialog, "Delete")
    click(qtbot, dialog.delete_button)
    assert dialog.isVisible() and dialog.message.isVisible()
    return dialog.message.text()


def delete_from_its_form(qtbot, page, record_id: int) -> str:
    """Open the record from its list, Delete… and confirm: the form closes; the question
    it asked."""
    page.open_record(record_id)
    dialog = page.dialog
    delete_and_confirm(qtbot, dialog)
    return dialog.question.text()


def under_its_field(dialog, key: str) -> bool:
    """The message sits in the same column as its field, straight below it."""
    shown, widget = message(dialog, key), field(dialog, key)
    return shown.parentWidget() is widget.parentWidget() and shown.y() > widget.y()


# -- checks every form passes ------------------------------------------------------------


#: Wrong contact details every person's form refuses: (key, bad value, the message, a right
#: value), as check_a_wrong_value takes them.
WRONG_CONTACT_DETAILS = [
    ("postcode", "LE1", "Not a UK postcode", "le16th"),
    ("phone", "0123", "Not a valid UK phone number", "+44 7700 900123"),
    ("email", "sam@", "Not an email address", "sam@example.org"),
]


def check_a_wrong_value(qtbot, dialog, key: str, bad: str, expected: str, good: str) -> None:
    """On a form that can be saved: a wrong value shows its message under the field and
    blocks Save (the status says why); a right one clears it and Save comes back."""
    assert dialog.save_button.isEnabled()
    enter(qtbot, dialog, key, bad)
    shown = message(dialog, key)
    assert shown.isVisible() and expected in shown.text()
    assert under_its_field(dialog, key)
    assert not dialog.save_button.isEnabled()
    assert expected in dialog.status.text()

    enter(qtbot, dialog, key, good)
    assert not shown.isVisible()
    assert dialog.save_button.isEnabled()


def check_cancel_keeps_the_change(dialog, close) -> None:
    """With the town changed (open_with_a_new_town), closing the form as `close()` does
    asks to save; Cancel leaves it open with the change."""
    will_answer(dialog, "Cancel")
    close()
    assert dialog.question.text() == "Save the changes to this record before closing?"
    assert dialog.isVisible() and field(dialog, "town").text() == "Oadby"


def check_save_from_the_prompt(qtbot, page, record_id: int, load) -> None:
    """Esc with the town changed, Save in the question: `load(vault, id)` shows it saved."""
    dialog = open_with_a_new_town(qtbot, page, record_id)
    escape_and_answer(qtbot, dialog, "Save")
    assert load(page.vault, record_id).town == "Oadby"


def check_the_message_waits_for_a_pause(qtbot, dialog) -> None:
    """A wrong postcode's message shows when typing pauses, without leaving the field."""
    qtbot.keyClicks(field(dialog, "postcode"), "XX")
    shown = message(dialog, "postcode")
    assert not shown.isVisible()  # not while she is still typing
    qtbot.waitUntil(shown.isVisible)
    assert shown.text().startswith("Not a UK postcode")
