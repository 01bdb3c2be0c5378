"""Faults: full disk, read-only file or folder, a vanished folder or file, garbage.

Each gives a VaultError with a plain message (never a raw SQLAlchemy or OS error), and
nothing committed before the fault is lost.

Permissions: root ignores permission bits, and CI runs as root. The read-only tests then
run their probe (tests/reliability/probe.py) as the unprivileged user "nobody": the probe
imports everything as root and drops to nobody before touching the files, which are given
to nobody, so the file and folder really are read-only to the process opening them.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import random
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import sqlcipher3

from coordinator.storage import errors
from coordinator.storage.lockfile import DatabaseLock
from coordinator.storage.vault import create_vault, open_vault, storage_fault
from tests.conftest import PASSPHRASE
from tests.reliability.helpers import (
    ROOT,
    assert_whole_transactions,
    batches,
    child_env,
    sha256,
    side_files,
)
from tests.reliability.writer import write_batch

AS_ROOT = os.geteuid() == 0
NOBODY = 65534


def add_batches(path: Path, count: int) -> list[int]:
    """Commit `count` tagged transactions; their sequence numbers."""
    rng = random.Random(count)
    with open_vault(path, PASSPHRASE) as vault:
        start = max(batches(vault), default=0)
        for seq in range(start + 1, start + count + 1):
            with vault.transaction() as session:
                write_batch(session, seq, rng)
    return list(range(start + 1, start + count + 1))


def assert_all_there(path: Path, committed: list[int]) -> None:
    with open_vault(path, PASSPHRASE) as vault:
        assert vault.integrity_problems() == []
        assert_whole_transactions(batches(vault), committed)


# ---------------------------------------------------------------- disk full


@pytest.mark.parametrize("mode", ["WAL", "DELETE"])
def test_full_disk_gives_a_clear_message_and_loses_no_committed_record(mode, db_path):
    earlier = add_batches(db_path, 2)
    result = subprocess.run(
        [sys.executable, "-m", "tests.reliability.filler", str(db_path), mode, "65536"],
        capture_output=True,
        cwd=ROOT,
        env=child_env(),
        timeout=60,
    )
    err = result.stderr.decode(errors="replace")
    assert result.returncode == 0, err
    lines = result.stdout.decode().splitlines()
    reported = [int(line.split()[1]) for line in lines if line.startswith("commit ")]
    report = json.loads(lines[-1])
    assert reported, "the limit left no room for a single transaction"
    assert report["error"] == "DiskFull", report
    assert "no room left on the disk" in report["message"]
    assert report["again"] == "DiskFull"  # and the app is still there to say so again
    assert report["still_reads"] == reported[-1]  # reading still works
    assert err == ""  # no traceback, no SQLCipher chatter
    assert_all_there(db_path, earlier + reported)


# ---------------------------------------------------------------- read-only


@pytest.fixture
def prober_dir():
    """A folder the probe can reach: outside pytest's private (0700) tmp tree if root."""
    base = Path(tempfile.mkdtemp(prefix="coordinator-faults-"))
    yield base
    for path in [base, *base.rglob("*")]:
        with contextlib.suppress(OSError):
            path.chmod(0o700 if path.is_dir() else 0o600)
    shutil.rmtree(base)


def give_to_prober(*paths: Path) -> None:
    if AS_ROOT:
        for path in paths:
            os.chown(path, NOBODY, NOBODY)


def probe(*actions: str) -> list[dict]:
    args = [sys.executable, "-m", "tests.reliability.probe", *actions]
    if AS_ROOT:
        args.append("--as-nobody")
    result = subprocess.run(args, capture_output=True, cwd=ROOT, env=child_env(), timeout=60)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    outcomes = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert not [o for o in outcomes if "crash" in o], outcomes
    return outcomes


def listing(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in folder.iterdir()}


def test_read_only_database_file_is_refused_clearly_and_left_unchanged(prober_dir, db_path):
    committed = add_batches(db_path, 2)
    path = prober_dir / "coordinator.db"
    shutil.copyfile(db_path, path)
    give_to_prober(prober_dir, path)
    path.chmod(0o400)
    before, files = sha256(path), listing(prober_dir)

    outcomes = probe(
        f"open:{path}", f"open-unlocked:{path}", "--trust-access", f"open-unlocked:{path}"
    )
    for outcome in outcomes:
        assert outcome["error"] == "ReadOnly", outcome
        assert "read-only" in outcome["message"]
    assert sha256(path) == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o400
    # The os.access check refuses before SQLite makes any file; past it (trusting
    # os.access) SQLite may leave an empty -wal and its index, never a record.
    new = {k: v for k, v in listing(prober_dir).items() if k not in files}
    assert set(new) <= {"coordinator.db-wal", "coordinator.db-shm"}, new
    assert new.get("coordinator.db-wal", 0) == 0

    path.chmod(0o600)
    assert_all_there(path, committed)


def test_read_only_folder_is_refused_clearly_and_left_unchanged(prober_dir, db_path):
    committed = add_batches(db_path, 2)
    folder = prober_dir / "read-only"
    folder.mkdir()
    path = folder / "coordinator.db"
    shutil.copyfile(db_path, path)
    give_to_prober(prober_dir, folder, path)
    folder.chmod(0o555)
    before, files = sha256(path), listing(folder)

    outcomes = probe(
        f"open:{path}",
        f"open-unlocked:{path}",
        f"lock:{path}",
        f"create:{folder / 'new.db'}",
        "--trust-access",
        f"open:{path}",
        f"open-unlocked:{path}",
    )
    for outcome in outcomes[:-1]:
        assert outcome["error"] == "ReadOnly", outcome
    # Trusting os.access, SQLite itself cannot make the -shm beside the file: the message
    # is still the plain "cannot write ... not read-only" one.
    assert "CannotWrite" in outcomes[-1]["kinds"], outcomes[-1]
    assert sha256(path) == before
    assert listing(folder) == files

    folder.chmod(0o700)
    assert_all_there(path, committed)


def test_a_backup_on_read_only_media_is_checked_where_it_is(prober_dir, db_path):
    committed = add_batches(db_path, 2)
    folder = prober_dir / "stick"
    folder.mkdir()
    path = folder / "backup.db"
    shutil.copyfile(db_path, path)  # a WAL-mode file, with no -wal or -shm beside it
    give_to_prober(prober_dir, folder, path)
    path.chmod(0o400)
    folder.chmod(0o555)
    before, files = sha256(path), listing(folder)

    [outcome] = probe(f"check:{path}")
    assert outcome.get("exit") == 0, outcome
    report = outcome["report"]
    assert report["integrity"] == "ok" and report["read_only"] is True
    assert report["search_index"] == "not checked: the file is read-only"
    assert report["counts"]["Mothers"] == report["counts"]["Local services"] == len(committed)
    assert sha256(path) == before and listing(folder) == files  # nothing written

    folder.chmod(0o700)
    path.chmod(0o600)
    assert_all_there(path, committed)


def test_a_file_where_the_folder_should_be_is_refused_clearly(tmp_path):
    not_a_folder = tmp_path / "stick"
    not_a_folder.write_bytes(b"not a folder")
    path = not_a_folder / "coordinator.db"
    with pytest.raises(errors.FolderGone):
        open_vault(path, PASSPHRASE)
    with pytest.raises(errors.FolderGone):
        create_vault(path, PASSPHRASE)
    with pytest.raises(errors.FolderGone):
        DatabaseLock(path).acquire()
    assert not_a_folder.read_bytes() == b"not a folder"


# ---------------------------------------------------------------- folder or file gone


@pytest.fixture
def on_stick(tmp_path, db_path) -> Path:
    stick = tmp_path / "stick"
    stick.mkdir()
    path = stick / "coordinator.db"
    shutil.move(db_path, path)
    return path


def test_opening_from_a_vanished_folder_says_the_folder_is_gone(on_stick):
    committed = add_batches(on_stick, 1)
    stick = on_stick.parent
    stick.rename(stick.with_name("unplugged"))
    for attempt in (
        lambda: open_vault(on_stick, PASSPHRASE),
        lambda: open_vault(on_stick, PASSPHRASE, lock=False),
        lambda: DatabaseLock(on_stick).acquire(),
    ):
        with pytest.raises(errors.FolderGone) as caught:
            attempt()
        assert "USB stick" in caught.value.user_message()
    assert not stick.exists()  # nothing was recreated where the stick was
    stick.with_name("unplugged").rename(stick)
    assert_all_there(on_stick, committed)


@pytest.mark.parametrize("how", ["folder unplugged", "file deleted", "file replaced"])
def test_saving_after_the_database_vanished_while_open_is_refused(how, on_stick, tmp_path):
    """On POSIX the open file would take the writes and lose them: the vault refuses."""
    stick = on_stick.parent
    away = tmp_path / "unplugged"
    replacement = tmp_path / "replacement.db"
    rng = random.Random(1)
    vault = open_vault(on_stick, PASSPHRASE)
    try:
        with vault.transaction() as session:
            write_batch(session, 1, rng)
        if how == "folder unplugged":
            stick.rename(away)
        elif how == "file deleted":
            on_stick.unlink()
        else:
            shutil.copyfile(on_stick, replacement)
            os.replace(replacement, on_stick)
        kept = sha256(on_stick) if on_stick.exists() else None
        with pytest.raises(errors.DatabaseGone) as caught, vault.transaction() as session:
            write_batch(session, 2, rng)
        assert "was not saved" in caught.value.user_message()
        # The app can still show what it has, and then close cleanly.
        assert 1 in batches(vault)
    finally:
        vault.close()
    if how == "folder unplugged":
        away.rename(stick)
        assert_all_there(on_stick, [1])  # the refused transaction is not there
    elif how == "file replaced":
        assert sha256(on_stick) == kept  # the file now there was not written to


def test_garbage_in_place_of_the_database_is_refused_and_left_unchanged(db_path):
    size = db_path.stat().st_size
    db_path.write_bytes(random.Random(5).randbytes(size))
    before = sha256(db_path)
    with pytest.raises(errors.WrongPassphrase) as caught:
        open_vault(db_path, PASSPHRASE)
    assert "does not open" in caught.value.user_message()
    assert "damaged" in caught.value.user_message()
    assert sha256(db_path) == before
    assert side_files(db_path) == {}


def test_garbage_beside_the_database_as_its_wal_loses_nothing(db_path):
    committed = add_batches(db_path, 2)
    Path(f"{db_path}-wal").write_bytes(random.Random(6).randbytes(64 * 1024))
    assert_all_there(db_path, committed)


# ---------------------------------------------------------------- the translation itself


def _sqlite_error(message: str, code: int) -> sqlcipher3.OperationalError:
    err = sqlcipher3.OperationalError(message)
    err.sqlite_errorcode = code
    return err


@pytest.mark.parametrize(
    ("message", "code", "where", "expected"),
    [
        ("database or disk is full", 13, "here", errors.DiskFull),
        ("attempt to write a readonly database", 8, "here", errors.ReadOnly),
        ("attempt to write a readonly database", 8 | (4 << 8), "here", errors.DatabaseGone),
        ("database is locked", 5, "here", errors.DatabaseBusy),
        ("disk I/O error", 10 | (1 << 8), "here", errors.DiskError),
        ("disk I/O error", 10 | (3 << 8), "no folder", errors.FolderGone),
        ("unable to open database file", 14, "no folder", errors.FolderGone),
        ("unable to open database file", 14, "no file", errors.DatabaseMissing),
        ("database disk image is malformed", 11, "here", errors.DamagedDatabase),
        ("UNIQUE constraint failed: mother.id", 19 | (6 << 8), "here", None),
        ("no such table: nowhere", 1, "here", None),
    ],
)
def test_storage_faults_are_told_apart(db_path, message, code, where, expected):
    path = {
        "here": db_path,
        "no folder": db_path.parent / "gone" / "coordinator.db",
        "no file": db_path.with_name("other.db"),
    }[where]
    fault = storage_fault(_sqlite_error(message, code), path)
    if expected is None:
        assert fault is None
    else:
        assert type(fault) is expected
        assert fault.user_message()


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (errno.ENOSPC, errors.DiskFull),
        (errno.EFBIG, errors.DiskFull),
        (errno.EROFS, errors.ReadOnly),
        (errno.EACCES, errors.ReadOnly),
        (errno.EIO, errors.DiskError),
    ],
)
def test_os_errors_are_told_apart(db_path, number, expected):
    assert type(errors.from_os_error(OSError(number, os.strerror(number)), db_path)) is expected


CREATE_ON_FULL_DISK = """
import resource, signal, sys
from coordinator.storage import errors
from coordinator.storage.vault import create_vault
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, resource.RLIM_INFINITY))
try:
    create_vault(sys.argv[1], sys.argv[2])
except errors.DiskFull as err:
    print(type(err).__name__)
"""


def test_creating_a_database_on_a_full_disk_says_so_and_leaves_nothing(tmp_path):
    path = tmp_path / "new" / "coordinator.db"
    result = subprocess.run(
        [sys.executable, "-c", CREATE_ON_FULL_DISK, str(path), PASSPHRASE],
        capture_output=True,
        cwd=ROOT,
        env=child_env(),
        timeout=60,
    )
    assert result.stdout.decode().strip() == "DiskFull", result.stderr.decode()
    assert result.stderr == b""
    assert list(path.parent.iterdir()) == []  # no half-made database left behind
