"""The migrations build exactly the schema the models describe, and old files upgrade."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, event

from coordinator.models import Base
from coordinator.storage import migrate
from coordinator.storage.vault import open_vault

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _engine():
    engine = create_engine("sqlite://")
    event.listen(engine, "connect", lambda c, _r: c.execute("PRAGMA foreign_keys=ON"))
    return engine


def _split_top_level(body: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    parts.append("".join(current).strip())
    return parts


def _schema(engine) -> dict[str, frozenset[str] | str]:
    """Each table as the set of its column and constraint clauses; indexes as their SQL."""
    out: dict[str, frozenset[str] | str] = {}
    with engine.connect() as con:
        rows = con.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        )
        for kind, name, sql in rows:
            if migrate.is_search_index(name):
                continue
            sql = re.sub(r"\s+", " ", sql or "").replace("(CURRENT_TIMESTAMP)", "CURRENT_TIMESTAMP")
            if kind == "table":
                body = sql[sql.index("(") + 1 : sql.rindex(")")]
                out[name] = frozenset(_split_top_level(body))
            else:
                out[name] = sql
    return out


def test_models_and_migrations_agree():
    from_models, from_migrations = _engine(), _engine()
    Base.metadata.create_all(from_models)
    with from_migrations.begin() as con:
        migrate.upgrade(con)
        context = MigrationContext.configure(con, opts={"include_name": migrate.include_name})
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], "models changed without a migration: " + repr(diff[:5])
    assert _schema(from_migrations) == _schema(from_models)


def test_search_indexes_are_the_only_objects_without_a_model():
    engine = _engine()
    with engine.begin() as con:
        migrate.upgrade(con)
        names = {r[0] for r in con.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert {"mother_fts", "volunteer_fts", "service_fts"} <= names
    assert not any(migrate.is_search_index(t) for t in Base.metadata.tables)


def test_new_database_is_at_the_head_revision(vault):
    assert vault.schema_revision() == migrate.head_revision()


def test_revisions_form_a_single_line():
    script = migrate._script()
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert [r.revision for r in reversed(revisions)] == [
        f"{n:04d}" for n in range(1, len(revisions) + 1)
    ]


RELEASED = sorted(FIXTURES.glob("schema-*.db"))


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.stem for p in RELEASED])
def test_every_released_schema_opens_and_upgrades_to_head(fixture, tmp_path):
    """Encrypted files kept from each released schema still open, their records intact."""
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    expected = (FIXTURES / "PASSPHRASE.txt").read_text(encoding="utf-8").strip()
    with open_vault(path, expected) as vault:
        assert vault.schema_revision() == migrate.head_revision()
        assert vault.integrity_problems() == []
        with vault.engine.connect() as con:
            mothers = con.exec_driver_sql("SELECT count(*) FROM mother").scalar()
        assert mothers > 0


def test_a_fixture_exists_for_the_current_head():
    """Releasing a schema means keeping an encrypted file of it to test upgrades from."""
    assert (FIXTURES / f"schema-{migrate.head_revision()}.db").exists()


def _opened(fixture: str, tmp_path):
    path = tmp_path / fixture
    shutil.copyfile(FIXTURES / fixture, path)
    return open_vault(path, (FIXTURES / "PASSPHRASE.txt").read_text(encoding="utf-8").strip())


def test_a_file_from_before_safe_addresses_upgrades_with_none_recorded(tmp_path):
    from coordinator.services.letters import letters_for_mother

    with _opened("schema-0005.db", tmp_path) as vault:
        with vault.engine.connect() as con:
            safe = con.exec_driver_sql("SELECT count(safe_address) FROM mother").scalar()
            mother_id, letters = con.exec_driver_sql(
                "SELECT mother_id, count(*) FROM letter_sent GROUP BY mother_id LIMIT 1"
            ).one()
        assert safe == 0
        rows = letters_for_mother(vault, mother_id)
        assert len(rows) == letters and all(r.sections == () for r in rows)


def test_a_safe_address_and_a_letters_sections_survive_the_upgrade(tmp_path):
    from coordinator.services.letters import AddressChoice, letter_options, letters_for_mother

    with _opened("schema-0006.db", tmp_path) as vault:
        with vault.engine.connect() as con:
            mother_id = con.exec_driver_sql(
                "SELECT id FROM mother WHERE safe_address IS NOT NULL"
            ).scalar_one()
        options = letter_options(vault, mother_id)
        assert options.addresses[AddressChoice.SAFE] is None
        summary = next(r for r in letters_for_mother(vault, mother_id) if r.sections)
        assert [s.value for s in summary.sections] == ["identity", "needs"]
        assert summary.made_by == "coordinator"


def _alerts_and_plans(session, today):
    """Today's alerts, and the query plan of every statement the rules sent."""
    from coordinator.services import attention

    sent: list[tuple[str, object]] = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):  # noqa: ANN001
        sent.append((statement, parameters))

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", keep)
    try:
        found = attention.compute(session, today)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    raw = session.connection()
    plans = " | ".join(
        row[3]
        for statement, parameters in sent
        for row in raw.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
    )
    return found, plans


def test_the_today_indexes_change_no_alert_and_are_read_alone(tmp_path):
    """Migration 0007 adds indexes only: a file from before it shows the same alerts, in the
    same order, once upgraded; and the rules then read those indexes without the records."""
    from sqlalchemy.orm import Session

    from coordinator.storage.connection import make_engine

    path = tmp_path / "schema-0006.db"
    shutil.copyfile(FIXTURES / "schema-0006.db", path)
    passphrase = (FIXTURES / "PASSPHRASE.txt").read_text(encoding="utf-8").strip()
    today = date(2026, 12, 3)  # the day the file was made
    engine = make_engine(path, passphrase, create=False)
    try:
        with Session(engine) as session:
            before, plans_before = _alerts_and_plans(session, today)
    finally:
        engine.dispose()
    with open_vault(path, passphrase) as vault, vault.session() as session:
        after, plans_after = _alerts_and_plans(session, today)
    assert len({a.kind for a in before}) >= 5
    assert after == before
    for index in (
        "ix_mother_stage_today",
        "ix_consent_review_on",
        "ix_safeguarding_concern_open",
        "ix_contact_open_follow_up",
        "ix_contact_made_at",
        "ix_supervision_action_open",
    ):
        assert f"COVERING INDEX {index}" in plans_after, index
        assert f"COVERING INDEX {index}" not in plans_before, index
