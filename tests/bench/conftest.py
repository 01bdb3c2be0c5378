"""Benchmark fixtures: large demo databases, built once and kept between runs.

`make bench` only. Each benchmark measures its own baseline in the same run and reports
the ratio; the figures are printed and stored in pytest-benchmark's extra_info.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from tests.conftest import PASSPHRASE

CACHE = Path(__file__).resolve().parents[2] / ".benchmarks" / "data"


def demo_database(mothers: int, volunteers: int, seed: int = 1) -> Path:
    """A demo database of the given size at the current schema, made on first use."""
    from coordinator.services.demo import fill_demo
    from coordinator.services.setup import create_database
    from coordinator.storage import migrate

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{mothers}-{volunteers}-s{seed}-{migrate.head_revision()}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        started = time.perf_counter()
        with create_database(partial, PASSPHRASE) as vault:
            fill_demo(vault, mothers=mothers, volunteers=volunteers, seed=seed)
            with vault.engine.connect() as con:
                con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        os.replace(partial, path)
        print(f"\nbuilt {path.name} in {time.perf_counter() - started:.1f} s")
    return path


def median_seconds(
    fn: Callable[[], object], rounds: int, setup: Callable[[], object] | None = None
):
    times = []
    for _ in range(rounds):
        if setup is not None:
            setup()
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times
