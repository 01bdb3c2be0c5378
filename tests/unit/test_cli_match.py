"""The `match` commands run as a real subprocess: JSON shapes, exit codes, what is saved."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from sqlalchemy import select

from coordinator import models as m
from coordinator.services import matching as M
from coordinator.storage.vault import open_vault
from tests.conftest import PASSPHRASE
from tests.unit.matching_db import world

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_CANNOT_OPEN = 0, 1, 2, 3


@pytest.fixture
def db(fresh_db):
    """A small project: Anna (M0001) waiting; Beata (V0001) and Carol (V0002) can support
    her, Dee (V0003) is paused with no DBS check, Eve (V0004) is at capacity."""
    with open_vault(fresh_db, PASSPHRASE) as vault:
        world(vault)
    return str(fresh_db)


def _json(done):
    assert done.stdout, done.stderr
    return json.loads(done.stdout)


def test_suggest_prints_candidates_best_first_and_every_exclusion(cli, db):
    done = cli("match", "suggest", "m1", "--db", db, "--json")
    assert done.returncode == EXIT_OK, done.stderr
    found = _json(done)
    assert set(found) == {"mother", "candidates", "excluded"} and found["mother"] == "M0001"
    assert [c["volunteer"] for c in found["candidates"]] == ["V0001", "V0002"]
    best = found["candidates"][0]
    assert set(best) == {"volunteer", "name", "score", "contributions"}
    assert {"criterion", "points", "why"} == set(best["contributions"][0])
    assert round(sum(c["points"] for c in best["contributions"]), 1) == best["score"]
    assert {"criterion": "language", "points": 8.0, "why": "Both speak Polish"} in best[
        "contributions"
    ]
    assert found["excluded"] == [
        {
            "volunteer": "V0003",
            "name": "Dee Paused",
            "reasons": ["Not active (status: Paused)", "No DBS check recorded"],
        },
        {
            "volunteer": "V0004",
            "name": "Eve Full",
            "reasons": ["At capacity (1 of 1 places taken)"],
        },
    ]
    top = _json(cli("match", "suggest", "1", "--top", "1", "--db", db, "--json"))
    assert [c["volunteer"] for c in top["candidates"]] == ["V0001"]
    words = cli("match", "suggest", "M0001", "--db", db)
    assert "V0001  Beata Kowalska" in words.stdout and "Both speak Polish" in words.stdout


def test_a_mother_that_is_not_there_or_not_a_mother_is_a_usage_error(cli, db):
    for who, said in (
        ("M0042", "no mother"),
        ("V0001", "not a mother"),
        ("Anna", "not a reference"),
    ):
        done = cli("match", "suggest", who, "--db", db)
        assert done.returncode == EXIT_USAGE and said in done.stderr
        assert "Traceback" not in done.stderr


def test_propose_saves_a_proposal_or_refuses_with_every_reason(cli, db):
    refused = cli("match", "propose", "M0001", "V0003", "--db", db, "--json")
    assert refused.returncode == EXIT_REJECTED
    assert _json(refused)["reasons"] == ["Not active (status: Paused)", "No DBS check recorded"]
    words = cli("match", "propose", "M0001", "V0003", "--db", db)
    assert words.returncode == EXIT_REJECTED and "No DBS check recorded" in words.stdout

    done = cli(
        "match",
        "propose",
        "M0001",
        "V0001",
        "--note",
        "Both Polish",
        "--by",
        "Jo",
        "--db",
        db,
        "--json",
    )
    assert done.returncode == EXIT_OK, done.stderr
    saved = _json(done)
    assert (saved["mother"], saved["volunteer"], saved["status"]) == ("M0001", "V0001", "proposed")
    with open_vault(db, PASSPHRASE) as vault:
        detail = M.match_detail(vault, saved["match"])
    assert detail.rationale == "Both Polish" and detail.decided_by == "Jo"
    assert round(sum(s.points for s in detail.scores), 1) == saved["score"]
    again = cli("match", "propose", "M0001", "V0002", "--db", db)
    assert again.returncode == EXIT_REJECTED and "already has a proposed match" in again.stdout


def test_waiting_plans_the_list_and_saves_it_only_when_asked(cli, db, tmp_path):
    done = cli("match", "waiting", "--project", "bumps", "--db", db, "--json")
    assert done.returncode == EXIT_OK, done.stderr
    plan = _json(done)
    assert set(plan) == {"proposals", "unmatched", "total_score"}
    assert [(p["mother"], p["volunteer"]) for p in plan["proposals"]] == [("M0001", "V0001")]
    assert set(plan["proposals"][0]) == {"mother", "volunteer", "score"}
    assert plan["unmatched"] == [] and plan["total_score"] == plan["proposals"][0]["score"]
    with open_vault(db, PASSPHRASE) as vault:
        assert M.count_matches(vault, M.MatchFilter(status="proposed")) == 0

    saved = cli("match", "waiting", "--save", "--db", db)
    assert saved.returncode == EXIT_OK and "Saved 1 proposed matches." in saved.stdout
    with open_vault(db, PASSPHRASE) as vault:
        assert M.count_matches(vault, M.MatchFilter(status="proposed")) == 1
    nothing = _json(cli("match", "waiting", "--db", db, "--json"))
    assert nothing == {"proposals": [], "unmatched": [], "total_score": 0.0}
    unknown = cli("match", "waiting", "--project", "Nope", "--db", db)
    assert unknown.returncode == EXIT_USAGE and "no project called 'Nope'" in unknown.stderr

    out = tmp_path / "matches.csv"
    exported = cli("export", "matches", "--out", str(out), "--db", db)
    assert exported.returncode == EXIT_OK, exported.stderr
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    mine = next(r for r in rows if r["Mother's reference"] == "M0001")
    assert mine["Status"] == "Proposed" and float(mine["Score"]) == plan["proposals"][0]["score"]


def test_a_mother_no_one_can_support_is_listed_unmatched_with_why(cli, db):
    with open_vault(db, PASSPHRASE) as vault, vault.transaction() as s:
        project = s.scalars(select(m.Project)).one()
        s.add(
            m.Mother(
                full_name="Nora Far",
                referral_received_on=date(2026, 8, 1),
                stage=m.MotherStage.WAITING,
                project_id=project.id,
                postcode="LS6 2AB",
                preferred_volunteer_gender=m.GenderPreference.MALE,
            )
        )
    plan = _json(cli("match", "waiting", "--db", db, "--json"))
    assert [p["mother"] for p in plan["proposals"]] == ["M0001"]
    (nora,) = plan["unmatched"]
    assert nora["mother"] == "M0003" and nora["reasons"]
    assert any("gender" in reason.lower() for reason in nora["reasons"]), nora
    words = cli("match", "waiting", "--db", db)
    assert words.returncode == EXIT_OK and "M0003 not matched:" in words.stdout
    saved = _json(cli("match", "waiting", "--save", "--db", db, "--json"))
    assert [p["mother"] for p in saved["proposals"]] == ["M0001"]
    with open_vault(db, PASSPHRASE) as vault:
        assert M.count_matches(vault, M.MatchFilter(status="proposed")) == 1


@pytest.mark.parametrize(
    "command",
    [
        ("match", "suggest", "M0001"),
        ("match", "propose", "M0001", "V0001"),
        ("match", "waiting"),
    ],
)
def test_every_match_command_refuses_a_wrong_passphrase_or_a_missing_file(cli, db, command):
    wrong = cli(*command, "--db", db, "--json", passphrase="not the passphrase")
    assert wrong.returncode == EXIT_CANNOT_OPEN and "Traceback" not in wrong.stderr
    missing = cli(*command, "--db", db + ".nope", "--json")
    assert missing.returncode == EXIT_CANNOT_OPEN and "Traceback" not in missing.stderr
    with open_vault(db, PASSPHRASE) as vault:
        assert M.count_matches(vault, M.MatchFilter()) == 1  # only the one world() made
