"""Matching on the 50,000-mother / 5,000-volunteer demo.

- suggest(): one waiting mother against every volunteer. Baseline, measured in the same run
  on the same database: the raw SQL fetch of the volunteer columns ranking reads
  (matching.pool.VOLUNTEERS_SQL, fetched, nothing else). Measured warm (the volunteers
  kept from the ranking before, as when the coordinator goes from one mother to the next or
  re-runs with other weights) and cold (read again, as after any change is saved). Targets
  (issue 10): 50 ms median (warm), and within 5x the baseline (cold). Also printed: the
  time to write the words for every candidate and exclusion (the CLI's full listing).
  On the demo no waiting mother has a candidate (every volunteer who passes the checks is
  full), so the same is measured on the copy with free places (free_places.py) for mothers
  with at least 20 candidates, the first 20 explained.
- plan_waiting_list(): 500 waiting mothers against the 5,000 volunteers (capacities 1-3),
  from reading the database to the explained proposals, beside the assignment solver alone
  on the same score matrix. On the demo every active volunteer's places are already taken
  (it has a long waiting list), so it is also run with every place free: the largest
  problem the solver can get from this data. Target: 3 s.
- The Matches page (14,534 matches): made, shown and its first screenful painted, beside
  the raw SQL reading every match's own list columns in the same run; and the list's id
  query plus a screenful of rows for every column's sort, both ways. Target: 300 ms.
"""

from __future__ import annotations

import statistics
from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from coordinator.services import matching
from coordinator.services.matching import batch, pool
from coordinator.services.matching.engine import evaluate
from coordinator.services.matching.facts import Labels, load_mothers
from coordinator.services.matching.project_rules import rules_in
from coordinator.storage.vault import open_vault
from tests.bench.conftest import demo_database, median_seconds
from tests.bench.free_places import demo_with_free_places
from tests.conftest import PASSPHRASE

TODAY = date.today()  # the demo is made relative to the day it was built
ROUNDS = 21
SUGGEST_MS, SUGGEST_RATIO = 50.0, 5.0
BATCH_MOTHERS, BATCH_S = 500, 3.0


@pytest.fixture(scope="module")
def vault():
    path = demo_database(50_000, 5_000)
    with open_vault(path, PASSPHRASE, lock=False, check_pages=False) as opened:
        yield opened


@pytest.fixture(scope="module")
def waiting(vault) -> list[int]:
    with vault.session() as session:
        ids = batch.waiting_mothers(session, None)
    assert len(ids) >= BATCH_MOTHERS, f"the demo has only {len(ids)} waiting mothers"
    return ids


def test_suggest_for_one_mother_over_5000_volunteers(benchmark, vault, waiting):
    with vault.session() as session:
        assert len(pool.fetch_volunteer_rows(session, TODAY)) == 5_000
        baseline, _ = median_seconds(lambda: pool.fetch_volunteer_rows(session, TODAY), ROUNDS)
        mothers = iter(waiting * 3)
        matching.suggest(session, waiting[0], today=TODAY)  # postcode files read once a run

        def one():
            return matching.suggest(session, next(mothers), today=TODAY)

        warm, _ = median_seconds(one, ROUNDS)
        cold, _ = median_seconds(one, ROUNDS, setup=pool._KEPT.clear)
        found = one()
        every_word, _ = median_seconds(lambda: (list(one().candidates), list(one().excluded)), 5)
    ratio = cold / baseline
    benchmark.extra_info.update(
        warm_ms=round(warm * 1000, 2),
        cold_ms=round(cold * 1000, 2),
        baseline_ms=round(baseline * 1000, 2),
        cold_ratio=round(ratio, 2),
        every_word_ms=round(every_word * 1000, 2),
        candidates=len(found.candidates),
        excluded=len(found.excluded),
    )
    print(
        f"\nsuggest: warm {warm * 1000:.1f} ms, cold {cold * 1000:.1f} ms median; raw volunteer "
        f"fetch {baseline * 1000:.1f} ms (cold ratio {ratio:.2f}); every word written "
        f"{every_word * 1000:.1f} ms ({len(found.candidates)} candidates, "
        f"{len(found.excluded)} excluded)"
    )
    benchmark.pedantic(lambda: None, rounds=1)
    assert warm * 1000 <= SUGGEST_MS
    assert ratio <= SUGGEST_RATIO


SHOWN = 20  # candidates whose words a first screen of the wizard (or `--top 20`) shows


def test_suggest_for_mothers_with_candidates_explanations_included(benchmark):
    """On the copy with free places: suggest() and the words of the first SHOWN candidates
    (each contribution's points and why), warm, beside the same raw volunteer fetch; and
    every candidate's and every exclusion's words, as the full CLI listing writes them."""
    with (
        open_vault(demo_with_free_places(), PASSPHRASE, lock=False, check_pages=False) as vault,
        vault.session() as session,
    ):
        baseline, _ = median_seconds(lambda: pool.fetch_volunteer_rows(session, TODAY), ROUNDS)
        waiting = batch.waiting_mothers(session, None)[::100]
        ranked = [(m, len(matching.suggest(session, m, today=TODAY).candidates)) for m in waiting]
        mothers = [m for m, count in ranked if count >= SHOWN][:15]
        turn = iter(mothers * ROUNDS * 2)

        def shown():
            found = matching.suggest(session, next(turn), today=TODAY)
            return [c.contributions for c in found.candidates[:SHOWN]], found.excluded_counts()

        warm, _ = median_seconds(shown, ROUNDS)

        def every_word():
            found = matching.suggest(session, next(turn), today=TODAY)
            return list(found.candidates), list(found.excluded)

        everything, _ = median_seconds(every_word, 7)
    counts = sorted(count for _m, count in ranked if count >= SHOWN)
    benchmark.extra_info.update(
        shown_ms=round(warm * 1000, 2),
        every_word_ms=round(everything * 1000, 2),
        baseline_ms=round(baseline * 1000, 2),
        median_candidates=counts[len(counts) // 2],
    )
    print(
        f"\nsuggest with {SHOWN} candidates explained: {warm * 1000:.1f} ms median "
        f"(candidates per mother: median {counts[len(counts) // 2]}); every word "
        f"{everything * 1000:.1f} ms; raw volunteer fetch {baseline * 1000:.1f} ms "
        f"({warm / baseline:.2f}x)"
    )
    benchmark.pedantic(lambda: None, rounds=1)
    assert warm * 1000 <= SUGGEST_MS


def _inputs(vault, chosen):
    with vault.session() as session:
        labels = Labels(session)
        facts = load_mothers(session, chosen, labels)
        mothers = [facts[i] for i in chosen]
        rules = {p: rules_in(session, p) for p in {mo.project_id for mo in mothers}}
        volunteers = pool.load_pool(session, TODAY)
    return labels, mothers, rules, volunteers


def _solver_alone(volunteers, mothers, rules, labels) -> tuple[float, int, int]:
    evaluations = [
        evaluate(volunteers, mo, rules[mo.project_id], labels, today=TODAY) for mo in mothers
    ]
    tenths = np.stack([e.total_tenths for e in evaluations])
    eligible = np.stack([e.eligible for e in evaluations])
    remaining = volunteers.capacity - volunteers.current
    took, _ = median_seconds(lambda: batch.best_assignment(tenths, eligible, remaining), 5)
    return took, int(eligible.sum()), int(remaining.clip(0).sum())


@pytest.mark.parametrize("places", ["as in the demo", "every place free"])
def test_batch_of_500_waiting_mothers_over_5000_volunteers(benchmark, vault, waiting, places):
    chosen = waiting[:BATCH_MOTHERS]
    free = places == "every place free"

    def plan():
        labels, mothers, rules, volunteers = _inputs(vault, chosen)
        if free:
            volunteers = replace(volunteers, current=np.zeros_like(volunteers.current), _sets={})
        return batch.plan_for(
            volunteers, mothers, rules, labels, TODAY, None, lambda d, t: None, lambda: False
        )

    plan()  # warm-up: scipy's import and the postcode files
    took, _ = median_seconds(plan, 5)
    result = plan()
    labels, mothers, rules, volunteers = _inputs(vault, chosen)
    if free:
        volunteers = replace(volunteers, current=np.zeros_like(volunteers.current), _sets={})
    solver, pairs, free_places = _solver_alone(volunteers, mothers, rules, labels)
    benchmark.extra_info.update(
        batch_s=round(took, 3),
        solver_ms=round(solver * 1000, 2),
        matched=len(result.proposals),
        unmatched=len(result.unmatched),
        eligible_pairs=pairs,
        free_places=free_places,
    )
    print(
        f"\nbatch of {BATCH_MOTHERS} ({places}): {took:.2f} s median, solver alone "
        f"{solver * 1000:.1f} ms; {len(result.proposals)} matched, {len(result.unmatched)} "
        f"not; {pairs} eligible pairs, {free_places} free places"
    )
    benchmark.pedantic(lambda: None, rounds=1)
    assert took <= BATCH_S


#: The Matches page's part of a 1366x768 window.
PAGE_SIZE = (1366 - 190, 740)
PAGE_MS = 300.0


def _raw_match_list(connection) -> list:
    """Baseline: every match's own list columns in the list's first order, plain SQL."""
    return connection.exec_driver_sql(
        "SELECT id, mother_id, volunteer_id, project_id, status, proposed_on, planned_end_date "
        'FROM "match" ORDER BY proposed_on DESC, id DESC'
    ).fetchall()


def test_the_matches_page_first_screen_and_each_sort(benchmark, qapp, vault):
    from PySide6.QtWidgets import QApplication

    from coordinator.ui.pages.matches import MatchesPage

    with vault.engine.connect() as connection:
        _raw_match_list(connection)
        baseline, _ = median_seconds(lambda: _raw_match_list(connection), ROUNDS)
        matches = len(_raw_match_list(connection))

    def first_screen():
        page = MatchesPage(vault, today=TODAY)
        page.resize(*PAGE_SIZE)
        page.show()
        page.table.viewport().repaint()  # the first screenful: its rows fetched and painted
        QApplication.processEvents()
        assert page.model.rowCount() == matches
        page.close()
        page.deleteLater()
        QApplication.processEvents()

    first_screen()
    shown, _ = median_seconds(first_screen, 7)
    every_match = matching.MatchFilter()
    sorts = {}
    for sort in matching.MATCH_SORTS:
        for descending in (False, True):

            def window(sort=sort, descending=descending):
                ids = matching.match_ids(vault, every_match, sort, descending)
                return matching.match_rows(vault, ids[:40])

            sorts[f"{sort}{' desc' if descending else ''}"] = median_seconds(window, 5)[0] * 1000
    slowest = max(sorts, key=sorts.get)
    benchmark.extra_info.update(
        first_screen_ms=round(shown * 1000, 1),
        raw_sql_ms=round(baseline * 1000, 1),
        ratio=round(shown / baseline, 2),
        sorts_ms={k: round(v, 1) for k, v in sorts.items()},
        matches=matches,
    )
    print(
        f"\nmatches page first screen: {shown * 1000:.1f} ms median ({matches} matches); raw "
        f"SQL of every match {baseline * 1000:.1f} ms ({shown / baseline:.1f}x); ids + 40 rows "
        f"by each sort: median {statistics.median(sorts.values()):.1f} ms, slowest "
        f"{slowest} {sorts[slowest]:.1f} ms"
    )
    benchmark.pedantic(lambda: None, rounds=1)
    assert shown * 1000 <= PAGE_MS
    assert sorts[slowest] <= PAGE_MS
