"""The matching wizard on 50,000 mothers and 5,000 volunteers: from opening it to its ranked
list painted, for waiting mothers of the demo.

On the demo itself no waiting mother has a single candidate (every volunteer who passes the
checks is full), so the wizard would only show its empty state: the benchmark uses the copy
with free places (free_places.py), where she has from a handful to several hundred.

The run happens as in the app: off the GUI thread, the dialog shown at once, the list
painted when the ranking arrives. Two cases:
- opened after another save (here a mother's record written, as after logging a contact or
  editing a referral): the volunteers read for the last ranking are still current, so
  nothing about them is read again. Target (issue 10): 150 ms median.
- opened after something about volunteers or matches changed: every volunteer is read
  again first. Reported beside the raw SQL fetch of the same columns, measured in the same
  run (the floor), with their ratio.
Baseline for both, in the same run: suggest() alone for the same mother (the engine's part).
"""

from __future__ import annotations

import statistics
import time
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from coordinator.services.listing import WAITING_STAGES, MotherFilter, mother_ids
from coordinator.services.matching import pool, suggest
from coordinator.storage.vault import open_vault
from coordinator.ui.kit.operations import ThreadRunner, use_runner
from coordinator.ui.wizards.matching import MatchingWizard
from tests.bench.conftest import median_seconds
from tests.bench.free_places import demo_with_free_places
from tests.conftest import PASSPHRASE

TARGET_MS = 150.0
MOTHERS = 9
ROUNDS = 3


@pytest.fixture(scope="module")
def vault():
    with open_vault(demo_with_free_places(), PASSPHRASE, lock=False, check_pages=False) as opened:
        yield opened


def _waiting_with_candidates(vault, today) -> list[tuple[int, int]]:
    """(mother, candidates) for mothers spread along the waiting list who have some."""
    waiting = mother_ids(vault, MotherFilter(stages=WAITING_STAGES), "waiting", True)
    found = []
    for mother_id in waiting[:: max(1, len(waiting) // 200)]:
        count = len(suggest(vault, mother_id, today=today).candidates)
        if count:
            found.append((mother_id, count))
    step = max(1, len(found) // MOTHERS)
    return found[::step][:MOTHERS]


def _open_and_paint(vault, mother_id, today) -> float:
    started = time.perf_counter()
    wizard = MatchingWizard(vault, mother_id, today=today)
    wizard.resize(1240, 680)
    wizard.show()
    while wizard.suggestion is None:
        QApplication.processEvents()
    wizard.table.viewport().repaint()
    took = time.perf_counter() - started
    assert wizard.model.rowCount() > 0 and wizard.table.isVisible()
    wizard.done(0)
    wizard.deleteLater()
    QApplication.processEvents()
    return took


def _another_save(vault, mother_id) -> None:
    with vault.transaction() as session:
        session.connection().exec_driver_sql(
            "UPDATE mother SET updated_at = updated_at WHERE id = ?", (mother_id,)
        )


def test_the_ranked_list_is_shown_within_150_ms(benchmark, qapp, vault):
    use_runner(ThreadRunner())
    today = date.today()
    chosen = _waiting_with_candidates(vault, today)
    assert len(chosen) >= 5, chosen
    with vault.session() as session:
        sql, _ = median_seconds(lambda: pool.fetch_volunteer_rows(session, today), 9)
    engine, after_save, cold = [], [], []
    for mother_id, _count in chosen:
        engine.append(median_seconds(lambda m=mother_id: suggest(vault, m, today=today), 3)[0])
        for _ in range(ROUNDS):
            _another_save(vault, mother_id)
            after_save.append(_open_and_paint(vault, mother_id, today))
            pool._KEPT.clear()  # as after a volunteer or a match was saved
            cold.append(_open_and_paint(vault, mother_id, today))
    shown_ms = statistics.median(after_save) * 1000
    cold_ms = statistics.median(cold) * 1000
    engine_ms = statistics.median(engine) * 1000
    sql_ms = sql * 1000
    benchmark.extra_info.update(
        shown_ms=round(shown_ms, 1),
        shown_after_volunteers_changed_ms=round(cold_ms, 1),
        suggest_ms=round(engine_ms, 1),
        volunteer_sql_ms=round(sql_ms, 1),
        candidates=[count for _m, count in chosen],
    )
    print(
        f"\nwizard shown: {shown_ms:.1f} ms median after another save (suggest() alone "
        f"{engine_ms:.1f} ms, {shown_ms / max(engine_ms, 0.001):.1f}x); after a volunteer "
        f"changed {cold_ms:.1f} ms (raw volunteer SQL {sql_ms:.1f} ms, "
        f"{cold_ms / sql_ms:.1f}x); candidates {[count for _m, count in chosen]}"
    )
    benchmark.pedantic(lambda: None, rounds=1)
    assert shown_ms <= TARGET_MS
