"""The volunteers read for ranking are kept until a save could have changed them: a contact
or a mother's record saved keeps them, anything about volunteers or matches reads again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, text

from coordinator import models as m
from coordinator.services import matching as M
from coordinator.services.matching import pool
from coordinator.services.matching.freshness import changes_pool
from tests.unit.matching_db import TODAY, language, world


def _kept(vault):
    with vault.session() as s:
        return pool.volunteer_pool(s, TODAY)


def _match_of(vault, mother_id):
    with vault.session() as s:
        return s.scalar(select(m.Match.id).where(m.Match.mother_id == mother_id))


def test_a_contact_or_a_mothers_edit_keeps_the_volunteers_read(vault):
    ids = world(vault)
    first = _kept(vault)
    with vault.transaction() as s:
        s.get(m.Mother, ids["mother"]).preferred_name = "Ania"
        s.add(
            m.Contact(
                match_id=_match_of(vault, ids["other"]),
                contact_at=datetime(2026, 11, 30, 10, 0),
                medium=m.ContactMedium.PHONE,
                outcome=m.ContactOutcome.MADE,
            )
        )
    assert _kept(vault) is first
    assert M.suggest(vault, ids["mother"], today=TODAY).mother.name == "Anna Nowak (Ania)"


def test_a_volunteer_changed_is_read_again_and_ranked_as_she_is_now(vault):
    ids = world(vault)
    before = M.suggest(vault, ids["mother"], today=TODAY)
    assert [c.volunteer_id for c in before.candidates] == [ids["near"], ids["far"]]
    with vault.transaction() as s:
        far = s.get(m.Volunteer, ids["far"])
        far.languages.append(language(s, "pl"))
        far.postcode = "LS6 2AB"
    after = M.suggest(vault, ids["mother"], today=TODAY)
    assert [c.volunteer_id for c in after.candidates] == [ids["far"], ids["near"]]


def test_a_match_saved_in_plain_sql_frees_her_place_at_the_next_ranking(vault):
    ids = world(vault)
    assert ids["full"] in {
        x.volunteer_id for x in M.suggest(vault, ids["mother"], today=TODAY).excluded
    }
    with vault.transaction() as s:
        s.execute(text("UPDATE \"match\" SET status = 'ended', ended_on = start_date"))
    ranked = M.suggest(vault, ids["mother"], today=TODAY).candidates
    assert ids["full"] in {c.volunteer_id for c in ranked}


def test_a_write_rolled_back_keeps_the_volunteers_read(vault):
    ids = world(vault)
    first = _kept(vault)
    with vault.session() as s:
        s.get(m.Volunteer, ids["far"]).postcode = "LS1 1AA"
        s.flush()
        s.rollback()
    assert _kept(vault) is first


def test_only_writes_to_tables_ranking_never_reads_are_harmless():
    assert not changes_pool("SELECT v.id FROM volunteer v")
    assert not changes_pool("INSERT INTO contact (match_id) VALUES (?)")
    assert not changes_pool("UPDATE mother SET stage=? WHERE mother.id = ?")
    assert changes_pool('UPDATE "match" SET status=? WHERE "match".id = ?')
    assert changes_pool("INSERT INTO volunteer_language (volunteer_id, language_id) VALUES (?, ?)")
    assert changes_pool("DELETE FROM project WHERE project.id = ?")
    assert changes_pool("WITH x AS (SELECT 1) UPDATE volunteer SET status = 'left'")
    assert not changes_pool("WITH x AS (SELECT 1) SELECT * FROM x")
    assert changes_pool("DROP TABLE anything")
