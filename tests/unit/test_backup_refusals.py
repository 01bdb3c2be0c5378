"""Backups and restores that cannot be done say why in plain words, name the right file,
and leave nothing of their own behind; interrupted backups are cleaned up next time."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime

import pytest

from coordinator.services import backups
from coordinator.storage import backup as mechanism
from coordinator.storage.errors import DamagedDatabase
from coordinator.storage.swap import LeftoverJournal
from tests.conftest import PASSPHRASE
from tests.unit.test_backup import add_service, sha256


def damage(path, *, where: float = 0.5) -> None:
    data = bytearray(path.read_bytes())
    at = int(len(data) * where) // 4096 * 4096 + 100
    data[at : at + 32] = b"\x00" * 32
    path.write_bytes(bytes(data))


def filled(vault, n: int = 300):
    with vault.transaction() as session:
        from coordinator.models import LocalService

        session.add_all(LocalService(name=f"Service number {i:04d} " + "x" * 200) for i in range(n))
    with vault.engine.connect() as con:
        con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return vault


def test_backing_up_a_damaged_database_names_the_database(vault, tmp_path):
    filled(vault)
    path = vault.path
    vault.close()
    damage(path)
    from coordinator.storage.vault import open_vault

    with (
        open_vault(path, PASSPHRASE, lock=False, check_pages=False) as damaged,
        pytest.raises(DamagedDatabase) as refused,
    ):
        backups.back_up(damaged, tmp_path / "b.db")
    assert refused.value.exit_code == 4
    assert str(path) in str(refused.value)
    assert [p.name for p in tmp_path.iterdir() if "b.db" in p.name] == []


def test_the_command_line_backup_of_a_damaged_database_is_exit_4(cli, fresh_db, tmp_path):
    from coordinator.storage.vault import open_vault

    with open_vault(fresh_db, PASSPHRASE, lock=False) as vault:
        filled(vault)
    damage(fresh_db)
    done = cli("--db", str(fresh_db), "backup", "--out", str(tmp_path / "b.db"))
    assert done.returncode == 4, done.stderr
    assert "damaged" in done.stderr and "Traceback" not in done.stderr


def test_a_backup_into_a_missing_folder_says_the_folder_is_missing(cli, fresh_db, tmp_path):
    missing = tmp_path / "stick-not-plugged-in"
    done = cli("--db", str(fresh_db), "backup", "--out", str(missing / "b.db"))
    assert done.returncode == 3
    assert str(missing) in done.stderr and "not there" in done.stderr
    assert "verified" not in done.stderr


def test_a_restore_from_a_damaged_backup_names_the_backup(vault, tmp_path):
    filled(vault)
    backup_file = tmp_path / "monday.db"
    backups.back_up(vault, backup_file)
    damage(backup_file)
    live = vault.path
    vault.close()
    before = sha256(live)
    with pytest.raises(mechanism.VaultError) as refused:
        backups.restore(live, backup_file, PASSPHRASE)
    message = refused.value.user_message()
    assert str(backup_file) in message
    assert ".restoring-" not in message and "partial" not in message
    assert sha256(live) == before


def test_a_refused_restore_leaves_no_before_restore_copy(vault, tmp_path):
    backup_file = tmp_path / "b.db"
    backups.back_up(vault, backup_file)
    live = vault.path
    vault.close()
    journal = live.with_name(live.name + "-journal")
    journal.write_bytes(b"unfinished changes")  # a crash left its journal: restore refuses
    with pytest.raises(LeftoverJournal):
        backups.restore(live, backup_file, PASSPHRASE)
    assert [p.name for p in live.parent.iterdir() if "before" in p.name] == []
    assert [p.name for p in live.parent.iterdir() if "restoring" in p.name] == []


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_unfinished_backups_of_ended_runs_are_removed_and_reported(vault, tmp_path):
    pid = dead_pid()
    left = [tmp_path / f".b.db.partial-{pid}", tmp_path / f".b.db.partial-{pid}-wal"]
    for path in left:
        path.write_bytes(b"\x01" * 5000)
    running = tmp_path / f".other.db.partial-{os.getppid()}"  # a backup still being written
    running.write_bytes(b"\x02" * 10)
    mine = tmp_path / "notes.partial-12"  # not a backup's leftover: never touched
    mine.write_text("mine")

    result = backups.back_up(vault, tmp_path / "b.db")

    assert sorted(result.cleaned.files) == sorted(left) and result.cleaned.bytes == 10000
    assert not any(p.exists() for p in left)
    assert running.exists() and mine.exists()
    assert not backups.back_up(vault, tmp_path / "b2.db").cleaned  # nothing left the next time


def test_the_command_line_says_what_it_cleaned(cli, fresh_db, tmp_path):
    (tmp_path / f".b.db.partial-{dead_pid()}").write_bytes(b"\x01" * 2000)
    done = cli("--db", str(fresh_db), "backup", "--out", str(tmp_path / "b.db"))
    assert done.returncode == 0, done.stderr
    assert "Removed 1 unfinished backup file" in done.stdout


def test_a_killed_backup_leaves_files_the_next_backup_removes(fresh_db, tmp_path):
    """A backup process killed part way, then a backup into the same folder."""
    from coordinator.storage.vault import open_vault

    with open_vault(fresh_db, PASSPHRASE, lock=False) as vault:
        filled(vault, 3000)
    code = (
        "import os, sys\n"
        "from coordinator.storage import backup\n"
        "from coordinator.storage.vault import open_vault\n"
        "v = open_vault(sys.argv[1], sys.argv[2], lock=False)\n"
        "backup.make_copy(v, sys.argv[3], progress=lambda d, t: os._exit(9) if d else None)\n"
    )
    target = tmp_path / "out" / "b.db"
    target.parent.mkdir()
    killed = subprocess.run([sys.executable, "-c", code, str(fresh_db), PASSPHRASE, str(target)])
    assert killed.returncode == 9
    assert [p for p in target.parent.iterdir() if ".partial-" in p.name]
    with open_vault(fresh_db, PASSPHRASE, lock=False) as vault:
        result = backups.back_up(vault, target)
    assert result.cleaned
    assert sorted(p.name for p in target.parent.iterdir()) == ["b.db"]


def test_the_last_good_backup_is_kept_across_a_restore(vault, tmp_path):
    add_service(vault, "Before")
    first = tmp_path / "first.db"
    backups.back_up(vault, first)  # the copy holds no note of a backup: it was the first
    backups.back_up(vault, tmp_path / "second.db")
    last = backups.status(vault).last_good
    live = vault.path
    vault.close()
    backups.restore(live, first, PASSPHRASE)
    from coordinator.storage.vault import open_vault

    with open_vault(live, PASSPHRASE) as restored:
        kept = backups.status(restored).last_good
    assert kept is not None and last is not None
    assert abs((kept - last).total_seconds()) < 1
    assert kept <= datetime.now()
