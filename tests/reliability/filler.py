"""Fill the disk: add records until the file-size limit is reached, then exit cleanly.

    python -m tests.reliability.filler DB JOURNAL_MODE MARGIN_BYTES

Opens the vault (passphrase from COORDINATOR_PASSPHRASE), sets the journal mode, then
limits every file this process writes to the database's current size plus MARGIN_BYTES
(RLIMIT_FSIZE, with SIGXFSZ ignored so the write fails with EFBIG instead of killing the
process: as on a full disk, SQLite reports "database or disk is full"). It prints
"commit N" after each commit until a write fails; then one JSON line describing the error,
checks that reading still works and that a second write fails the same way, and closes.
"""

from __future__ import annotations

import json
import os
import random
import resource
import signal
import sys


def main(argv: list[str]) -> int:
    from coordinator.storage.errors import VaultError
    from coordinator.storage.vault import open_vault
    from tests.reliability.writer import last_seq, write_batch

    db, mode, margin = argv[0], argv[1], int(argv[2])
    vault = open_vault(db, os.environ["COORDINATOR_PASSPHRASE"])
    with vault.engine.connect() as con:
        con.exec_driver_sql(f"PRAGMA journal_mode = {mode}")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (os.path.getsize(db) + margin, hard))

    rng = random.Random(3)
    seq = last_seq(vault)
    first: VaultError | None = None
    for _ in range(10_000):
        try:
            with vault.transaction() as session:
                write_batch(session, seq + 1, rng)
        except VaultError as err:
            first = err
            break
        seq += 1
        print(f"commit {seq}", flush=True)
    if first is None:
        print("the limit was never reached", file=sys.stderr)
        return 2
    try:
        with vault.transaction() as session:
            write_batch(session, seq + 1, rng)
        again = "saved"
    except VaultError as err:
        again = type(err).__name__
    report = {
        "error": type(first).__name__,
        "message": first.user_message(),
        "again": again,
        "still_reads": last_seq(vault),
    }
    print(json.dumps(report), flush=True)
    vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
