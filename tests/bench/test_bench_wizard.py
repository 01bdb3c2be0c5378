"""The matching wizard on 50,000 mothers and 5,000 volunteers: from opening it to the
ranked list painted, for waiting mothers of the demo.

Baseline in the same run: `suggest()` alone for the same mother (the engine's part). The
wizard adds the dialog, the summary, the models and the first screenful of rows (made as
they are read). Target: 150 ms median, as the issue asks.
"""

from __future__ import annotations

import time
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from coordinator.services.listing import WAITING_STAGES, MotherFilter, mother_ids
from coordinator.services.matching import suggest
from coordinator.storage.vault import open_vault
from coordinator.ui.kit.operations import SyncRunner, use_runner
from coordinator.ui.wizards.matching import MatchingWizard
from tests.bench.conftest import demo_database, median_seconds
from tests.conftest import PASSPHRASE

TARGET_MS = 150.0
MOTHERS = 9


@pytest.fixture(scope="module")
def vault():
    path = demo_database(50_000, 5_000)
    with open_vault(path, PASSPHRASE, lock=False, check_pages=False) as opened:
        yield opened


def test_the_ranked_list_is_shown_within_150_ms(benchmark, qapp, vault):
    use_runner(SyncRunner())
    today = date.today()
    waiting = mother_ids(vault, MotherFilter(stages=WAITING_STAGES), "waiting", True)
    chosen = waiting[:: max(1, len(waiting) // MOTHERS)][:MOTHERS]
    suggest(vault, chosen[0], today=today)  # the engine's volunteers read once, as in use
    engine_times = []
    wizard_times = []
    for mother_id in chosen:
        engine, _ = median_seconds(lambda m=mother_id: suggest(vault, m, today=today), 3)
        engine_times.append(engine)
        started = time.perf_counter()
        wizard = MatchingWizard(vault, mother_id, today=today)
        wizard.resize(1240, 680)
        wizard.show()
        while wizard.suggestion is None:
            QApplication.processEvents()
        wizard.table.viewport().repaint()
        wizard_times.append(time.perf_counter() - started)
        wizard.done(0)
        wizard.deleteLater()
        QApplication.processEvents()
    wizard_ms = sorted(wizard_times)[len(wizard_times) // 2] * 1000
    engine_ms = sorted(engine_times)[len(engine_times) // 2] * 1000
    benchmark.extra_info.update(wizard_ms=wizard_ms, suggest_ms=engine_ms)
    print(
        f"\nwizard shown: {wizard_ms:.1f} ms median; suggest() alone: {engine_ms:.1f} ms "
        f"({wizard_ms / max(engine_ms, 0.001):.1f}x)"
    )
    benchmark.pedantic(lambda: None, rounds=1)
    assert wizard_ms <= TARGET_MS
