"""The command line, run as a real subprocess: exit codes, JSON output, files left alone.

Each run costs about a second (interpreter start plus key derivation), so tests share
databases between asserts where that keeps them readable.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXIT_OK, EXIT_USAGE, EXIT_CANNOT_OPEN, EXIT_INTEGRITY = 0, 2, 3, 4


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_init_creates_an_encrypted_file_and_never_overwrites(cli, tmp_path):
    path = tmp_path / "new.db"
    done = cli("init", "--db", str(path), "--json")
    assert done.returncode == EXIT_OK, done.stderr
    assert json.loads(done.stdout)["created"] == str(path)
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    before = sha256(path)

    again = cli("init", "--db", str(path))
    assert again.returncode == EXIT_USAGE
    assert "already exists" in again.stderr
    assert sha256(path) == before


def test_init_with_a_weak_passphrase_needs_accept_weak(cli, tmp_path):
    path = tmp_path / "weak.db"
    refused = cli("init", "--db", str(path), passphrase="password")
    assert refused.returncode == EXIT_USAGE
    assert "weak" in refused.stderr and "--accept-weak" in refused.stderr
    assert not path.exists()

    accepted = cli("init", "--db", str(path), "--accept-weak", passphrase="password")
    assert accepted.returncode == EXIT_OK, accepted.stderr
    assert path.exists()


def test_check_and_demo_on_a_fresh_database(cli, fresh_db):
    # --db before the subcommand
    checked = cli("--db", str(fresh_db), "check", "--json")
    assert checked.returncode == EXIT_OK, checked.stderr
    report = json.loads(checked.stdout)
    assert report["integrity"] == "ok" and report["problems"] == []
    assert report["search_index"] == "ok" and report["read_only"] is False
    assert report["counts"]["Mothers"] == 0 and "Volunteers" in report["counts"]

    # --db after the subcommand
    demo = cli(
        "demo", "--db", str(fresh_db), "--mothers", "30", "--volunteers", "10", "--seed", "3",
        "--json",
    )  # fmt: skip
    assert demo.returncode == EXIT_OK, demo.stderr
    result = json.loads(demo.stdout)
    assert result["created"] is False and result["seed"] == 3
    counts = result["counts"]
    assert counts["Mothers"] == 30 and counts["Volunteers"] == 10
    assert all(counts[k] > 0 for k in ("Projects", "Matches", "Contacts", "Local services"))

    before = sha256(fresh_db)
    refused = cli("demo", "--db", str(fresh_db), "--json")
    assert refused.returncode == EXIT_USAGE
    assert "already holds" in json.loads(refused.stdout)["error"]
    assert sha256(fresh_db) == before

    # COORDINATOR_DB is honoured when --db is not given
    via_env = cli("check", "--json", COORDINATOR_DB=str(fresh_db))
    assert via_env.returncode == EXIT_OK, via_env.stderr
    assert json.loads(via_env.stdout)["counts"] == counts


def test_check_refuses_files_it_cannot_open_and_leaves_them_alone(cli, fresh_db, tmp_path):
    before = sha256(fresh_db)
    wrong = cli("check", "--db", str(fresh_db), passphrase="not-the-passphrase-at-all")
    assert wrong.returncode == EXIT_CANNOT_OPEN
    assert "not-the-passphrase-at-all" not in wrong.stderr + wrong.stdout
    assert sha256(fresh_db) == before

    missing = tmp_path / "nowhere" / "missing.db"
    gone = cli("check", "--db", str(missing))
    assert gone.returncode == EXIT_CANNOT_OPEN
    assert not missing.exists() and not missing.parent.exists()

    plain = tmp_path / "plain.db"
    con = sqlite3.connect(plain)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    assert cli("check", "--db", str(plain)).returncode == EXIT_CANNOT_OPEN

    damaged = tmp_path / "damaged.db"
    shutil.copyfile(fresh_db, damaged)
    with damaged.open("r+b") as fh:
        fh.seek(2 * 4096 + 100)
        fh.write(b"\xa5" * 16)
    broken = cli("check", "--db", str(damaged), "--json")
    assert broken.returncode == EXIT_INTEGRITY, broken.stdout + broken.stderr
    assert json.loads(broken.stdout)["exit_code"] == EXIT_INTEGRITY


def test_no_passphrase_and_no_terminal_is_a_usage_error(cli, fresh_db):
    done = cli("check", "--db", str(fresh_db), passphrase=None)
    assert done.returncode == EXIT_USAGE
    assert "COORDINATOR_PASSPHRASE" in done.stderr
