"""Properties of the ranking on generated volunteers: no candidate fails a hard check,
every exclusion says why, the points add up to the score, and a direction flip reverses
the order on that criterion alone."""

from __future__ import annotations

import math
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coordinator import models as m
from coordinator.services.matching import Criterion, Direction, criterion_has_direction
from coordinator.services.matching.engine import evaluate
from coordinator.services.matching.rules import MatchingRules, default_rules
from coordinator.services.matching.suggest import build
from tests.unit.matching_world import PLACES, TODAY, labels, mothers, pool_of, volunteers

RULES = st.builds(
    MatchingRules,
    criteria=st.just({}),
    required_training=st.sampled_from([(), ("safeguarding",), ("safeguarding", "core")]),
    induction_required=st.booleans(),
    language_required_for_interpreter=st.booleans(),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _fails_a_hard_check(vol, mo, rules: MatchingRules) -> bool:
    """An oracle written out plainly, one check at a time, from the volunteer's values."""
    if vol.status != "active" or mo.project_id not in vol.projects:
        return True
    if not vol.has_dbs or (vol.dbs_due is not None and vol.dbs_due < TODAY):
        return True
    required = {"safeguarding": 1, "core": 2}
    if any(required[c] not in vol.trainings for c in rules.required_training):
        return True
    if rules.induction_required and not vol.inducted:
        return True
    if vol.current >= vol.capacity:
        return True
    if mo.point is not None and vol.postcode in PLACES and vol.radius is not None:
        e, n = PLACES[vol.postcode]
        if math.hypot(e - mo.point[0], n - mo.point[1]) / 1000 > vol.radius:
            return True
    if mo.gender is not m.GenderPreference.ANY and vol.gender != mo.gender.value:
        return True
    needs_language = mo.interpreter_needed and rules.language_required_for_interpreter
    return needs_language and not (mo.languages & vol.languages)


@SETTINGS
@given(vols=st.lists(volunteers(), min_size=1, max_size=25), mo=mothers(), rules=RULES)
def test_candidates_pass_every_hard_check_and_the_excluded_say_why(vols, mo, rules):
    e = evaluate(pool_of(vols), mo, rules, labels(), today=TODAY)
    found = build(e)
    assert len(found.candidates) + len(found.excluded) == len(vols)
    for candidate in found.candidates:
        assert not _fails_a_hard_check(vols[candidate.volunteer_id - 1], mo, rules)
    for excluded in found.excluded:
        assert _fails_a_hard_check(vols[excluded.volunteer_id - 1], mo, rules)
        assert excluded.reasons and len(excluded.reasons) == len(excluded.kinds)
        assert all(reason.strip() for reason in excluded.reasons)


@SETTINGS
@given(vols=st.lists(volunteers(), min_size=1, max_size=25), mo=mothers())
def test_contributions_add_up_to_the_score_and_the_best_come_first(vols, mo):
    found = build(evaluate(pool_of(vols), mo, default_rules(), labels(), today=TODAY))
    for candidate in found.candidates:
        assert round(sum(c.points for c in candidate.contributions) * 10) == round(
            candidate.score * 10
        )
        assert [c.criterion for c in candidate.contributions] == list(Criterion)
        assert all(c.why for c in candidate.contributions)
    scores = [c.score for c in found.candidates]
    assert scores == sorted(scores, reverse=True)


def _points(found, criterion):
    return {
        c.volunteer_id: next(p.points for p in c.contributions if p.criterion is criterion)
        for c in found.candidates
    }


@SETTINGS
@given(
    vols=st.lists(volunteers(), min_size=2, max_size=25),
    mo=mothers(),
    criterion=st.sampled_from([c for c in Criterion if criterion_has_direction(c)]),
)
def test_flipping_a_direction_reverses_the_order_on_that_criterion_alone(vols, mo, criterion):
    same = default_rules().with_weights(**{criterion.value: Direction.SAME})
    different = same.with_weights(**{criterion.value: Direction.DIFFERENT})
    pool = pool_of(vols)
    a = evaluate(pool, mo, same, labels(), today=TODAY)
    b = evaluate(pool, mo, different, labels(), today=TODAY)
    known = a.known[criterion] & a.eligible
    ours_a, ours_b = a.tenths[criterion][known], b.tenths[criterion][known]
    for i in range(len(ours_a)):
        for j in range(len(ours_a)):
            if ours_a[i] > ours_a[j]:
                assert ours_b[i] < ours_b[j]
    # Where a side did not record what the criterion needs, neither direction gives points.
    unknown = ~a.known[criterion]
    assert not a.tenths[criterion][unknown].any() and not b.tenths[criterion][unknown].any()
    for other in Criterion:
        if other is not criterion:
            assert (a.tenths[other] == b.tenths[other]).all()


@SETTINGS
@given(vols=st.lists(volunteers(), min_size=1, max_size=25), mo=mothers())
def test_words_cite_only_what_really_matched(vols, mo):
    names = labels().languages
    found = build(evaluate(pool_of(vols), mo, default_rules(), labels(), today=TODAY))
    for candidate in found.candidates:
        vol = vols[candidate.volunteer_id - 1]
        why = {c.criterion: c.why for c in candidate.contributions}
        if why[Criterion.LANGUAGE].startswith("Both speak "):
            said = why[Criterion.LANGUAGE].removeprefix("Both speak ")
            said, _, more = said.partition(" and ")  # "A, B, C and 2 more" past three
            spoken = said.split(", ")
            assert all(any(names[i] == s for i in mo.languages & vol.languages) for s in spoken)
            shared = len(mo.languages & vol.languages)
            assert len(spoken) + (int(more.split()[0]) if more else 0) == shared
        if mo.point is None or vol.postcode not in PLACES:
            assert why[Criterion.DISTANCE].startswith("Distance could not be checked")
            assert candidate.distance_km is None


def test_ties_are_broken_by_distance_then_current_matches_then_reference():
    twins = [
        dict(postcode="LS7 1AA", current=1),
        dict(postcode="LS1 1AA", current=1),
        dict(postcode="LS7 1AA", current=0),
        dict(postcode="LS7 1AA", current=0),
    ]
    from tests.unit.matching_world import Vol

    rules = MatchingRules(criteria={c: default_rules().criteria[c].__class__(0) for c in Criterion})
    found = build(
        evaluate(pool_of([Vol(**t) for t in twins]), _mother(), rules, labels(), today=TODAY)
    )
    assert {c.score for c in found.candidates} == {0.0}
    assert [c.reference for c in found.candidates] == ["V0002", "V0003", "V0004", "V0001"]
    assert "distance" in found.tie_rule and "reference" in found.tie_rule


def _mother(**changes):
    from tests.unit.matching_world import mother

    return mother(**changes)


def test_unknown_postcode_is_said_and_never_excludes():
    from tests.unit.matching_world import Vol

    vols = [Vol(radius=1.0)]
    found = build(
        evaluate(pool_of(vols), _mother(postcode=None), default_rules(), labels(), today=TODAY)
    )
    (only,) = found.candidates
    distance = only.contributions[0]
    assert distance.points == 0 and "could not be checked" in distance.why
    assert "her postcode is not recorded" in distance.why


def test_distance_words_give_the_districts_and_her_radius():
    from tests.unit.matching_world import Vol

    found = build(evaluate(pool_of([Vol()]), _mother(), default_rules(), labels(), today=TODAY))
    why = found.candidates[0].contributions[0].why
    assert why == "2.9 km apart (LS6 → LS7), within the 10 km she will travel"
    far = build(
        evaluate(pool_of([Vol(radius=2.0)]), _mother(), default_rules(), labels(), today=TODAY)
    )
    assert far.excluded[0].reasons == ("2.9 km away (LS6 → LS7), beyond the 2 km she will travel",)


def test_a_volunteer_failing_several_checks_lists_them_all():
    from tests.unit.matching_world import Vol

    vol = Vol(status="paused", has_dbs=False, current=2, capacity=2, gender="male")
    mo = _mother(gender=m.GenderPreference.FEMALE, exclusions="Not Vol1 Person please")
    (out,) = build(evaluate(pool_of([vol]), mo, default_rules(), labels(), today=TODAY)).excluded
    assert out.kinds == ("not_active", "dbs", "capacity", "gender", "excluded_by_her")
    assert out.reasons[0] == "Not active (status: Paused)"
    assert out.reasons[1] == "No DBS check recorded"
    assert out.reasons[3] == "She asked for a female volunteer; Vol1 is male"
    assert out.reasons[4] == "Named in her exclusions (her name)"


def test_exclusions_match_whole_names_references_and_districts_only():
    from tests.unit.matching_world import Vol

    vols = [
        Vol(name="Ann Lee"),
        Vol(name="Joanne Leeds"),
        Vol(name="Sam Hill", postcode="LS1 1AA", radius=None),
    ]
    mo = _mother(exclusions="Not Ann Lee, nor V0003.")
    found = build(evaluate(pool_of(vols), mo, default_rules(), labels(), today=TODAY))
    assert {x.volunteer_id: x.reasons for x in found.excluded} == {
        1: ("Named in her exclusions (her name)",),
        3: ("Named in her exclusions (her reference)",),
    }
    by_district = _mother(exclusions="Not a volunteer living in LS1 (knows her family).")
    found = build(evaluate(pool_of(vols), by_district, default_rules(), labels(), today=TODAY))
    assert [(x.volunteer_id, x.reasons) for x in found.excluded] == [
        (3, ("Named in her exclusions (lives in LS1)",))
    ]


def test_missing_data_scores_nothing_either_way():
    from tests.unit.matching_world import Vol

    vol = Vol(slots=0, born=None, experiences=frozenset())
    mo = _mother(wanted=frozenset({2}), birth_day=date(1990, 1, 1))
    for direction in Direction:
        rules = default_rules().with_weights(age=direction, lived_experience=direction)
        found = build(evaluate(pool_of([vol]), mo, rules, labels(), today=TODAY))
        why = {c.criterion: (c.points, c.why) for c in found.candidates[0].contributions}
        assert why[Criterion.AVAILABILITY] == (0.0, "No availability recorded for Vol1")
        assert why[Criterion.AGE] == (0.0, "Vol1's date of birth is not recorded")
        assert why[Criterion.LIVED_EXPERIENCE] == (0.0, "No lived experience recorded for Vol1")


@SETTINGS
@given(vols=st.lists(volunteers(), min_size=1, max_size=12), mo=mothers(), pick=st.data())
def test_a_volunteer_on_her_own_is_checked_and_scored_as_in_the_whole_pool(vols, mo, pick):
    """What the batch relies on to write the words of the pairs it chose."""
    pool = pool_of(vols)
    whole = evaluate(pool, mo, default_rules(), labels(), today=TODAY)
    i = pick.draw(st.integers(0, len(vols) - 1))
    alone = evaluate(pool.take([i]), mo, default_rules(), labels(), today=TODAY)
    assert alone.total_tenths[0] == whole.total_tenths[i]
    assert alone.eligible[0] == whole.eligible[i]
    from coordinator.services.matching.words import contributions, reasons

    assert contributions(alone, 0) == contributions(whole, i)
    assert reasons(alone, 0) == reasons(whole, i)
