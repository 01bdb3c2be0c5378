"""Backups are encrypted, verified before they count, rotated; restore and re-key swap whole."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from datetime import date
from pathlib import Path

import pytest

from coordinator.models import LocalService, Mother
from coordinator.services import backups, settings
from coordinator.storage import backup as mechanism
from coordinator.storage.errors import DamagedDatabase, WrongPassphrase
from coordinator.storage.vault import open_vault
from tests.conftest import PASSPHRASE

OTHER = "usb stick kept at home 77"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_service(vault, name: str) -> None:
    with vault.transaction() as session:
        session.add(LocalService(name=name))


def service_names(path: Path, passphrase: str = PASSPHRASE) -> list[str]:
    with open_vault(path, passphrase, lock=False) as v, v.session() as session:
        return sorted(s.name for s in session.query(LocalService))


def test_backup_is_encrypted_verified_and_opens_with_the_passphrase(vault, tmp_path):
    add_service(vault, "Leicester Baby Bank")
    target = tmp_path / "out" / "backup.db"
    target.parent.mkdir()
    result = backups.back_up(vault, target)
    assert result.path == target
    assert not target.read_bytes().startswith(b"SQLite format 3")
    assert b"Leicester Baby Bank" not in target.read_bytes()
    assert service_names(target) == ["Leicester Baby Bank"]
    assert sorted(p.name for p in target.parent.iterdir()) == ["backup.db"]  # no temp left


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_backup_is_readable_by_its_owner_only(vault, tmp_path):
    target = tmp_path / "b.db"
    backups.back_up(vault, target)
    assert stat.S_IMODE(target.stat().st_mode) & 0o077 == 0


def test_backup_under_its_own_passphrase(vault, tmp_path):
    add_service(vault, "Norwich Food Bank")
    target = tmp_path / "usb.db"
    backups.back_up(vault, target, passphrase=OTHER)
    with pytest.raises(WrongPassphrase):
        open_vault(target, PASSPHRASE, lock=False)
    assert service_names(target, OTHER) == ["Norwich Food Bank"]


def test_backup_records_when_the_last_good_one_was_made(vault, tmp_path):
    assert backups.status(vault).last_good is None
    assert backups.status(vault).overdue
    backups.back_up(vault, tmp_path / "b.db")
    state = backups.status(vault)
    assert state.last_good is not None and not state.overdue


def test_a_backup_that_fails_verification_is_not_kept(vault, tmp_path, monkeypatch):
    target = tmp_path / "b.db"
    target.write_bytes(b"the previous backup")

    def corrupt_counts(con):
        return {"mother": -1}

    real = mechanism.table_counts
    calls = []

    def counts(con):
        calls.append(1)
        return real(con) if len(calls) > 1 else corrupt_counts(con)

    monkeypatch.setattr(mechanism, "table_counts", counts)
    with pytest.raises(mechanism.BackupFailed):
        backups.back_up(vault, target)
    assert target.read_bytes() == b"the previous backup"  # the old file is not replaced
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert backups.status(vault).last_good is None


def test_backing_up_onto_the_database_itself_is_refused(vault):
    with pytest.raises(mechanism.SameFile):
        backups.back_up(vault, vault.path)


def test_automatic_backups_keep_only_the_newest(vault, tmp_path):
    folder = tmp_path / "auto"
    backups.set_automatic(vault, folder=str(folder), keep=2, on_close=True)
    made = [backups.back_up_automatically(vault).path for _ in range(3)]
    kept = mechanism.automatic_backups(folder, vault.path)
    assert kept == made[1:]
    assert all(service_names(p) == [] for p in kept)


def test_no_automatic_backup_without_a_folder(vault):
    assert backups.back_up_automatically(vault) is None


def test_restore_brings_back_the_backup_and_keeps_the_current_database(vault, tmp_path):
    add_service(vault, "Before")
    backup_file = tmp_path / "b.db"
    backups.back_up(vault, backup_file)
    add_service(vault, "After")
    live = vault.path
    vault.close()

    result = backups.restore(live, backup_file, PASSPHRASE)

    assert service_names(live) == ["Before"]
    assert result.previous_copy is not None
    assert service_names(result.previous_copy) == ["After", "Before"]


def test_restore_of_a_backup_with_its_own_passphrase(vault, tmp_path):
    add_service(vault, "Kept off site")
    backup_file = tmp_path / "usb.db"
    backups.back_up(vault, backup_file, passphrase=OTHER)
    live = vault.path
    vault.close()
    with pytest.raises(mechanism.BackupHasOtherPassphrase):
        backups.restore(live, backup_file, PASSPHRASE)
    backups.restore(live, backup_file, PASSPHRASE, backup_passphrase=OTHER)
    # the restored database opens with the database's own passphrase
    assert service_names(live) == ["Kept off site"]


@pytest.mark.parametrize("bad", ["garbage", "empty", "damaged", "wrong_key"])
def test_a_bad_backup_is_refused_and_the_live_database_untouched(vault, tmp_path, bad):
    add_service(vault, "Live")
    backup_file = tmp_path / "bad.db"
    if bad == "garbage":
        backup_file.write_bytes(os.urandom(64 * 1024))
    elif bad == "empty":
        backup_file.write_bytes(b"")
    else:
        backups.back_up(vault, backup_file, passphrase=OTHER if bad == "wrong_key" else None)
        if bad == "damaged":
            data = bytearray(backup_file.read_bytes())
            data[-3000:-2984] = b"\x00" * 16
            backup_file.write_bytes(bytes(data))
    live = vault.path
    vault.close()
    before = sha256(live)
    with pytest.raises((WrongPassphrase, DamagedDatabase, mechanism.VaultError)):
        backups.restore(live, backup_file, PASSPHRASE)
    assert sha256(live) == before
    assert [p.name for p in live.parent.iterdir() if "restor" in p.name] == []


def test_restore_while_the_database_is_open_elsewhere_is_refused(vault, tmp_path):
    backup_file = tmp_path / "b.db"
    backups.back_up(vault, backup_file)
    from coordinator.storage.errors import AlreadyOpen

    with pytest.raises(AlreadyOpen):
        backups.restore(vault.path, backup_file, PASSPHRASE)


def test_passphrase_change_keeps_every_record(vault):
    add_service(vault, "Bradford Baby Bank")
    with vault.transaction() as session:
        session.add(Mother(full_name="Test Mother", referral_received_on=date(2026, 3, 1)))
    path = vault.path
    new = "a completely new passphrase 31"
    reopened = backups.change_passphrase(vault, new)
    try:
        with reopened.session() as session:
            assert session.query(Mother).count() == 1
        assert settings.get(reopened.session(), settings.AUTO_LOCK_MINUTES) == 10
    finally:
        reopened.close()
    with pytest.raises(WrongPassphrase):
        open_vault(path, PASSPHRASE)
    assert service_names(path, new) == ["Bradford Baby Bank"]
    assert [p.name for p in path.parent.iterdir() if "rekey" in p.name] == []


def test_passphrase_change_keeps_the_database_locked_against_a_second_window(vault):
    from coordinator.storage.errors import AlreadyOpen

    reopened = backups.change_passphrase(vault, "another long passphrase 8")
    try:
        with pytest.raises(AlreadyOpen):
            open_vault(reopened.path, "another long passphrase 8")
    finally:
        reopened.close()
