"""After a change, the volunteers a ranking reads are read again in the background, so the
matching wizard opens at once; nothing is read before a first ranking."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QWidget

from coordinator.services.changes import Kind
from coordinator.services.matching import pool, suggest
from coordinator.services.matching.freshness import pool_version
from coordinator.services.records.volunteers import load_volunteer, save_volunteer
from coordinator.ui.kit.operations import operations
from coordinator.ui.shell.ranking_warmer import RankingWarmer
from tests.ui.matching_data import TODAY, add_people


@pytest.fixture
def warm(qtbot, vault):
    """A warmer owned, as in the window, by something that lives as long as the test."""
    owner = QWidget()
    qtbot.addWidget(owner)
    made = RankingWarmer(vault, owner, today=lambda: TODAY)
    made.timer.setInterval(10)
    yield made
    del owner


def kept_is_fresh(vault) -> bool:
    kept = pool._KEPT.get(vault.engine)
    return kept is not None and kept[0] == pool_version(vault.engine)


def test_a_volunteer_saved_is_read_again_before_the_wizard_opens(qtbot, vault, warm):
    people = add_people(vault)
    suggest(vault, people["Mia"], today=TODAY)  # she has ranked once: volunteers kept
    form = load_volunteer(vault, people["Cat"])
    form.max_matches = 5
    save_volunteer(vault, form, TODAY)
    assert not kept_is_fresh(vault)
    with qtbot.waitSignal(warm.task.finished, timeout=5000):
        operations().notify({Kind.VOLUNTEER})  # as the volunteer's form says
    assert kept_is_fresh(vault)
    kept = pool._KEPT[vault.engine][2]
    assert kept.capacity[kept.index_of[people["Cat"]]] == 5


def test_before_any_ranking_nothing_is_read(qtbot, vault, warm, monkeypatch):
    add_people(vault)
    pool._KEPT.pop(vault.engine, None)
    read = []
    monkeypatch.setattr(pool, "load_pool", lambda *a: read.append(a))
    assert "coordinator.services.matching" in sys.modules
    with qtbot.waitSignal(warm.task.finished, timeout=5000):
        operations().notify({Kind.VOLUNTEER})
    assert read == [] and vault.engine not in pool._KEPT
