"""Nothing personal is ever on disk in clear: not the database, nor its -wal or -journal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coordinator.models import Mother, SafeguardingConcern
from coordinator.storage.vault import open_vault
from tests.conftest import PASSPHRASE

SENTINEL = "Zebediah-Quux-Sentinel-7731"


def _disk_files(db_path: Path) -> list[Path]:
    return [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]


def _assert_clean(db_path: Path) -> None:
    files = _disk_files(db_path)
    assert files
    for path in files:
        data = path.read_bytes()
        assert SENTINEL.encode() not in data, path.name
        assert SENTINEL.encode("utf-16-le") not in data, path.name
        assert not data.startswith(b"SQLite format 3"), path.name


@pytest.mark.parametrize("journal_mode", ["WAL", "DELETE"])
def test_sentinel_never_appears_on_disk(db_path, journal_mode):
    with open_vault(db_path, PASSPHRASE) as vault:
        with vault.engine.connect() as con:
            con.exec_driver_sql(f"PRAGMA journal_mode = {journal_mode}")
        with vault.transaction() as session:
            mother = Mother(full_name=SENTINEL, referral_received_on=date(2026, 1, 5))
            session.add(mother)
        # while open: the WAL (or journal) and the main file
        _assert_clean(db_path)
        with vault.transaction() as session:
            session.add(
                SafeguardingConcern(
                    mother_id=mother.id, raised_on=date(2026, 2, 1), note=SENTINEL * 50
                )
            )
        _assert_clean(db_path)
    _assert_clean(db_path)
