"""Hygiene: owner-only files, a silent SQLCipher, no passphrase or record in logs or errors."""

from __future__ import annotations

import logging
import os
import random
import stat
import subprocess
import sys
import traceback
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import exc, select

from coordinator.models import Mother, SafeguardingConcern
from coordinator.storage import errors
from coordinator.storage.vault import create_vault, open_vault
from tests.conftest import PASSPHRASE
from tests.reliability.helpers import ROOT, child_env
from tests.reliability.writer import write_batch

SENTINEL = "Zuleika Quennell-Orsini"  # a made-up name that appears nowhere else
WRONG = "quartz-wrong-lantern-77"


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_lock_and_sqlite_side_files_are_owner_only(tmp_path):
    """Explicit 0600 on creation; SQLite gives -wal, -shm and -journal the file's mode."""
    rng = random.Random(2)
    old_umask = os.umask(0o022)  # a typical, permissive umask
    try:
        path = tmp_path / "new-folder" / "coordinator.db"
        vault = create_vault(path, PASSPHRASE)
        try:
            with vault.transaction() as session:
                write_batch(session, 1, rng)
            side = {s: Path(f"{path}{s}") for s in ("-wal", "-shm", ".lock")}
            assert mode_of(path.parent) == 0o700
            assert mode_of(path) == 0o600
            assert {s: mode_of(p) for s, p in side.items()} == dict.fromkeys(side, 0o600)

            with vault.engine.connect() as con:
                assert con.exec_driver_sql("PRAGMA journal_mode = DELETE").scalar() == "delete"
            with vault.session() as session, session.begin():
                write_batch(session, 2, rng)
                session.flush()
                assert mode_of(Path(f"{path}-journal")) == 0o600
        finally:
            vault.close()
    finally:
        os.umask(old_umask)


SILENT_SCRIPT = """
import sys
from pathlib import Path
from coordinator.storage import errors
from coordinator.storage.vault import open_vault
good, garbage, damaged = map(Path, sys.argv[1:4])
for path, passphrase, expected in [
    (good, "not the passphrase", errors.WrongPassphrase),
    (garbage, sys.argv[4], errors.WrongPassphrase),
    (damaged, sys.argv[4], errors.DamagedDatabase),
]:
    try:
        open_vault(path, passphrase).close()
    except expected:
        pass
    else:
        sys.exit(f"{path.name} opened")
print("refused all three")
"""


def test_sqlcipher_writes_nothing_to_stderr(tmp_path, db_path):
    """By default SQLCipher prints "hmac check failed" lines on a wrong key or bad page."""
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(random.Random(4).randbytes(db_path.stat().st_size))
    damaged = tmp_path / "damaged.db"
    data = bytearray(db_path.read_bytes())
    data[2 * 4096 + 100 : 2 * 4096 + 116] = b"\x00" * 16
    damaged.write_bytes(bytes(data))
    result = subprocess.run(
        [sys.executable, "-c", SILENT_SCRIPT, str(db_path), str(garbage), str(damaged), PASSPHRASE],
        capture_output=True,
        cwd=ROOT,
        env=child_env(),
        timeout=60,
    )
    assert result.stdout.decode().strip() == "refused all three", result.stderr.decode()
    assert result.stderr == b""


def _chain(err: BaseException | None) -> list[BaseException]:
    """The exception with everything it was caused by or raised during, suppressed or not."""
    seen: list[BaseException] = []
    while err is not None and err not in seen:
        seen.append(err)
        err = err.__cause__ or err.__context__
    return seen


def test_no_passphrase_or_personal_data_in_logs_errors_or_reprs(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    # As if someone turned on SQLAlchemy's own debugging (pool, ORM) to chase a problem:
    # the engine logger, which logs statements and rows, must still say nothing.
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    path = tmp_path / "coordinator.db"
    raised: list[BaseException] = []
    shown: list[str] = []

    def expect(kind, action):
        with pytest.raises(kind) as caught:
            action()
        raised.append(caught.value)

    vault = create_vault(path, PASSPHRASE)
    today = date.today()
    with vault.transaction() as session:
        session.add(Mother(full_name=SENTINEL, referral_received_on=today, support_plan=SENTINEL))

    def orphan_concern():  # fails on its foreign key, with the name among the parameters
        with vault.transaction() as session:
            session.add(SafeguardingConcern(mother_id=987654, raised_on=today, note=SENTINEL))

    expect(exc.IntegrityError, orphan_concern)
    with vault.session() as session:  # rows read back: logged at DEBUG unless kept out
        assert session.scalars(select(Mother.full_name)).all() == [SENTINEL]
    assert vault.integrity_problems() == []
    assert vault.find_damaged_pages() == []
    shown += [repr(vault), repr(vault.engine), str(vault.engine.url), repr(vault.engine.url)]
    expect(errors.AlreadyOpen, lambda: open_vault(path, PASSPHRASE))
    vault.close()

    expect(errors.WrongPassphrase, lambda: open_vault(path, WRONG))
    with open_vault(path, PASSPHRASE, check_pages=False) as again:
        again.find_damaged_pages()
    data = bytearray(path.read_bytes())
    data[3 * 4096 + 200 : 3 * 4096 + 216] = b"\xff" * 16
    path.write_bytes(bytes(data))
    expect(errors.DamagedDatabase, lambda: open_vault(path, PASSPHRASE))

    for err in raised:
        for link in _chain(err):
            shown += [str(link), repr(link), "".join(traceback.format_exception(link))]
    logged = [caplog.text] + [r.getMessage() for r in caplog.records]
    assert caplog.records, "nothing was logged at all: is the log level set?"
    for secret in (PASSPHRASE, WRONG, SENTINEL):
        assert not [text for text in shown + logged if secret in text], secret
