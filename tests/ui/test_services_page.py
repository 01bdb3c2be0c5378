"""The local services directory: the list, search, the category filter, and the service
form (validation under the field, save, edit, no longer running, delete)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coordinator.services.records.services import blank_service, load_service, save_service
from coordinator.ui.pages.services_page import ServicesPage
from tests.ui.form_filling import (
    click,
    delete_and_confirm,
    enter,
    field,
    filled,
    message,
    term,
    under_its_field,
)
from tests.ui.volunteers_data import row_of, shown_names


def add_service(vault, name: str, category: str, **fields) -> int:
    category_id = term(vault, "service_category", category)
    return save_service(
        vault, filled(blank_service(), name=name, category_id=category_id, **fields)
    )


@pytest.fixture
def page(qtbot, vault):
    ids = {
        "bank": add_service(vault, "Leicester Baby Bank", "Baby bank", area="Leicester"),
        "food": add_service(vault, "Highfields Pantry", "Food bank", phone="0116 496 0641"),
        "bf": add_service(vault, "Breastfeeding Buddies", "Breastfeeding", area="Oadby"),
    }
    page = ServicesPage(vault)
    page.ids_ = ids
    page.search_delay_ms = 0
    qtbot.addWidget(page)
    page.resize(1100, 700)
    with qtbot.waitExposed(page):
        page.show()
    return page


def test_the_directory_lists_name_category_area_and_phone(page):
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Name", "Category", "Area", "Phone"]
    assert shown_names(page) == [
        "Breastfeeding Buddies",
        "Highfields Pantry",
        "Leicester Baby Bank",
    ]
    row = row_of(page, "Highfields Pantry")
    assert [page.model.data(page.model.index(row, c)) for c in range(4)] == [
        "Highfields Pantry",
        "Food bank",
        "",
        "0116 496 0641",
    ]


def test_search_and_the_category_filter(qtbot, page):
    qtbot.keyClicks(page.search, "baby")
    assert shown_names(page) == ["Leicester Baby Bank"]
    page.search.clear()
    page.category_filter.setCurrentIndex(page.category_filter.findText("Breastfeeding"))
    assert shown_names(page) == ["Breastfeeding Buddies"]
    assert page.count_label.text() == "1 of 3 services"


def test_a_new_service_is_saved_and_found_by_search(qtbot, page, vault):
    click(qtbot, page.new_button)
    dialog = page.dialog
    assert not dialog.save_button.isEnabled()
    enter(qtbot, dialog, "name", "Oadby Stay and Play")
    category = field(dialog, "category_id")
    category.setCurrentIndex(category.findText("Parent groups"))
    enter(qtbot, dialog, "phone", "12")
    shown = message(dialog, "phone")
    assert shown.isVisible() and shown.text().startswith("Not a valid UK phone number")
    assert under_its_field(dialog, "phone")
    assert not dialog.save_button.isEnabled()
    enter(qtbot, dialog, "phone", "0116 496 0999")
    enter(qtbot, dialog, "postcode", "le2 4aa")
    enter(qtbot, dialog, "area", "Oadby")
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, dialog.save_button)

    qtbot.keyClicks(page.search, "stay and")
    assert shown_names(page) == ["Oadby Stay and Play"]
    saved = load_service(vault, page.model.id_at(0))
    assert (saved.postcode, saved.phone) == ("LE2 4AA", "0116 496 0999")


def test_the_name_is_required(qtbot, page):
    click(qtbot, page.new_button)
    dialog = page.dialog
    enter(qtbot, dialog, "name", "x")
    enter(qtbot, dialog, "name", "")
    assert message(dialog, "name").text() == "The service's name is needed."
    assert not dialog.save_button.isEnabled()


def test_a_service_no_longer_running_leaves_the_list_until_asked_for(qtbot, page):
    page.open_record(page.ids_["food"])
    dialog = page.dialog
    click(qtbot, field(dialog, "active"))
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, dialog.save_button)
    assert "Highfields Pantry" not in shown_names(page)
    click(qtbot, page.inactive_filter)
    assert "Highfields Pantry" in shown_names(page)


def test_delete_after_confirming_removes_it(qtbot, page):
    page.open_record(page.ids_["bf"])
    dialog = page.dialog
    delete_and_confirm(qtbot, dialog)
    assert "Breastfeeding Buddies" not in shown_names(page)


def test_a_record_deleted_meanwhile_is_said_to_be_gone_and_leaves_no_form_behind(
    qtbot, page, vault
):
    from PySide6.QtCore import QCoreApplication, QEvent

    from coordinator.services.records.services import delete_service
    from coordinator.ui.kit.form_dialog import FormDialog

    gone = page.ids_["food"]
    delete_service(vault, gone)  # elsewhere, before the list was read again
    assert page.open_form(gone) is None
    assert page.message.text() == "That service is no longer in the database."
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert page.findChildren(FormDialog) == []
    assert "Highfields Pantry" not in shown_names(page)  # the list was read again
    assert page.open_form(page.ids_["bank"]) is not None  # and the next one opens
