"""A process that writes records in transactions and reports each commit, to be killed.

    python -m tests.reliability.writer DB JOURNAL_MODE [--count N] [--seed S]

The passphrase comes from COORDINATOR_PASSPHRASE. The writer opens the vault the way the
app does (open_vault with the one-instance lock), sets the journal mode, then loops: each
transaction adds one Mother, three SafeguardingConcerns and one LocalService, all tagged
with the next sequence number; after each commit it prints "commit N" and flushes. It goes
on until killed, or for N transactions with --count.

    python -m tests.reliability.writer --serve

is a fork server for the tests: it imports everything once, then for each request line
("DB<TAB>MODE<TAB>SEED" on stdin) forks a child that runs the writer with stdout shared,
and prints "ended PID EXITCODE" once the child has gone. A test kills the child (whose
first line is "pid PID") without paying Python's start-up time on every run.
"""

from __future__ import annotations

import os
import random
import sys
import traceback
from datetime import date

TAG = "writer-"
CONCERNS_PER_TRANSACTION = 3


def tag_for(seq: int) -> str:
    return f"{TAG}{seq:06d}"


def seq_of(tag: str) -> int:
    return int(tag[len(TAG) : len(TAG) + 6])


def _filler(rng: random.Random) -> str:
    """Enough text that a transaction spans several pages, varying its size."""
    return "".join(rng.choice("abcdefghij klmnopqrstuvwxyz") for _ in range(rng.randint(50, 1500)))


def write_batch(session, seq: int, rng: random.Random) -> None:
    from coordinator.models import LocalService, Mother, SafeguardingConcern

    tag = tag_for(seq)
    today = date.today()
    mother = Mother(full_name=tag, referral_received_on=today, support_plan=_filler(rng))
    for i in range(CONCERNS_PER_TRANSACTION):
        mother.safeguarding_concerns.append(
            SafeguardingConcern(raised_on=today, note=f"{tag} #{i} {_filler(rng)}")
        )
    session.add(mother)
    session.add(LocalService(name=tag, notes=_filler(rng)))


def last_seq(vault) -> int:
    with vault.engine.connect() as con:
        top = con.exec_driver_sql(
            "SELECT max(full_name) FROM mother WHERE full_name LIKE ?", (TAG + "%",)
        ).scalar()
    return seq_of(top) if top else 0


def say(line: str) -> None:
    """One whole line in one write(2): a kill can never leave half a line in the pipe."""
    sys.stdout.flush()
    os.write(sys.stdout.fileno(), (line + "\n").encode())


def run_writer(db: str, mode: str, *, count: int | None = None, seed: int | None = None) -> int:
    from coordinator.storage.vault import open_vault

    say(f"pid {os.getpid()}")
    rng = random.Random(seed)
    vault = open_vault(db, os.environ["COORDINATOR_PASSPHRASE"], lock=True, check_pages=False)
    with vault.engine.connect() as con:
        got = con.exec_driver_sql(f"PRAGMA journal_mode = {mode}").scalar()
    if str(got).upper() != mode.upper():
        print(f"journal mode is {got}, not {mode}", file=sys.stderr, flush=True)
        return 1
    seq = last_seq(vault)
    done = 0
    while count is None or done < count:
        seq += 1
        with vault.transaction() as session:
            write_batch(session, seq, rng)
        say(f"commit {seq}")
        done += 1
    vault.close()
    return 0


def serve() -> int:
    """Fork a writer per request line; report how each one ended."""
    import sqlalchemy.orm

    import coordinator.models  # noqa: F401  (registers every table)
    from coordinator.storage.connection import silence_sqlcipher_log

    sqlalchemy.orm.configure_mappers()
    silence_sqlcipher_log()
    for line in sys.stdin:
        db, mode, seed = line.rstrip("\n").split("\t")
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:  # the writer
            code = 1
            try:
                code = run_writer(db, mode, seed=int(seed))
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        say(f"ended {pid} {os.waitstatus_to_exitcode(status)}")
    return 0


def main(argv: list[str]) -> int:
    if argv == ["--serve"]:
        return serve()
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tests.reliability.writer")
    parser.add_argument("db")
    parser.add_argument("journal_mode", choices=["WAL", "DELETE", "wal", "delete"])
    parser.add_argument("--count", type=int)
    parser.add_argument("--seed", type=int)
    args = parser.parse_args(argv)
    return run_writer(args.db, args.journal_mode.upper(), count=args.count, seed=args.seed)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
