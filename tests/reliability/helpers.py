"""Shared pieces of the crash and fault tests: child processes, line reading, record checks."""

from __future__ import annotations

import hashlib
import os
import select
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.reliability.writer import CONCERNS_PER_TRANSACTION, TAG, seq_of

ROOT = Path(__file__).resolve().parents[2]
SIDE_FILES = ("-wal", "-shm", "-journal")


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["COORDINATOR_PASSPHRASE"] = PASSPHRASE
    env.update(extra)
    return env


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(db: Path) -> dict[str, int]:
    """Size of each -wal / -shm / -journal file beside `db` that exists."""
    found = {}
    for suffix in SIDE_FILES:
        side = Path(f"{db}{suffix}")
        if side.exists():
            found[suffix] = side.stat().st_size
    return found


class LineReader:
    """Lines from a pipe, each with a deadline, so a stuck child fails the test instead."""

    def __init__(self, fd: int):
        self.fd = fd
        self.buffer = b""

    def next(self, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.fd], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("the child process said nothing in time")
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise EOFError("the child process closed its output")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()


class WriterServer:
    """`python -m tests.reliability.writer --serve`: forks one writer per run."""

    def __init__(self) -> None:
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the server)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.writer", "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            cwd=ROOT,
            env=child_env(),
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.lines = LineReader(self.proc.stdout.fileno())

    def stderr(self) -> str:
        self.errors.seek(0)
        return self.errors.read().decode(errors="replace")

    def run_and_kill(self, db: Path, mode: str, *, seed: int, after: int, delay: float):
        """Start a writer; SIGKILL it `delay` s after its `after`-th commit.

        Returns (the sequence numbers it reported committed, its exit code).
        """
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{db}\t{mode}\t{seed}\n".encode())
        self.proc.stdin.flush()
        pid: int | None = None
        reported: list[int] = []
        while True:
            line = self.lines.next()
            kind, _, rest = line.partition(" ")
            if kind == "pid":
                pid = int(rest)
            elif kind == "commit":
                reported.append(int(rest))
                if len(reported) == after:
                    assert pid is not None
                    if delay:
                        time.sleep(delay)  # a random moment, usually mid-transaction
                    os.kill(pid, 9)
            elif kind == "ended":
                ended_pid, code = rest.split()
                assert pid is None or int(ended_pid) == pid
                return reported, int(code)
            else:
                raise AssertionError(f"unexpected line from the writer: {line!r}")

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.errors.close()


def batches(vault) -> dict[int, tuple[int, int, int]]:
    """For each sequence number present: (mothers, her linked concerns, services) tagged."""
    like = TAG + "%"
    n = len(TAG) + 6
    with vault.engine.connect() as con:
        mothers = Counter(
            seq_of(r[0])
            for r in con.exec_driver_sql(
                "SELECT full_name FROM mother WHERE full_name LIKE ?", (like,)
            )
        )
        concerns = Counter(
            seq_of(r[0])
            for r in con.exec_driver_sql(
                "SELECT m.full_name FROM safeguarding_concern c JOIN mother m ON m.id = c.mother_id "
                f"WHERE c.note LIKE ? AND substr(c.note, 1, {n}) = m.full_name",
                (like,),
            )
        )
        all_concerns = con.exec_driver_sql(
            "SELECT count(*) FROM safeguarding_concern WHERE note LIKE ?", (like,)
        ).scalar()
        services = Counter(
            seq_of(r[0])
            for r in con.exec_driver_sql(
                "SELECT name FROM local_service WHERE name LIKE ?", (like,)
            )
        )
    assert all_concerns == sum(concerns.values()), "a concern is attached to the wrong mother"
    seqs = set(mothers) | set(concerns) | set(services)
    return {s: (mothers[s], concerns[s], services[s]) for s in sorted(seqs)}


WHOLE = (1, CONCERNS_PER_TRANSACTION, 1)


def assert_whole_transactions(found: dict[int, tuple[int, int, int]], reported: list[int]) -> None:
    """Every reported commit is there, every transaction whole, no gaps, nothing extra."""
    half = {s: counts for s, counts in found.items() if counts != WHOLE}
    assert not half, f"transactions half there (mothers, concerns, services): {half}"
    missing = sorted(set(reported) - set(found))
    assert not missing, f"reported commits lost: {missing}"
    top = max(found, default=0)
    assert sorted(found) == list(range(1, top + 1)), "a gap in the committed sequence"
    # At most the one commit that finished but was not yet reported when the kill came.
    assert top <= max(reported, default=0) + 1, (top, max(reported, default=0))
