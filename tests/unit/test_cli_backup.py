"""backup, restore and passphrase on the command line; a newer schema is exit code 3."""

from __future__ import annotations

import json

from sqlalchemy import text

from coordinator.models import LocalService
from coordinator.storage.vault import open_vault
from tests.conftest import PASSPHRASE

OTHER = "spare copy passphrase 4410"
NEW = "brand new passphrase for cli 9"


def _names(path, passphrase=PASSPHRASE):
    with open_vault(path, passphrase, lock=False) as v, v.session() as s:
        return sorted(x.name for x in s.query(LocalService))


def _add(path, name):
    with open_vault(path, PASSPHRASE) as v, v.transaction() as s:
        s.add(LocalService(name=name))


def test_newer_schema_is_exit_code_3(cli, fresh_db):
    with open_vault(fresh_db, PASSPHRASE) as v, v.engine.begin() as con:
        con.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    done = cli("check", "--db", str(fresh_db))
    assert done.returncode == 3
    assert "newer version" in done.stderr


def test_backup_then_restore_on_the_command_line(cli, fresh_db, tmp_path):
    _add(fresh_db, "In the backup")
    out = tmp_path / "copies" / "b.db"
    out.parent.mkdir()
    made = cli("--db", str(fresh_db), "backup", "--out", str(out), "--json")
    assert made.returncode == 0, made.stderr
    report = json.loads(made.stdout)
    assert report["verified"] is True and report["backup"] == str(out)

    _add(fresh_db, "Added later")
    back = cli("--db", str(fresh_db), "restore", str(out), "--json")
    assert back.returncode == 0, back.stderr
    previous = json.loads(back.stdout)["previous_copy"]
    assert _names(fresh_db) == ["In the backup"]
    assert _names(previous) == ["Added later", "In the backup"]


def test_backup_with_its_own_passphrase_needs_it_to_restore(cli, fresh_db, tmp_path):
    _add(fresh_db, "Off site")
    out = tmp_path / "usb.db"
    made = cli(
        "--db", str(fresh_db), "backup", "--out", str(out),
        COORDINATOR_BACKUP_PASSPHRASE=OTHER,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert _names(out, OTHER) == ["Off site"]

    refused = cli("--db", str(fresh_db), "restore", str(out))
    assert refused.returncode == 3
    assert "--other-passphrase" in refused.stderr
    done = cli("--db", str(fresh_db), "restore", str(out), COORDINATOR_BACKUP_PASSPHRASE=OTHER)
    assert done.returncode == 0, done.stderr


def test_restore_of_a_garbage_file_is_refused(cli, fresh_db, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x13" * 8192)
    before = fresh_db.read_bytes()
    done = cli("--db", str(fresh_db), "restore", str(junk))
    assert done.returncode == 3
    assert fresh_db.read_bytes() == before


def test_passphrase_change_on_the_command_line(cli, fresh_db):
    _add(fresh_db, "Kept")
    weak = cli("--db", str(fresh_db), "passphrase", COORDINATOR_NEW_PASSPHRASE="password")
    assert weak.returncode == 2
    done = cli("--db", str(fresh_db), "passphrase", "--json", COORDINATOR_NEW_PASSPHRASE=NEW)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["changed"] is True
    assert _names(fresh_db, NEW) == ["Kept"]
    assert cli("check", "--db", str(fresh_db)).returncode == 3


def test_check_reports_a_search_index_out_of_step(cli, fresh_db):
    from datetime import date

    from coordinator.models import Mother

    with open_vault(fresh_db, PASSPHRASE) as v:
        with v.engine.begin() as con:
            con.execute(text("DROP TRIGGER mother_fts_after_insert"))
        with v.transaction() as s:
            s.add(Mother(full_name="Not Indexed", referral_received_on=date(2026, 1, 2)))
    done = cli("check", "--db", str(fresh_db), "--json")
    assert done.returncode == 4
    assert "search index for mother" in json.loads(done.stdout)["problems"][0]
