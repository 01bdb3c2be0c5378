"""The vault refuses every bad file clearly and leaves it byte-for-byte unchanged."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from coordinator.storage import errors, migrate
from coordinator.storage.connection import APPLICATION_ID, CIPHER_SETTINGS
from coordinator.storage.vault import create_vault, open_vault
from tests.conftest import PASSPHRASE


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused_unchanged(path: Path, error: type[Exception], passphrase: str = PASSPHRASE):
    """Opening `path` raises `error` and leaves the file byte-for-byte as it was; the error."""
    before = sha256(path)
    with pytest.raises(error) as caught:
        open_vault(path, passphrase)
    assert sha256(path) == before
    return caught.value


def _sqlcipher_file(path: Path, passphrase: str, *, app_id: int | None) -> None:
    con = sqlcipher3.connect(str(path))
    con.execute("PRAGMA key = " + "'" + passphrase.replace("'", "''") + "'")
    for name, value in CIPHER_SETTINGS:
        con.execute(f"PRAGMA {name} = {value}")
    if app_id is not None:
        con.execute(f"PRAGMA application_id = {app_id}")
    con.execute("CREATE TABLE notes (body TEXT)")
    con.execute("INSERT INTO notes VALUES ('hello')")
    con.commit()
    con.close()


def test_wrong_passphrase_leaves_file_unchanged(db_path):
    refused = refused_unchanged(db_path, errors.WrongPassphrase, "not the passphrase")
    assert "does not open" in refused.user_message()
    assert "not the passphrase" not in refused.user_message()


def test_opening_a_missing_path_never_creates_a_file(tmp_path):
    path = tmp_path / "nowhere.db"
    with pytest.raises(errors.DatabaseMissing):
        open_vault(path, PASSPHRASE)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_zero_byte_file_is_refused_and_left_empty(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(errors.EmptyFile):
        open_vault(path, PASSPHRASE)
    assert path.read_bytes() == b""


def test_plain_sqlite_file_is_refused_unchanged(tmp_path):
    path = tmp_path / "plain.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    refused_unchanged(path, errors.NotEncrypted)


@pytest.mark.parametrize(
    "app_id", [None, APPLICATION_ID], ids=["other database", "our application id, no schema"]
)
def test_sqlcipher_database_without_our_schema_is_refused_unchanged(tmp_path, app_id):
    path = tmp_path / "other.db"
    _sqlcipher_file(path, PASSPHRASE, app_id=app_id)
    refused_unchanged(path, errors.NotCoordinatorDatabase)


def test_database_from_a_newer_version_is_refused_unchanged(db_path):
    with open_vault(db_path, PASSPHRASE) as vault, vault.engine.begin() as con:
        con.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    assert refused_unchanged(db_path, errors.NewerSchema).exit_code == 3


def test_damaged_file_is_refused_unchanged(db_path):
    data = bytearray(db_path.read_bytes())
    page = 4096
    assert len(data) >= 3 * page, "fixture database should span several pages"
    data[2 * page + 100 : 2 * page + 116] = b"\x00" * 16
    db_path.write_bytes(bytes(data))
    assert refused_unchanged(db_path, errors.DamagedDatabase).exit_code == 4


def test_empty_passphrase_is_refused(tmp_path, db_path):
    with pytest.raises(errors.EmptyPassphrase):
        create_vault(tmp_path / "new.db", "")
    with pytest.raises(errors.EmptyPassphrase):
        open_vault(db_path, "")
    assert not (tmp_path / "new.db").exists()


def test_create_never_overwrites_an_existing_file(db_path):
    before = sha256(db_path)
    with pytest.raises(errors.DatabaseExists):
        create_vault(db_path, PASSPHRASE)
    assert sha256(db_path) == before


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(errors.NotAFile):
        open_vault(tmp_path, PASSPHRASE)


AWKWARD = [
    "quote ' and \" double",
    "url-ish @ : / % # ? & = +",
    "pässwörd ünïcödé 日本語 ﬁ 🙂",
    "x" * 200,
    "  leading and trailing spaces  ",
]


@pytest.mark.parametrize("passphrase", AWKWARD, ids=["quotes", "url", "unicode", "long", "spaces"])
def test_awkward_passphrases_round_trip(tmp_path, passphrase):
    path = tmp_path / "awkward.db"
    create_vault(path, passphrase).close()
    with open_vault(path, passphrase) as vault:
        assert vault.schema_revision() == migrate.head_revision()
    with pytest.raises(errors.WrongPassphrase):
        open_vault(path, passphrase[:-1] + ("y" if passphrase[-1] != "y" else "z"))


def test_second_open_of_the_same_database_is_refused_until_closed(db_path):
    first = open_vault(db_path, PASSPHRASE)
    try:
        with pytest.raises(errors.AlreadyOpen):
            open_vault(db_path, PASSPHRASE)
    finally:
        first.close()
    open_vault(db_path, PASSPHRASE).close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_new_database_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "private.db"
    create_vault(path, PASSPHRASE).close()
    mode = stat.S_IMODE(path.stat().st_mode)
    assert mode & 0o077 == 0, oct(mode)


def test_creation_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "tidy.db"
    create_vault(path, PASSPHRASE, lock=False).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tidy.db"]


def test_upgrade_takes_an_encrypted_copy_before_changing_anything(db_path, monkeypatch):
    """Any upgrade runs only after a full encrypted copy of the file is beside it."""
    seen: dict[str, object] = {}
    current = migrate.head_revision()
    monkeypatch.setattr(migrate, "head_revision", lambda: "a-future-head")

    def fake_upgrade(connection, target="head"):
        copies = list(db_path.parent.glob("*.before-upgrade-*.db"))
        seen["copies"] = copies
        seen["copy_opens"] = copies and copies[0].read_bytes()[:16] != b"SQLite format 3\x00"

    monkeypatch.setattr(migrate, "upgrade", fake_upgrade)
    with open_vault(db_path, PASSPHRASE) as vault:
        assert vault.upgraded_from == current
        assert vault.pre_upgrade_copy is not None
    assert len(seen["copies"]) == 1
    assert seen["copy_opens"]
    monkeypatch.undo()
    with open_vault(seen["copies"][0], PASSPHRASE, lock=False) as copy:
        assert copy.schema_revision() == current


def test_failed_upgrade_is_reported_and_database_keeps_its_schema(db_path, monkeypatch):
    current = migrate.head_revision()
    monkeypatch.setattr(migrate, "head_revision", lambda: "a-future-head")

    def broken_upgrade(connection, target="head"):
        raise RuntimeError("boom")

    monkeypatch.setattr(migrate, "upgrade", broken_upgrade)
    with pytest.raises(errors.UpgradeFailed):
        open_vault(db_path, PASSPHRASE)
    monkeypatch.undo()
    with open_vault(db_path, PASSPHRASE) as vault:
        assert vault.schema_revision() == current


def test_read_only_check_does_not_need_the_lock(db_path):
    with open_vault(db_path, PASSPHRASE) as vault:
        with open_vault(db_path, PASSPHRASE, lock=False, upgrade=False) as second:
            assert second.integrity_problems() == []
        assert vault.integrity_problems() == []


def test_sqlcipher_settings_are_pinned(vault):
    with vault.engine.connect() as con:
        assert int(con.exec_driver_sql("PRAGMA cipher_page_size").scalar()) == 4096
        assert int(con.exec_driver_sql("PRAGMA kdf_iter").scalar()) == 256000
        assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert con.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")


def test_lock_file_is_released_when_the_process_holding_it_dies(db_path):
    import subprocess

    code = (
        "import os,sys; from coordinator.storage.vault import open_vault; "
        f"v=open_vault({str(db_path)!r}, {PASSPHRASE!r}); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=os.environ.copy())
    open_vault(db_path, PASSPHRASE).close()
