"""Ending a match with its checklist: the most specific template, a required item left
undone needs a written reason (audited), the match ends through the engine (the volunteer's
place freed, her stage moved) and the answers keep their wording."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coordinator import models as m
from coordinator.models import EndingType
from coordinator.services import endings
from coordinator.services.endings_prompts import mark_discussed_again

T = date(2026, 3, 2)
DAY = timedelta(days=1)


@pytest.fixture
def match_id(vault):
    with vault.transaction() as s:
        project = m.Project(name="Bumps", model=m.SupportModel.MENTORING)
        mother = m.Mother(
            full_name="Amira Khan",
            referral_received_on=T - DAY * 200,
            stage=m.MotherStage.MATCHED,
            referrer_name="Jo the midwife",
            project=project,
        )
        volunteer = m.Volunteer(full_name="Sam Taylor", max_matches=1)
        s.add_all([project, mother, volunteer])
        s.flush()
        match = m.Match(
            mother_id=mother.id,
            volunteer_id=volunteer.id,
            project_id=project.id,
            status=m.MatchStatus.ACTIVE,
            proposed_on=T - DAY * 150,
            start_date=T - DAY * 140,
        )
        s.add(match)
        s.flush()
        return match.id


def all_done(plan):
    for answer in plan.answers:
        answer.done = True
    return plan


def test_the_default_checklist_is_offered_for_each_kind_of_ending(vault, match_id):
    planned = endings.start_ending(vault, match_id, EndingType.PLANNED, today=T)
    assert planned.answers[0].text == "Ending date discussed at the start of the match"
    assert len(planned.answers) == 10 and all(a.required for a in planned.answers)
    unplanned = endings.start_ending(vault, match_id, EndingType.UNPLANNED, today=T)
    assert unplanned.answers[0].text == "Attempts to reach her recorded"


def test_the_most_specific_template_wins(vault, match_id):
    with vault.transaction() as s:
        project_id = s.get(m.Match, match_id).project_id
        for name, project, model in (
            ("Mentoring endings", None, m.SupportModel.MENTORING),
            ("Bumps endings", project_id, None),
            ("Bumps befriending", project_id, m.SupportModel.BEFRIENDING),
        ):
            s.add(
                m.ChecklistTemplate(
                    name=name,
                    project_id=project,
                    model=model,
                    ending_type=EndingType.PLANNED,
                    items=[m.ChecklistTemplateItem(text=f"{name} item")],
                )
            )
    plan = endings.start_ending(vault, match_id, EndingType.PLANNED, today=T)
    assert [a.text for a in plan.answers] == ["Bumps endings item"]


def test_a_required_item_not_done_needs_a_written_reason_which_is_audited(vault, match_id):
    plan = all_done(endings.start_ending(vault, match_id, EndingType.PLANNED, today=T))
    plan.answers[6].done = False  # referrer told
    with pytest.raises(endings.EndingInvalid) as refused:
        endings.end_match(vault, plan, today=T)
    assert "item:6" in refused.value.problems
    with vault.session() as s:
        assert s.get(m.Match, match_id).status is m.MatchStatus.ACTIVE
    plan.answers[6].note = "Referrer on leave; told her colleague instead"
    result = endings.end_match(vault, plan, today=T)
    assert result.overridden == 1
    with vault.session() as s:
        events = s.query(m.AuditEvent).filter_by(entity_type="ending").all()
        assert ["checklist_override"] in [e.field_names for e in events]
        answer = s.get(m.Ending, result.ending_id).checklist_answers[6]
        assert not answer.done and answer.note.startswith("Referrer on leave")


def test_ending_frees_the_place_and_closes_her_record(vault, match_id):
    plan = all_done(endings.start_ending(vault, match_id, EndingType.PLANNED, today=T))
    plan.outcome_score, plan.onward_service_ids = 8, ()
    result = endings.end_match(vault, plan, today=T)
    with vault.session() as s:
        match = s.get(m.Match, match_id)
        assert match.status is m.MatchStatus.ENDED and match.ended_on == T
        assert match.mother.stage is m.MotherStage.CLOSED
        assert match.mother.end_outcome_score == 8
        assert match.ending.id == result.ending_id
        live = [x for x in match.volunteer.matches if x.status is m.MatchStatus.ACTIVE]
        assert live == []  # his one place is free again
    assert "Ending letter to the mother" in result.letters
    assert "Letter to the referrer saying support has ended" in result.letters


def test_she_can_go_back_to_waiting_for_a_new_match(vault, match_id):
    plan = all_done(endings.start_ending(vault, match_id, EndingType.UNPLANNED, today=T))
    plan.mother_closes = False
    plan.reason = m.EndingReason.VOLUNTEER_UNAVAILABLE
    result = endings.end_match(vault, plan, today=T)
    with vault.session() as s:
        assert s.get(m.Match, match_id).mother.stage is m.MotherStage.WAITING
    assert result.letters[0].startswith("Closure letter to the mother, only if it is safe")


def test_answers_keep_the_wording_they_were_given(vault, match_id):
    plan = all_done(endings.start_ending(vault, match_id, EndingType.PLANNED, today=T))
    result = endings.end_match(vault, plan, today=T)
    with vault.transaction() as s:
        item = s.get(m.ChecklistTemplateItem, plan.answers[2].item_id)
        item.text = "Final visit arranged and held"
    with vault.session() as s:
        assert s.get(m.Ending, result.ending_id).checklist_answers[2].item_text == (
            "Final visit arranged"
        )


def test_ending_discussed_again_is_ticked_when_it_was_recorded(vault, match_id):
    mark_discussed_again(vault, match_id, T - DAY * 25)
    plan = endings.start_ending(vault, match_id, EndingType.PLANNED, today=T)
    again = plan.answers[1]
    assert "discussed again" in again.text and again.done and again.done_on == T - DAY * 25


@pytest.mark.parametrize(
    ("change", "field"),
    [({"ended_on": T + DAY}, "ended_on"), ({"outcome_score": 11}, "outcome_score")],
)
def test_an_impossible_ending_is_refused_with_its_reason(vault, match_id, change, field):
    plan = all_done(endings.start_ending(vault, match_id, EndingType.PLANNED, today=T))
    for key, value in change.items():
        setattr(plan, key, value)
    with pytest.raises(endings.EndingInvalid) as refused:
        endings.end_match(vault, plan, today=T)
    assert field in refused.value.problems
