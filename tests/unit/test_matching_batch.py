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
