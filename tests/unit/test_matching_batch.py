"""Batch matching: the assignment equals a brute-force optimum on small instances, never
exceeds a volunteer's free places, never pairs a mother with a volunteer who fails a check."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from coordinator.services.matching.batch import best_assignment


@st.composite
def instances(draw):
    rows = draw(st.integers(1, 4))
    cols = draw(st.integers(1, 3))
    tenths = np.array(
        draw(st.lists(st.integers(0, 300), min_size=rows * cols, max_size=rows * cols)),
        np.int64,
    ).reshape(rows, cols)
    eligible = np.array(
        draw(st.lists(st.booleans(), min_size=rows * cols, max_size=rows * cols)), bool
    ).reshape(rows, cols)
    remaining = np.array(draw(st.lists(st.integers(0, 2), min_size=cols, max_size=cols)))
    return tenths, eligible, remaining


def brute_force(tenths, eligible, remaining) -> tuple[int, int]:
    """(matches, total) of the best plan, trying every way of giving each mother one
    volunteer or none."""
    rows, cols = tenths.shape
    best = (0, 0)
    for choice in itertools.product([None, *range(cols)], repeat=rows):
        used = np.zeros(cols, int)
        total, ok = 0, True
        for r, c in enumerate(choice):
            if c is None:
                continue
            if not eligible[r, c]:
                ok = False
                break
            used[c] += 1
            total += int(tenths[r, c])
        if ok and (used <= remaining).all():
            best = max(best, (sum(c is not None for c in choice), total))
    return best


@settings(max_examples=200, deadline=None)
@given(instances())
def test_batch_equals_the_brute_force_optimum_and_keeps_within_capacity(instance):
    tenths, eligible, remaining = instance
    plan = best_assignment(tenths, eligible, remaining)
    assert all(eligible[r, c] for r, c in plan.items())
    used = np.bincount(list(plan.values()), minlength=tenths.shape[1])
    assert (used <= remaining).all()
    found = (len(plan), sum(int(tenths[r, c]) for r, c in plan.items()))
    assert found == brute_force(tenths, eligible, remaining)


def test_more_matches_beat_a_higher_total():
    # One volunteer could take Ann (score 30) or Bea (20); a second takes only Ann (1).
    tenths = np.array([[300, 10], [200, 0]])
    eligible = np.array([[True, True], [True, False]])
    plan = best_assignment(tenths, eligible, np.array([1, 1]))
    assert plan == {0: 1, 1: 0}


def test_nothing_to_assign():
    assert best_assignment(np.zeros((0, 3), np.int64), np.zeros((0, 3), bool), np.ones(3)) == {}
    assert best_assignment(np.zeros((2, 1), np.int64), np.zeros((2, 1), bool), np.ones(1)) == {}


def test_a_waiting_list_longer_than_the_free_places_is_planned_saved_and_kept_in_capacity(vault):
    from datetime import date

    from coordinator import models as m
    from coordinator.services import matching as M
    from tests.unit.matching_db import TODAY, world

    ids = world(vault)
    with vault.transaction() as s:
        for n in range(4):
            s.add(
                m.Mother(
                    full_name=f"Wait {n}",
                    referral_received_on=date(2026, 10, 2 + n),
                    stage=m.MotherStage.WAITING,
                    project_id=ids["project"],
                    postcode="LS6 2AB",
                )
            )
    ticks = []
    plan = M.plan_waiting_list(
        vault, project_id=ids["project"], today=TODAY, progress=lambda d, t: ticks.append((d, t))
    )
    assert ticks[-1] == (6, 6)
    # Beata and Carol have two free places each: four of the five are matched.
    assert len(plan.proposals) == 4 and len(plan.unmatched) == 1
    assert sorted(p.volunteer_ref for p in plan.proposals) == ["V0001", "V0001", "V0002", "V0002"]
    assert plan.unmatched[0][3] == (M.batch.LOST_OUT,)
    assert plan.total_score == round(sum(p.score for p in plan.proposals), 1)
    for p in plan.proposals:
        assert round(sum(c.points for c in p.contributions), 1) == p.score

    chosen = [p.mother_id for p in plan.proposals][:3]
    saved = M.save_plan(vault, plan, chosen, today=TODAY, decided_by="Jo")
    assert len(saved) == 3
    for match_id in saved:
        detail = M.match_detail(vault, match_id)
        shown = next(p for p in plan.proposals if p.mother_ref == detail.row.mother_ref)
        assert detail.scores == shown.contributions and detail.row.status == "proposed"
    # Saving the whole plan again breaks the checks (already proposed, over their places):
    # the transaction saves nothing.
    import pytest

    with pytest.raises(M.HardCheckFailed, match="Already matched with her"):
        M.save_plan(
            vault, plan, [p.mother_id for p in plan.proposals], today=TODAY, decided_by="Jo"
        )
    assert M.count_matches(vault, M.MatchFilter(status="proposed")) == 3


def test_the_plan_can_be_cancelled(vault):
    import pytest

    from coordinator.services import matching as M
    from coordinator.services.changes import Cancelled
    from tests.unit.matching_db import TODAY, world

    world(vault)
    with pytest.raises(Cancelled):
        M.plan_waiting_list(vault, project_id=None, today=TODAY, cancelled=lambda: True)
