"""The volunteers a ranking reads are read in the background a few seconds after unlocking
and again after each change, so the matching wizard opens at once."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QWidget

from coordinator.services.changes import Kind
from coordinator.services.matching import pool, suggest
from coordinator.services.matching.freshness import pool_version
from coordinator.services.records.volunteers import load_volunteer, save_volunteer
from coordinator.ui.kit.operations import operations
from coordinator.ui.shell import ranking_warmer
from coordinator.ui.shell.ranking_warmer import RankingWarmer
from tests.ui.matching_data import TODAY, add_people


@pytest.fixture
def warm(qtbot, vault, monkeypatch):
    """A warmer owned, as in the window, by something that lives as long as the test; its
    first read comes at once rather than seconds after unlocking."""
    monkeypatch.setattr(ranking_warmer, "FIRST_READ_MS", 0)
    pool._KEPT.pop(vault.engine, None)
    owner = QWidget()
    qtbot.addWidget(owner)
    made = RankingWarmer(vault, owner, today=lambda: TODAY)
    made.timer.setInterval(10)
    yield made
    del owner


def kept_is_fresh(vault) -> bool:
    kept = pool._KEPT.get(vault.engine)
    return kept is not None and kept[0] == pool_version(vault.engine)


def test_the_volunteers_are_read_soon_after_unlocking_and_again_after_a_change(qtbot, vault):
    people = add_people(vault)
    pool._KEPT.pop(vault.engine, None)
    owner = QWidget()
    qtbot.addWidget(owner)
    warm = RankingWarmer(vault, owner, today=lambda: TODAY)
    warm.timer.setInterval(10)
    assert warm.first_read.isActive() and warm.first_read.remainingTime() > 1000
    assert not kept_is_fresh(vault)  # not while the window is being shown
    with qtbot.waitSignal(warm.task.finished, timeout=5000):
        warm.first_read.start(0)  # the few seconds gone by
    assert kept_is_fresh(vault)  # the first wizard of the day opens on them at once

    form = load_volunteer(vault, people["Cat"])
    form.max_matches = 5
    save_volunteer(vault, form, TODAY)
    assert not kept_is_fresh(vault)
    with qtbot.waitSignal(warm.task.finished, timeout=5000):
        operations().notify({Kind.VOLUNTEER})  # as the volunteer's form says
    assert kept_is_fresh(vault)
    kept = pool._KEPT[vault.engine][2]
    assert kept.capacity[kept.index_of[people["Cat"]]] == 5


def test_a_change_before_any_ranking_reads_nothing_more(qtbot, vault, warm, monkeypatch):
    people = add_people(vault)
    with qtbot.waitSignal(warm.task.finished, timeout=5000):
        pass  # the first read
    suggest(vault, people["Mia"], today=TODAY)
    pool._KEPT.pop(vault.engine, None)  # as if nothing had been kept
    read = []
    monkeypatch.setattr(pool, "load_pool", lambda *a: read.append(a))
    assert "coordinator.services.matching" in sys.modules
    with qtbot.waitSignal(warm.task.finished, timeout=5000):
        operations().notify({Kind.VOLUNTEER})
    assert read == [] and vault.engine not in pool._KEPT
