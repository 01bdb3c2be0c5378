"""Keeps the matching wizard quick to open after a change: once records change (a volunteer
saved, a match accepted), the volunteers a ranking reads are read again in the background a
moment later, so the next wizard opens on them at once instead of reading 5,000 volunteers
while she waits. The first read is made a few seconds after unlocking, once the window has
settled, so even the first wizard of the day opens at once."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer

from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import Task, operations

#: How long after the last change to wait: a burst of saves (an import, a batch) is one read.
SETTLE_MS = 1500
#: How long after unlocking to make the first read: Today has loaded by then.
FIRST_READ_MS = 5000


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
        self._first = True
        operations().changed.connect(self._changed)
        self.first_read = QTimer(self)
        self.first_read.setSingleShot(True)
        self.first_read.timeout.connect(self.warm)
        self.first_read.start(FIRST_READ_MS)

    def _changed(self, _kinds: object) -> None:
        self.timer.start()  # which changes matter is for the service to know

    def warm(self) -> None:
        if self.task.running:
            self.timer.start()
            return
        first, self._first = self._first, False
        vault, today = self._vault, self._today()
        if first:  # the matching code is loaded off the GUI thread with the volunteers

            def work(_progress: object) -> None:
                from coordinator.services.matching import prepare_ranking

                prepare_ranking(vault, today)

        else:
            matching = sys.modules.get("coordinator.services.matching")
            if matching is None:  # never loaded, so never ranked: nothing to keep fresh
                return

            def work(_progress: object) -> None:
                matching.prepare_ranking(vault, today, only_if_kept=True)

        self.task.start(work, "warm ranking")
