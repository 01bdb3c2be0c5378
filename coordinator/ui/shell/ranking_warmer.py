"""Keeps the matching wizard quick to open after a change: once records change (a volunteer
saved, a match accepted), the volunteers a ranking reads are read again in the background a
moment later, so the next wizard opens on them at once instead of reading 5,000 volunteers
while she waits. Nothing is read until a first ranking has been made."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer

from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import Task, operations

#: How long after the last change to wait: a burst of saves (an import, a batch) is one read.
SETTLE_MS = 1500


class RankingWarmer(QObject):
    def __init__(
        self, vault: Vault, parent: QObject, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._today = today
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self.warm)
        self.task = Task(self, holds=False)  # a lock drops it: nothing of hers is waiting
        operations().changed.connect(self._changed)

    def _changed(self, _kinds: object) -> None:
        self.timer.start()  # which changes matter is for the service to know

    def warm(self) -> None:
        if self.task.running:
            self.timer.start()
            return
        matching = sys.modules.get("coordinator.services.matching")
        if matching is None:  # never loaded, so no ranking made: nothing to keep fresh
            return
        vault, today = self._vault, self._today()
        self.task.start(
            lambda _progress: matching.prepare_ranking(vault, today, only_if_kept=True),
            "warm ranking",
        )
