"""The Matches list's service: the ids of the filtered matches in the order of any column,
then the rows of a window of those ids."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from coordinator import models as m
from coordinator.services import matching as M
from tests.unit.matching_db import TODAY, world


@pytest.fixture
def three(vault):
    """Anna (proposed today, with near), Other Mum (active since September, with full, two
    contacts made and a call that did not reach her) and Zara (ended, with far, no planned end)."""
    ids = world(vault)
    base = M.proposal_defaults(vault, ids["mother"], ids["near"], today=TODAY)
    ids["proposed"] = M.propose(
        vault, ids["mother"], ids["near"], base, today=TODAY, decided_by="Jo"
    )
    with vault.transaction() as s:
        zara = m.Mother(
            full_name="Zara Zed",
            referral_received_on=TODAY - timedelta(days=300),
            project_id=ids["project"],
        )
        s.add(zara)
        s.flush()
        ended = m.Match(
            mother_id=zara.id,
            volunteer_id=ids["far"],
            project_id=ids["project"],
            status=m.MatchStatus.ENDED,
            proposed_on=TODAY - timedelta(days=200),
            start_date=TODAY - timedelta(days=190),
            ended_on=TODAY - timedelta(days=20),
        )
        s.add(ended)
        s.flush()
        s.add(
            m.MatchStatusChange(
                match_id=ended.id,
                changed_on=TODAY - timedelta(days=20),
                from_status=m.MatchStatus.ACTIVE,
                to_status=m.MatchStatus.ENDED,
            )
        )
        active = s.query(m.Match).filter_by(mother_id=ids["other"]).one()
        active.planned_end_date = TODAY + timedelta(days=40)
        s.add(
            m.MatchStatusChange(
                match_id=active.id,
                changed_on=active.start_date,
                from_status=m.MatchStatus.PROPOSED,
                to_status=m.MatchStatus.ACTIVE,
            )
        )
        s.add(  # a call that did not reach her: not a contact made
            m.Contact(
                match_id=active.id,
                contact_at=datetime(2026, 11, 20, 10),
                medium=m.ContactMedium.PHONE,
                outcome=m.ContactOutcome.ATTEMPTED,
            )
        )
        for day in (3, 9):
            s.add(
                m.Contact(
                    match_id=active.id,
                    contact_at=datetime(2026, 11, day, 10),
                    medium=m.ContactMedium.PHONE,
                    outcome=m.ContactOutcome.MADE,
                )
            )
        ids["active"], ids["ended"] = active.id, ended.id
    return ids


def _order(vault, sort, descending=False, flt=None):
    return M.match_ids(vault, flt or M.MatchFilter(), sort, descending)


def test_every_column_sorts_and_reverses_with_empty_values_last(vault, three):
    proposed, active, ended = three["proposed"], three["active"], three["ended"]
    assert _order(vault, "mother") == [proposed, active, ended]  # Anna, Other, Zara
    assert _order(vault, "mother", True) == [ended, active, proposed]
    assert _order(vault, "volunteer") == [proposed, ended, active]  # Beata, Carol, Eve
    assert _order(vault, "status") == [proposed, active, ended]  # the lifecycle's order
    assert _order(vault, "status", True) == [ended, active, proposed]
    assert _order(vault, "since", True) == [proposed, ended, active]
    assert _order(vault, "last_contact", True) == [active, proposed, ended]  # ties: newest
    assert _order(vault, "last_contact")[0] == active  # the others have none: last
    planned = _order(vault, "planned_end")
    assert planned[0] == active and planned[-1] == ended
    assert _order(vault, "proposed", True) == [proposed, active, ended]
    with pytest.raises(ValueError):
        _order(vault, "shoe size")


def test_the_filters_and_the_search_narrow_the_ids(vault, three):
    assert _order(vault, "mother", flt=M.MatchFilter(status="ended")) == [three["ended"]]
    found = _order(vault, "since", flt=M.MatchFilter(text="zara"))
    assert found == [three["ended"]]
    assert _order(vault, "mother", flt=M.MatchFilter(volunteer_id=three["full"])) == [
        three["active"]
    ]


def test_rows_come_for_a_window_of_ids_in_its_order(vault, three):
    ids = _order(vault, "mother", True)
    rows = M.match_rows(vault, [ids[2], 999_999, ids[0]])
    assert [r.match_id for r in rows] == [ids[2], ids[0]]  # one no longer there: skipped
    active = M.match_rows(vault, [three["active"]])[0]
    assert (active.mother_name, active.status) == ("Other Mum", "active")
    assert active.last_contact == datetime(2026, 11, 9).date()  # the last one made
    assert active.planned_end == TODAY + timedelta(days=40)
    assert M.match_rows(vault, []) == []
    listed = M.list_matches(vault, M.MatchFilter(), offset=1, limit=1)
    assert [r.match_id for r in listed] == [three["active"]]  # newest proposal first
    assert replace(listed[0]) == M.match_rows(vault, [three["active"]])[0]
