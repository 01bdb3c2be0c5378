"""Today's alerts and the contact log on the 50,000-mother / 5,000-volunteer demo (its
contacts: well over 100,000).

- Every alert rule, in one session, as the Today page computes them. Baseline, measured in
  the same run on the same database: the SQL the slowest rule sends, replayed raw (the
  statements captured from that rule, run with exec_driver_sql and fetched, nothing else).
  Target (issue 11): 150 ms median.
- Saving a contact and opening the next empty one (what Enter does in the contact dialog).
  Baseline: a raw INSERT of one contact row plus the raw SELECT of the match's last contact.
  Target: 30 ms median.
"""

from __future__ import annotations

import dataclasses
import shutil
import time
from datetime import date, datetime

import pytest
from sqlalchemy import event, func, select

from coordinator import models as m
from coordinator.services import attention, contacts
from coordinator.storage.vault import open_vault
from tests.bench.conftest import demo_database, median_seconds
from tests.conftest import PASSPHRASE

TODAY = date.today()  # the demo is made relative to the day it was built
ROUNDS = 15
ALERTS_MS, SAVE_MS = 150.0, 30.0
BIG_CACHE_MB = 128


@pytest.fixture(scope="module")
def vault():
    path = demo_database(50_000, 5_000)
    with open_vault(path, PASSPHRASE, lock=False, check_pages=False) as opened:
        yield opened


def _captured(session, rule) -> list[tuple[str, object]]:
    """The statements (SQL, parameters) one rule sends."""
    sent: list[tuple[str, object]] = []
    engine = session.get_bind()

    def keep(_conn, _cursor, statement, parameters, _context, _many):  # noqa: ANN001
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        rule(session, TODAY)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    return sent


def test_all_alerts_on_the_large_demo(benchmark, vault):
    with vault.session() as session:
        contacts_held = session.scalar(select(func.count()).select_from(m.Contact))
        assert contacts_held >= 100_000, contacts_held
        attention.compute(session, TODAY)  # warm: the page cache, as after unlocking
        took, _ = median_seconds(lambda: attention.compute(session, TODAY), ROUNDS)
        per_rule = {}
        for rule in attention.rules():
            per_rule[rule.__name__], _ = median_seconds(lambda r=rule: r(session, TODAY), 5)
        slowest = max(per_rule, key=per_rule.get)
        rule = next(r for r in attention.rules() if r.__name__ == slowest)
        statements = _captured(session, rule)
        raw = session.connection()

        def replay() -> None:
            for sql, params in statements:
                raw.exec_driver_sql(sql, params).fetchall()

        baseline, _ = median_seconds(replay, ROUNDS)
        found = attention.compute(session, TODAY)
        # For comparison only: the same with a page cache that holds what Today reads
        # (the connection's own is set by storage); most of the time above is decrypting
        # pages again that a small cache could not keep.
        default_cache = raw.exec_driver_sql("PRAGMA cache_size").scalar()
        raw.exec_driver_sql(f"PRAGMA cache_size = -{BIG_CACHE_MB * 1024}")
        attention.compute(session, TODAY)
        big_cache, _ = median_seconds(lambda: attention.compute(session, TODAY), ROUNDS)
        raw.exec_driver_sql(f"PRAGMA cache_size = {default_cache}")
    benchmark.extra_info.update(
        alerts_ms=round(took * 1000, 2),
        slowest_rule=slowest,
        slowest_rule_ms=round(per_rule[slowest] * 1000, 2),
        slowest_raw_sql_ms=round(baseline * 1000, 2),
        ratio=round(took / baseline, 2),
        alerts_with_big_cache_ms=round(big_cache * 1000, 2),
        alerts=len(found),
        contacts=contacts_held,
    )
    rules_text = ", ".join(f"{k} {v * 1000:.1f}" for k, v in sorted(per_rule.items()))
    print(
        f"\nall alerts: {took * 1000:.1f} ms median ({len(found)} alerts, {contacts_held} "
        f"contacts); slowest rule {slowest} {per_rule[slowest] * 1000:.1f} ms, its raw SQL "
        f"{baseline * 1000:.1f} ms; ratio {took / baseline:.2f}\nper rule (ms): {rules_text}"
        f"\nwith a {BIG_CACHE_MB} MB page cache (default {default_cache}): all alerts "
        f"{big_cache * 1000:.1f} ms median"
    )
    benchmark.pedantic(lambda: None, rounds=1)
    assert took * 1000 <= ALERTS_MS


@pytest.fixture
def scratch(tmp_path):
    """A copy of the large demo, so that the contacts saved here do not stay in it."""
    copy = tmp_path / "scratch.db"
    shutil.copyfile(demo_database(50_000, 5_000), copy)
    with open_vault(copy, PASSPHRASE, lock=False, check_pages=False) as opened:
        yield opened


def test_saving_a_contact_and_opening_the_next(benchmark, scratch):
    vault = scratch
    (live,) = contacts.live_matches(vault)[:1]
    now = datetime.combine(TODAY, datetime.now().time())
    # What she types: the remembered medium and support, a length and a note. (Signposting
    # would need a service picked too, so the remembered support is replaced.)
    entry = dataclasses.replace(
        contacts.blank_contact(vault, live.match_id, now),
        supports=(m.SupportType.ACTIVE_LISTENING,),
        duration_minutes=20,
        notes="Phoned in: a good week; the baby is feeding well.",
    )

    def save_and_next() -> None:
        contacts.save_contact(vault, entry, now=now)
        contacts.blank_contact(vault, live.match_id, now)

    def raw() -> None:
        with vault.engine.begin() as con:
            con.exec_driver_sql(
                "INSERT INTO contact (match_id, contact_at, medium, outcome,"
                " safeguarding_escalated, reported_by, created_at, updated_at)"
                " VALUES (?, ?, 'phone', 'made', 0, 'volunteer', ?, ?)",
                (live.match_id, now.isoformat(" "), now.isoformat(" "), now.isoformat(" ")),
            )
            con.exec_driver_sql(
                "SELECT id, medium FROM contact WHERE match_id = ?"
                " ORDER BY contact_at DESC, id DESC LIMIT 1",
                (live.match_id,),
            ).fetchall()

    save_and_next()  # warm
    started = time.perf_counter()
    took, _ = median_seconds(save_and_next, ROUNDS)
    baseline, _ = median_seconds(raw, ROUNDS)
    elapsed = time.perf_counter() - started
    benchmark.extra_info.update(
        save_and_next_ms=round(took * 1000, 2),
        raw_insert_and_select_ms=round(baseline * 1000, 2),
        ratio=round(took / baseline, 2),
    )
    print(
        f"\nsave a contact + open the next: {took * 1000:.1f} ms median; raw INSERT + SELECT "
        f"{baseline * 1000:.1f} ms; ratio {took / baseline:.2f} ({elapsed:.1f} s in all)"
    )
    benchmark.pedantic(lambda: None, rounds=1)
    assert took * 1000 <= SAVE_MS
