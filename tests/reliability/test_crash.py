"""Crash safety: a writer killed with SIGKILL at random moments loses no reported commit.

Each run forks a writer (tests/reliability/writer.py) that opens the vault with its lock,
sets the journal mode and commits transactions of five related rows, printing each commit.
After a random number of commits and a random extra delay it is killed. The same database
is carried through all the runs of a journal mode, so every run also recovers the crash
before it. After each kill the database must open with open_vault (the OS released the
lock), pass both integrity checks, hold every reported commit, and no half transaction.
"""

from __future__ import annotations

import ast
import os
import random
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from coordinator.storage import vault as vault_module
from coordinator.storage.vault import open_vault
from tests.conftest import PASSPHRASE
from tests.reliability.helpers import (
    ROOT,
    LineReader,
    assert_whole_transactions,
    batches,
    child_env,
    side_files,
)

RUNS = 20  # per journal mode, shared between two databases crashed side by side


def crash_and_check(server, db: Path, mode: str, runs: int, rng: random.Random) -> list[dict]:
    """`runs` kills of a writer on `db`, each checked; the side files found after each."""
    reported_all: list[int] = []
    leftovers: list[dict[str, int]] = []
    for run in range(runs):
        after = rng.randint(1, 30)
        delay = rng.uniform(0, 0.015)
        reported, code = server.run_and_kill(db, mode, seed=run, after=after, delay=delay)
        assert code == -9, f"run {run}: writer ended with {code}\n{server.stderr()}"
        assert len(reported) >= after
        reported_all += reported
        leftovers.append(side_files(db))

        # The lock was released by the OS; the page check runs in integrity_problems.
        with open_vault(db, PASSPHRASE, check_pages=False) as vault:
            assert vault.integrity_problems() == [], f"run {run}"
            assert_whole_transactions(batches(vault), reported_all)
    return leftovers


@pytest.mark.parametrize("mode", ["DELETE", "WAL"])
def test_killed_writer_loses_no_reported_commit_and_leaves_no_half_transaction(
    mode, db_path, writer_servers
):
    dbs = []
    for lane in range(len(writer_servers)):
        dbs.append(db_path.with_name(f"lane{lane}.db"))
        shutil.copyfile(db_path, dbs[-1])
    runs = -(-RUNS // len(dbs))
    with ThreadPoolExecutor(len(dbs)) as pool:
        lanes = [
            pool.submit(crash_and_check, server, db, mode, runs, random.Random(f"{mode}{lane}"))
            for lane, (server, db) in enumerate(zip(writer_servers, dbs, strict=True))
        ]
        leftovers = [left for lane in lanes for left in lane.result()]
    assert len(leftovers) >= RUNS

    if mode == "WAL":
        # The writer never closed: every run left a -wal holding its commits, recovered above.
        assert all(left.get("-wal", 0) > 0 for left in leftovers), leftovers
    else:
        assert not any("-wal" in left for left in leftovers), leftovers
        # Usually several kills land mid-transaction and leave a hot journal to roll back.
        hot = sum(left.get("-journal", 0) > 0 for left in leftovers)
        print(f"{hot} of {len(leftovers)} kills left a hot journal")
        assert hot, leftovers


def test_wal_left_by_a_killed_app_is_replayed_on_open_and_never_removed(
    db_path, tmp_path, monkeypatch
):
    """The committed records live only in the -wal; open_vault must use it, not drop it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.writer", str(db_path), "WAL", "--seed", "7"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=child_env(),
    )
    assert proc.stdout is not None
    lines = LineReader(proc.stdout.fileno())
    reported: list[int] = []
    try:
        while len(reported) < 10:
            line = lines.next()
            if line.startswith("commit "):
                reported.append(int(line.split()[1]))
    finally:
        proc.kill()
        rest, err = proc.communicate(timeout=10)
    assert proc.returncode == -9, err.decode(errors="replace")
    for line in (lines.buffer + rest).decode().splitlines():
        if line.startswith("commit "):
            reported.append(int(line.split()[1]))
    wal = Path(f"{db_path}-wal")
    assert wal.stat().st_size > 0

    # Without its -wal the main file alone does not hold those commits ...
    alone = tmp_path / "alone" / "coordinator.db"
    alone.parent.mkdir()
    shutil.copyfile(db_path, alone)
    with open_vault(alone, PASSPHRASE) as copy:
        assert batches(copy) == {}

    # ... and opening the real one touches neither file by name: SQLite replays the log.
    touched: list[str] = []

    def spy(name, real):
        def wrapper(*args, **kwargs):
            touched.extend(str(a) for a in args[:2])
            return real(*args, **kwargs)

        monkeypatch.setattr(*name, wrapper)

    for target in [(os, "unlink"), (os, "remove"), (os, "rename"), (os, "replace")]:
        spy(target, getattr(*target))
    for method in ("unlink", "rename", "replace"):
        spy((Path, method), getattr(Path, method))
    spy((shutil, "move"), shutil.move)

    with open_vault(db_path, PASSPHRASE) as vault:
        assert vault.integrity_problems() == []
        assert_whole_transactions(batches(vault), reported)
    monkeypatch.undo()
    assert not [t for t in touched if t.endswith(("-wal", "-journal", "-shm"))], touched


def test_storage_code_removes_or_moves_only_its_own_temporary_files():
    """No code path in vault.py or lockfile.py deletes, moves or truncates another file.

    Every unlink/remove/rename/replace/move in them acts on a temporary file the same call
    made (`tmp`, and the -journal/-wal/-shm `leftover`s of a database still being created),
    so a live database's -wal or -journal is never removed.
    """
    storage = Path(vault_module.__file__).parent
    risky = {"unlink", "remove", "rename", "replace", "move", "rmtree", "truncate", "rmdir"}
    calls = []
    for name in ("vault.py", "lockfile.py"):
        tree = ast.parse((storage / name).read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
                called = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
                if called in risky:
                    names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
                    calls.append((name, node.lineno, called, names))
    assert calls, "the check found nothing to check"
    unsafe = [c for c in calls if not c[3] & {"tmp", "leftover"}]
    assert not unsafe, unsafe
