"""Letters made from the database: ticked sections only, the safety rules, the record."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from coordinator.letters import introductions_accepted_on, make_letter, offer_for_project
from coordinator.models import AuditEvent, LetterSent, Mother
from coordinator.services.letters import (
    AddressChoice,
    LetterKind,
    LetterRefused,
    LetterRequest,
    Recipient,
    Section,
    letter_options,
    letters_for_mother,
)
from tests.letters import world
from tests.letters.pdftext import pdf_text
from tests.letters.world import SAFEGUARDING_NOTE, SUPERVISION_NOTE, TODAY


@pytest.fixture
def people(vault):
    return world.build(vault)


def summary(people, *sections: Section, **options) -> LetterRequest:
    return LetterRequest(
        LetterKind.REFERRAL_SUMMARY, people.zoe, sections=frozenset(sections), **options
    )


def test_summary_prints_only_the_ticked_sections(vault, people):
    made = make_letter(
        vault, summary(people, Section.IDENTITY, Section.NEEDS, Section.SUPPORT), today=TODAY
    )
    text = pdf_text(made.pdf)
    assert "Identity and contact" in text and "Support so far" in text
    assert "Zoë Łukasiewicz" in text and "Ольга Ковальчук" in text  # her referrer, addressed
    assert "Leicester Baby Bank" in text
    assert "1 contact\n" in text and "1 contacts" not in text
    assert "Pregnancy and baby" not in text and "20 January 2027" not in text
    assert "Feeling isolated" not in text  # referral reasons: not ticked
    assert "Safeguarding" not in text and SAFEGUARDING_NOTE not in text


def test_supervision_notes_never_print_even_with_every_section(vault, people):
    made = make_letter(vault, summary(people, *Section, safeguarding_confirmed=True), today=TODAY)
    text = pdf_text(made.pdf)
    assert SAFEGUARDING_NOTE in text
    assert "tired after a hard week" not in text and "private contact note" not in text
    assert SUPERVISION_NOTE not in text


def test_safeguarding_needs_confirming(vault, people):
    with pytest.raises(LetterRefused, match="Confirm"):
        make_letter(vault, summary(people, Section.SAFEGUARDING), today=TODAY)
    assert letters_for_mother(vault, people.zoe) == []


def test_summary_without_consent_needs_the_warning_acknowledged_and_records_it(vault, people):
    request = LetterRequest(
        LetterKind.REFERRAL_SUMMARY, people.olga, sections=frozenset({Section.IDENTITY})
    )
    with pytest.raises(LetterRefused) as refused:
        make_letter(vault, request, today=TODAY)
    assert refused.value.needs_acknowledgement
    assert "No consent" in refused.value.message
    made = make_letter(
        vault,
        LetterRequest(
            LetterKind.REFERRAL_SUMMARY,
            people.olga,
            sections=frozenset({Section.IDENTITY}),
            consent_acknowledged=True,
            made_by="Siobhán",
        ),
        today=TODAY,
    )
    assert made.warnings
    (row,) = letters_for_mother(vault, people.olga)
    assert "warning was acknowledged" in row.note and "Made by Siobhán" in row.note


def test_consent_to_named_services_covers_only_those_named(vault, people):
    other = Recipient("Duty worker", "Housing Options")
    request = summary(people, Section.NEEDS, recipient=other)
    made = make_letter(vault, request, today=TODAY)  # blank share_with: any service
    assert "Housing Options" in pdf_text(made.pdf)


def test_no_letters_home_refuses_the_home_address_and_offers_the_others(vault, people):
    request = LetterRequest(LetterKind.INTRODUCTION, people.ayse)
    with pytest.raises(LetterRefused) as refused:
        make_letter(vault, request, today=TODAY)
    assert "no letters to her home address" in refused.value.message
    assert set(refused.value.alternatives) == {AddressChoice.SAFE, AddressChoice.NONE}
    assert letters_for_mother(vault, people.ayse) == []

    safe = make_letter(
        vault,
        LetterRequest(LetterKind.INTRODUCTION, people.ayse, address=AddressChoice.SAFE),
        today=TODAY,
    )
    text = pdf_text(safe.pdf)
    assert "c/o Siobhán Ní Bhriain" in text and "Narborough" not in text


def test_no_safe_address_leaves_only_the_letter_to_hand_over(vault, people):
    with pytest.raises(LetterRefused) as refused:
        make_letter(
            vault,
            LetterRequest(LetterKind.ENDING_PLANNED, people.siobhan, address=AddressChoice.SAFE),
            today=TODAY,
        )
    assert refused.value.alternatives == (AddressChoice.NONE,)
    made = make_letter(
        vault,
        LetterRequest(LetterKind.ENDING_PLANNED, people.siobhan, address=AddressChoice.NONE),
        today=TODAY,
    )
    text = pdf_text(made.pdf)
    assert "Hidden Way" not in text and "Dear Siobhán," in text
    assert made.to.endswith("(to hand to her)")


def test_introduction_names_only_the_volunteers_first_name(vault, people):
    made = make_letter(vault, LetterRequest(LetterKind.INTRODUCTION, people.zoe), today=TODAY)
    text = pdf_text(made.pdf)
    assert "Ayşe" in text and "Demir" not in text and "Yıldız" not in text
    assert "9 December 2026" in text and "2 December 2026" in text
    assert "14 Aylestone Road" in text and "Our ref: M0001" in text


def test_every_letter_is_recorded_and_audited(vault, people):
    make_letter(vault, LetterRequest(LetterKind.ACKNOWLEDGEMENT, people.zoe), today=TODAY)
    make_letter(vault, summary(people, Section.NEEDS, made_by="Sam"), today=TODAY)
    rows = letters_for_mother(vault, people.zoe)
    assert [r.kind for r in rows] == ["referral_summary", "acknowledgement"]
    assert rows[0].note.startswith("Sections: Needs.")
    assert (rows[0].sections, rows[0].made_by) == ((Section.NEEDS,), "Sam")
    assert (rows[1].sections, rows[1].made_by) == ((), "")
    assert rows[1].to == "Ольга Ковальчук, Health Visiting Team"
    with vault.session() as s:
        letters = s.scalars(select(LetterSent.id)).all()
        audited = s.scalars(
            select(AuditEvent.entity_id).where(AuditEvent.entity_type == "letter_sent")
        ).all()
        summaries = s.scalars(
            select(AuditEvent.summary).where(AuditEvent.entity_type == "letter_sent")
        ).all()
    assert sorted(audited) == sorted(letters)
    assert not any("Zoë" in (text or "") for text in summaries)


def test_unplanned_ending_says_we_tried_to_reach_her(vault, people):
    made = make_letter(vault, LetterRequest(LetterKind.ENDING_UNPLANNED, people.zoe), today=TODAY)
    assert "tried to reach you" in pdf_text(made.pdf)


def test_batch_of_introductions_goes_to_safe_addresses_and_leaves_out_those_without(vault, people):
    batch = introductions_accepted_on(vault, TODAY, made_by="Sam", today=TODAY)
    assert batch.made == ("M0001", "M0002", "M0003")
    assert [ref for ref, _ in batch.left_out] == ["M0004"]
    text = pdf_text(batch.pdf)
    assert "Zoë" in text and "Ольга" in text and "Hidden Way" not in text
    assert "c/o Siobhán Ní Bhriain" in text and "Narborough" not in text
    (ayse,) = letters_for_mother(vault, people.ayse)
    assert ayse.note.startswith("Address: safe.") and ayse.made_by == "Sam"


def test_a_recorded_safe_address_is_offered_and_printed(vault, people):
    with vault.transaction() as s:
        s.get(Mother, people.siobhan).safe_address = "c/o Mrs Kaur\n5 Belgrave Gate\nLE1 3GQ"
    options = letter_options(vault, people.siobhan)
    assert options.addresses[AddressChoice.SAFE] is None
    assert options.addresses[AddressChoice.HOME] is not None
    assert options.safe_address == "c/o Mrs Kaur, 5 Belgrave Gate, LE1 3GQ"
    with pytest.raises(LetterRefused, match="or address it to her safe address"):
        make_letter(vault, LetterRequest(LetterKind.INTRODUCTION, people.siobhan), today=TODAY)
    made = make_letter(
        vault,
        LetterRequest(LetterKind.INTRODUCTION, people.siobhan, address=AddressChoice.SAFE),
        today=TODAY,
    )
    text = pdf_text(made.pdf)
    assert "Siobhán Ní Bhriain\nc/o Mrs Kaur\n5 Belgrave Gate\nLE1 3GQ" in text
    assert "Hidden Way" not in text


def test_offer_sheet_comes_from_the_project_and_names_no_one(vault, people):
    text = pdf_text(offer_for_project(vault, people.project_id))
    assert "What we offer: Bumps & Beyond" in text
    assert "We do not give medical advice" in text and "not a crisis" in text
    assert "116 123" in text and "Zoë" not in text
