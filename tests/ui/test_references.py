"""References (M0001, V0002) in the Mothers and Volunteers lists and on their forms, where
they are shown and never edited."""

from __future__ import annotations

import pytest

from coordinator.ui.forms.mother_form import MotherDialog
from coordinator.ui.forms.volunteer_form import VolunteerFormDialog
from coordinator.ui.pages.mothers_page import MothersPage
from coordinator.ui.pages.volunteers_page import VolunteersPage
from tests.ui.matching_data import TODAY, add_people


@pytest.fixture
def people(vault):
    return add_people(vault)


def shown(qtbot, page):
    page.search_delay_ms = 0
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    return page


def column(page, header: str) -> list[str]:
    number = [c.header for c in page.model.columns].index(header)
    return [page.model.index(r, number).data() for r in range(page.model.rowCount())]


def test_the_lists_show_each_persons_reference_and_find_her_by_it(qtbot, vault, people):
    mothers = shown(qtbot, MothersPage(vault))
    assert column(mothers, "Ref") == ["M0001"]
    volunteers = shown(qtbot, VolunteersPage(vault, today=TODAY))
    refs = column(volunteers, "Ref")
    assert all(ref.startswith("V") and len(ref) == 5 for ref in refs) and len(set(refs)) == 4
    qtbot.keyClicks(mothers.search, "M0001")
    assert mothers.model.rowCount() == 1


def test_the_forms_show_the_reference_read_only(qtbot, vault, people):
    mother = MotherDialog(vault, people["Mia"], today=TODAY)
    qtbot.addWidget(mother)
    mother.show()
    assert mother.reference.text() == "Our ref M0001"
    assert mother.widget_for("reference") is None  # not a field she can type in
    volunteer = VolunteerFormDialog(vault, people["Ann"], today=TODAY)
    qtbot.addWidget(volunteer)
    volunteer.show()
    assert volunteer.reference.text().startswith("Our ref V")
    volunteer.widget_for("email").setText("ann@example.org")
    assert "reference" not in volunteer.draft_values()["form"]  # never kept as typed
    new = MotherDialog(vault, None, today=TODAY)
    qtbot.addWidget(new)
    new.show()
    assert not new.reference.isVisible()  # given when she is saved
