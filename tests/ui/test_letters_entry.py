"""Where letters are opened from: the Mothers page (one mother, or today's introductions in
one print job), the mother's form, and What we offer… in Projects."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtPrintSupport import QPrinter

from coordinator.services.letters import letters_for_mother, save_letterhead
from coordinator.ui.dialogs.projects_dialog import ProjectsDialog
from coordinator.ui.forms.mother_form import MotherDialog
from coordinator.ui.letters.entry import introductions_for_today
from coordinator.ui.letters.letters_dialog import LettersDialog
from coordinator.ui.letters.preview import LetterPreview
from coordinator.ui.pages.mothers_page import MothersPage
from tests.letters import world
from tests.letters.images import difference, page_image
from tests.letters.pdftext import page_count, pdf_text
from tests.letters.world import TODAY


@pytest.fixture
def people(vault):
    return world.build(vault)


@pytest.fixture
def page(qtbot, vault, people):
    page = MothersPage(vault)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    with qtbot.waitExposed(page):
        page.show()
    return page


def test_letters_for_the_chosen_mother_from_the_list(qtbot, page, people):
    assert page.open_letters() is None
    assert "Choose a mother" in page.message.text()
    assert page.select_id(people.zoe)
    dialog = page.open_letters()
    assert isinstance(dialog, LettersDialog) and dialog.mother_id == people.zoe
    dialog.close()


def test_the_mother_form_offers_letters_once_she_is_saved(qtbot, vault, people):
    form = MotherDialog(vault, people.ayse)
    qtbot.addWidget(form)
    form.show()
    assert form.letters_button.isVisible()
    dialog = form.open_letters()
    assert dialog.options.name == "Ayşe Çelik"
    dialog.close()
    new = MotherDialog(vault, None)
    qtbot.addWidget(new)
    new.show()
    assert not new.letters_button.isVisible()


def test_todays_introductions_print_in_one_job_and_no_file_but_the_printers_is_written(
    qtbot, page, vault, people, tmp_path, watched
):
    op = introductions_for_today(page, vault, page.message, today=TODAY)
    with qtbot.waitSignal(op.finished):
        pass
    preview = op.property("preview")
    assert isinstance(preview, LetterPreview)
    assert preview.page_count() == 3
    message = page.message.text()
    assert "3 introduction letters made" in message and "M0004" in message
    assert "M0002" not in message  # her letter went to her safe address
    assert len(letters_for_mother(vault, people.zoe)) == 1
    assert letters_for_mother(vault, people.siobhan) == []

    printer = preview.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "print-job.pdf"
    printer.setOutputFileName(str(printed))
    assert preview.print_to(printer)
    job = printed.read_bytes()
    assert page_count(job) == 3  # one job: every letter, one after another
    for number in range(3):  # each printed page is the letter previewed
        assert difference(page_image(job, number), page_image(preview._pdf, number)) < 0.05
    assert "Sent 3 pages" in preview.message.text()
    preview.close()
    assert watched() == (set(), set())


def test_no_match_accepted_today_says_so(qtbot, page, vault, people):
    op = introductions_for_today(page, vault, page.message, today=date(2027, 1, 5))
    with qtbot.waitSignal(op.finished):
        pass
    assert "No match was accepted today" in page.message.text()


def test_what_we_offer_from_the_projects_dialog(qtbot, vault, people):
    dialog = ProjectsDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.offer_button.isEnabled()
    preview = dialog.open_offer()
    assert isinstance(preview, LetterPreview)
    assert "What we offer: Bumps & Beyond" in pdf_text(preview._pdf)
    assert page_count(preview._pdf) == 1
    preview.close()


def test_her_form_and_the_list_say_when_letters_go_to_her_safe_address(qtbot, vault, people):
    from coordinator.models import Mother
    from coordinator.services.listing import mother_rows
    from coordinator.ui.pages.mothers_page import _name_tip

    form = MotherDialog(vault, people.siobhan)
    qtbot.addWidget(form)
    assert form.flag.text() == "No letters to her home address"
    with vault.transaction() as s:
        s.get(Mother, people.siobhan).safe_address = "c/o Mrs Kaur\n5 Belgrave Gate"
    again = MotherDialog(vault, people.siobhan)
    qtbot.addWidget(again)
    assert again.flag.text() == "No letters to her home address: use her safe address"
    (row,) = mother_rows(vault, [people.siobhan])
    assert "use her safe address" in _name_tip(row)


def test_her_form_lists_her_letters_and_follows_the_ones_made_from_it(qtbot, vault, people):
    from coordinator.letters import make_letter
    from coordinator.services.letters import LetterKind, LetterRequest, Section

    form = MotherDialog(vault, people.zoe)
    qtbot.addWidget(form)
    form.show()
    assert form.letters.table.rowCount() == 0 and "No letters yet" in form.letters.none_label.text()
    make_letter(
        vault,
        LetterRequest(
            LetterKind.REFERRAL_SUMMARY,
            people.zoe,
            sections=frozenset({Section.NEEDS}),
            made_by="Sam",
        ),
        today=TODAY,
    )
    dialog = form.open_letters()
    dialog.reject()
    qtbot.waitUntil(lambda: form.letters.table.rowCount() == 1)
    cells = [form.letters.table.item(0, c).text() for c in range(4)]
    assert cells == [
        "2 December 2026",
        "Referral summary",
        "Ольга Ковальчук, Health Visiting Team",
        "Needs · made by Sam",
    ]


def test_before_the_letterhead_names_the_charity_no_letter_is_made(qtbot, page, vault, people):
    save_letterhead(vault, replace(world.letterhead(), charity_name=""))
    assert page.print_introductions() is None
    assert "Settings → Letters" in page.message.text()

    assert page.select_id(people.zoe)
    dialog = page.open_letters()
    qtbot.addWidget(dialog)
    assert dialog.make() is None
    assert "The letterhead does not name the charity yet" in dialog.message.text()
    assert letters_for_mother(vault, people.zoe) == []  # nothing recorded either
    dialog.close()
