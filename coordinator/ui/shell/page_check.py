"""The whole-file page check, run in the background straight after unlocking.

Reading and authenticating every page takes about 0.3 s per 100 MB, so it does not hold up
the window. The result comes back by signal; a damaged file is then locked at once.
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QObject, Signal

from coordinator.storage.vault import Vault


class PageCheck(QObject):
    #: (vault that was checked, list of problems; empty when every page is sound)
    finished = Signal(object, list)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, vault: Vault) -> None:
        self._thread = threading.Thread(
            target=self._run, args=(vault,), name="page-check", daemon=True
        )
        self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self, vault: Vault) -> None:
        try:
            problems = vault.find_damaged_pages()
        except Exception as err:  # an unreadable page can also surface as an error
            problems = [type(err).__name__]
        with contextlib.suppress(RuntimeError):  # the window went away meanwhile
            self.finished.emit(vault, problems)
