"""Suggest, propose and a match's life on a real database: what a coordinator sees and what
is kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from coordinator import models as m
from coordinator.services import matching as M
from tests.unit.matching_db import TODAY, add_volunteer, world


def _propose(vault, ids, who="near", **details):
    base = M.proposal_defaults(vault, ids["mother"], ids[who], today=TODAY)
    return M.propose(
        vault, ids["mother"], ids[who], replace(base, **details), today=TODAY, decided_by="Jo"
    )


def _stage(vault, mother_id):
    with vault.session() as s:
        return s.get(m.Mother, mother_id).stage


def test_suggest_ranks_the_nearer_polish_speaker_first_and_explains_the_rest(vault):
    ids = world(vault)
    found = M.suggest(vault, ids["mother"], today=TODAY)
    assert [c.volunteer_id for c in found.candidates] == [ids["near"], ids["far"]]
    best = found.candidates[0]
    why = {c.criterion: c.why for c in best.contributions}
    assert why[M.Criterion.LANGUAGE] == "Both speak Polish"
    assert why[M.Criterion.DISTANCE] == "0.4 km apart (LS6 → LS6), within the 10 km she will travel"
    assert round(sum(c.points for c in best.contributions), 1) == best.score
    excluded = {x.volunteer_id: x.reasons for x in found.excluded}
    assert excluded[ids["paused"]] == ("Not active (status: Paused)", "No DBS check recorded")
    assert excluded[ids["full"]] == ("At capacity (1 of 1 places taken)",)
    assert found.excluded_counts() == {"not_active": 1, "dbs": 1, "capacity": 1}
    assert found.mother.reference == "M0001" and found.mother.language == "Polish"


def test_propose_keeps_every_criterion_as_shown_with_the_weights(vault):
    ids = world(vault)
    shown = M.suggest(vault, ids["mother"], today=TODAY).candidates[0]
    match_id = _propose(vault, ids, rationale="Both Polish; lives close")
    detail = M.match_detail(vault, match_id)
    assert detail.row.status == "proposed" and detail.allowed_actions == {"accept", "decline"}
    assert detail.scores == shown.contributions
    assert detail.weights_used == M.default_rules().weights_used()
    assert detail.rationale == "Both Polish; lives close" and detail.decided_by == "Jo"
    assert detail.row.planned_end == TODAY + timedelta(weeks=20)
    with vault.session() as s:
        match = s.get(m.Match, match_id)
        assert match.agreed_visit_frequency is m.VisitFrequency.WEEKLY
        assert match.personal_numbers_shared is True
        assert len(match.criterion_scores) == len(M.Criterion)
        events = s.scalars(select(m.AuditEvent).where(m.AuditEvent.entity_type == "match")).all()
        assert [e.action for e in events] == [m.AuditAction.CREATE]
    assert _stage(vault, ids["mother"]) is m.MotherStage.WAITING


def test_a_volunteer_failing_checks_is_refused_with_every_reason_and_nothing_saved(vault):
    ids = world(vault)
    with pytest.raises(M.HardCheckFailed) as refused:
        _propose(vault, ids, who="paused")
    assert refused.value.reasons == ("Not active (status: Paused)", "No DBS check recorded")
    assert M.count_matches(vault, M.MatchFilter(mother_id=ids["mother"])) == 0


def test_accept_makes_her_matched_and_ending_puts_her_back_to_waiting(vault):
    ids = world(vault)
    match_id = _propose(vault, ids)
    M.accept(vault, match_id, start_date=TODAY, today=TODAY)
    assert _stage(vault, ids["mother"]) is m.MotherStage.MATCHED
    assert M.match_detail(vault, match_id).allowed_actions == {"pause", "end"}
    M.pause(vault, match_id, reason="Volunteer unwell", on=TODAY, today=TODAY)
    M.resume(vault, match_id, on=TODAY + timedelta(days=7), today=TODAY)
    M.end(
        vault,
        match_id,
        on=TODAY + timedelta(days=30),
        reason="Moved away",
        mother_closes=False,
        today=TODAY,
    )
    assert _stage(vault, ids["mother"]) is m.MotherStage.WAITING
    history = M.match_detail(vault, match_id).history
    assert [(h[1], h[2], h[3]) for h in history] == [
        (None, "proposed", None),
        ("proposed", "active", None),
        ("active", "paused", "Volunteer unwell"),
        ("paused", "active", None),
        ("active", "ended", "Moved away"),
    ]
    # Matched with her before: not suggested again, unless a re-match is allowed.
    again = M.suggest(vault, ids["mother"], today=TODAY)
    assert ids["near"] not in [c.volunteer_id for c in again.candidates]
    allowed = M.suggest(vault, ids["mother"], today=TODAY, allow_rematch=True)
    assert ids["near"] in [c.volunteer_id for c in allowed.candidates]


def test_ending_with_closing_closes_her_record(vault):
    ids = world(vault)
    match_id = _propose(vault, ids)
    M.accept(vault, match_id, start_date=TODAY, today=TODAY)
    M.end(vault, match_id, on=TODAY, reason="Support complete", mother_closes=True, today=TODAY)
    with vault.session() as s:
        mother = s.get(m.Mother, ids["mother"])
        assert mother.stage is m.MotherStage.CLOSED
        assert mother.closure_reason is m.ClosureReason.SUPPORT_COMPLETE
        assert [c.to_stage for c in mother.stage_changes][-2:] == [
            m.MotherStage.MATCHED,
            m.MotherStage.CLOSED,
        ]


def test_decline_needs_a_reason_and_leaves_her_waiting(vault):
    ids = world(vault)
    match_id = _propose(vault, ids)
    with pytest.raises(M.MatchRefused, match="why"):
        M.decline(vault, match_id, reason="  ", today=TODAY)
    M.decline(vault, match_id, reason="She wants an evening volunteer", today=TODAY)
    detail = M.match_detail(vault, match_id)
    assert detail.row.status == "ended" and detail.history[-1][3] == (
        "Declined: She wants an evening volunteer"
    )
    assert _stage(vault, ids["mother"]) is m.MotherStage.WAITING
    with pytest.raises(M.MatchRefused):
        M.accept(vault, match_id, start_date=TODAY, today=TODAY)


def test_capacity_is_enforced_again_on_accept(vault):
    ids = world(vault)
    match_id = _propose(vault, ids)
    with vault.transaction() as s:  # her places filled meanwhile, as if by another mother
        s.get(m.Volunteer, ids["near"]).max_matches = 1
        s.add(
            m.Match(
                mother_id=ids["other"],
                volunteer_id=ids["near"],
                project_id=ids["project"],
                status=m.MatchStatus.ACTIVE,
                proposed_on=TODAY,
                start_date=TODAY,
            )
        )
    with pytest.raises(M.MatchRefused, match=r"at capacity \(1 of 1\)"):
        M.accept(vault, match_id, start_date=TODAY, today=TODAY)


def test_second_proposal_for_her_is_refused_until_the_first_is_decided(vault):
    ids = world(vault)
    _propose(vault, ids)
    with pytest.raises(M.MatchRefused, match="already has a proposed match"):
        _propose(vault, ids, who="far")


def test_rules_saved_for_a_project_change_the_ranking_and_the_checks(vault):
    ids = world(vault)
    rules = M.default_rules().with_weights(language=0, distance=10)
    rules = replace(rules, required_training=("safeguarding", "lone_working"))
    M.save_rules(vault, ids["project"], rules)
    assert M.load_rules(vault, ids["project"]) == rules
    found = M.suggest(vault, ids["mother"], today=TODAY)
    assert found.candidates == ()
    reasons = {x.volunteer_id: x.reasons for x in found.excluded}
    assert reasons[ids["near"]] == ("Required training missing or lapsed: Lone working",)
    with pytest.raises(M.MatchRefused, match="no longer exists"):
        M.save_rules(vault, ids["project"], replace(rules, required_training=("nope",)))


def test_matches_list_filters_and_a_persons_matches(vault):
    ids = world(vault)
    match_id = _propose(vault, ids)
    rows = M.list_matches(vault, M.MatchFilter())
    assert [r.match_id for r in rows][0] == match_id
    assert M.count_matches(vault, M.MatchFilter(status="proposed")) == 1
    assert [r.match_id for r in M.list_matches(vault, M.MatchFilter(text="Beata"))] == [match_id]
    by_reference = M.list_matches(vault, M.MatchFilter(text="V0004"))
    assert [(r.volunteer_name, r.mother_name) for r in by_reference] == [("Eve Full", "Other Mum")]
    mine = M.matches_for_person(vault, volunteer_id=ids["full"])
    assert [r.status for r in mine] == ["active"]
    assert M.matches_for_person(vault, mother_id=ids["mother"])[0].volunteer_ref == "V0001"


def test_a_mother_not_in_a_project_is_told_so_for_every_volunteer(vault):
    ids = world(vault)
    with vault.transaction() as s:
        s.get(m.Mother, ids["mother"]).project_id = None
    found = M.suggest(vault, ids["mother"], today=TODAY)
    assert found.candidates == ()
    assert all(
        "not in a project yet" in x.reasons[1 if x.kinds[0] == "not_active" else 0]
        for x in found.excluded
    )


def test_an_interpreter_needed_mother_is_only_matched_with_someone_who_speaks_her_language(vault):
    ids = world(vault)
    with vault.transaction() as s:
        s.get(m.Mother, ids["mother"]).interpreter_needed = True
    found = M.suggest(vault, ids["mother"], today=TODAY)
    assert [c.volunteer_id for c in found.candidates] == [ids["near"]]
    assert {x.volunteer_id: x.reasons for x in found.excluded}[ids["far"]] == (
        "She needs an interpreter and they share no language (she speaks Polish)",
    )


def test_dbs_due_before_the_start_excludes(vault):
    ids = world(vault)
    with vault.transaction() as s:
        add_volunteer(s, s.get(m.Project, ids["project"]), "Fay Soon")
        fay = s.scalars(select(m.Volunteer).where(m.Volunteer.full_name == "Fay Soon")).one()
        fay.dbs_checks[0].next_check_due = date(2026, 12, 1)
        fay_id = fay.id
    reasons = {
        x.volunteer_id: x.reasons for x in M.suggest(vault, ids["mother"], today=TODAY).excluded
    }
    assert reasons[fay_id] == ("DBS check expired on 1 Dec 2026",)


def test_a_change_saved_anywhere_shows_in_the_next_ranking(vault):
    ids = world(vault)
    before = M.suggest(vault, ids["mother"], today=TODAY)
    assert ids["near"] in [c.volunteer_id for c in before.candidates]
    with vault.transaction() as s:  # kept volunteers are read again after any commit
        s.get(m.Volunteer, ids["near"]).status = m.VolunteerStatus.PAUSED
    after = M.suggest(vault, ids["mother"], today=TODAY)
    assert [c.volunteer_id for c in after.candidates] == [ids["far"]]
    # Read as many times as asked, and by slices, the items are the same.
    assert after.excluded[0] is after.excluded[0]
    assert after.excluded[:2] == tuple(after.excluded)[:2] and len(after.excluded) == 3
    assert after.excluded_counts()["not_active"] == 2


def test_the_planned_end_is_the_earlier_of_the_usual_duration_and_the_babys_age_limit(vault):
    ids = world(vault)
    with vault.transaction() as s:
        project = s.get(m.Project, ids["project"])
        project.baby_age_limit_months = 6
        project.visit_norm = m.VisitFrequency.FORTNIGHTLY
        project.personal_numbers_shared = False
        s.get(m.Mother, ids["mother"]).baby_dob = date(2026, 9, 15)
    details = M.proposal_defaults(vault, ids["mother"], ids["near"], today=TODAY)
    assert details.planned_end_date == date(2027, 3, 15)  # six months old: before 20 weeks on
    assert details.visit_frequency == "fortnightly" and details.personal_numbers_shared is False
    assert details.introduction_visit_on > details.proposed_on == TODAY
    with vault.transaction() as s:
        s.get(m.Mother, ids["mother"]).baby_dob = date(2026, 11, 30)
    later = M.proposal_defaults(vault, ids["mother"], ids["near"], today=TODAY)
    assert later.planned_end_date == TODAY + timedelta(weeks=20)  # the usual duration first
