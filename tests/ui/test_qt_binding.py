"""The Qt binding itself: a guard against a PySide6 release that breaks long sessions."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_signals_does_not_leak_references(qapp):
    """PySide6 6.12.0 on Python 3.11 dropped a reference to True on every emit and aborted
    the app after about ten thousand signals; pyproject keeps that release out."""
    emitter = _Emitter()
    seen = []
    emitter.fired.connect(seen.append)
    before = sys.getrefcount(True)
    for n in range(5000):
        emitter.fired.emit(n)
    assert len(seen) == 5000
    assert abs(sys.getrefcount(True) - before) < 50
