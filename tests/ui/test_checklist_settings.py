"""Settings > Ending checklists: add an item to a template and save it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coordinator.services import endings_templates as templates
from coordinator.ui.pages.settings.checklists import ChecklistsSection


def test_adding_an_item_and_saving(qtbot, vault):
    section = ChecklistsSection(vault)
    qtbot.addWidget(section)
    section.show()
    assert section.name.text() in ("Planned ending", "Unplanned ending")
    count = section.items.count()
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    item = section.items.item(count)
    item.setText("Goodbye card sent")
    item.setCheckState(Qt.CheckState.Unchecked)
    section.up_button.click()
    section.save_button.click()
    assert section.message.text() == "Checklist saved."
    form = templates.load_template(vault, section.editing)
    assert form.items[count - 1].text == "Goodbye card sent"
    assert not form.items[count - 1].required


def test_rewording_an_item_and_retiring_a_checklist(qtbot, vault):
    section = ChecklistsSection(vault)
    qtbot.addWidget(section)
    section.show()
    first = templates.load_template(vault, section.editing).items[0]
    section.items.item(0).setText("Ending date agreed at the first visit")
    section.active.setChecked(False)
    section.save_button.click()
    assert section.message.text() == "Checklist saved."
    form = templates.load_template(vault, section.editing)
    assert not form.active
    assert form.items[0].text == "Ending date agreed at the first visit"
    assert form.items[0].id == first.id  # the same item, reworded: answers keep their words
