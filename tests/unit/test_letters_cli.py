"""`coordinator print`: letters from the command line, with the app's safety rules."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from coordinator.services.records.projects import project_rows
from coordinator.storage.vault import open_vault
from tests.conftest import PASSPHRASE
from tests.letters import world
from tests.letters.pdftext import pdf_text


@pytest.fixture
def db(fresh_db):
    with open_vault(fresh_db, PASSPHRASE) as vault:
        world.build(vault)
    return fresh_db


def files_in(folder):
    return sorted(p.name for p in folder.iterdir())


def test_referral_summary_with_three_sections(cli, db, tmp_path):
    target = tmp_path / "summary.pdf"
    result = cli(
        "--db", str(db), "print", "referral-summary", "M0001", "--out", str(target),
        "--sections", "identity,pregnancy,support", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["pages"] >= 1 and payload["to"] == "Ольга Ковальчук, Health Visiting Team"
    text = pdf_text(target.read_bytes())
    assert "Pregnancy and baby" in text and "Support so far" in text
    assert "Needs" not in text and "Safeguarding" not in text


def test_no_letters_home_exits_1_says_why_and_writes_nothing(cli, db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result = cli(
        "--db", str(db), "print", "introduction", "M0002", "--out", str(out / "intro.pdf")
    )  # fmt: skip
    assert result.returncode == 1
    assert "no letters to her home address" in result.stderr
    assert "--address safe or --address none" in result.stderr
    assert files_in(out) == []

    result = cli(
        "--db", str(db), "print", "introduction", "M0002", "--address", "safe",
        "--out", str(out / "intro.pdf"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert files_in(out) == ["intro.pdf"]


def test_a_recorded_safe_address_is_where_the_letter_goes(cli, db, tmp_path):
    from coordinator.models import Mother

    with open_vault(db, PASSPHRASE) as vault, vault.transaction() as s:
        siobhan = s.query(Mother).filter_by(reference="M0004").one()
        siobhan.safe_address = "c/o Mrs Kaur\n5 Belgrave Gate"
    target = tmp_path / "ending.pdf"
    result = cli(
        "--db", str(db), "print", "ending", "M0004", "--address", "safe", "--out", str(target)
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = pdf_text(target.read_bytes())
    assert "c/o Mrs Kaur\n5 Belgrave Gate" in text and "Hidden Way" not in text


def test_summary_without_consent_is_refused_until_acknowledged(cli, db, tmp_path):
    target = tmp_path / "s.pdf"
    args = ("--db", str(db), "print", "referral-summary", "M0003", "--out", str(target))
    result = cli(*args, "--sections", "needs", "--json")
    assert result.returncode == 1
    assert "No consent" in json.loads(result.stdout)["error"]
    assert not target.exists()
    result = cli(*args, "--sections", "needs", "--acknowledge-no-consent")
    assert result.returncode == 0, result.stderr
    assert target.exists()


def test_safeguarding_needs_its_confirmation(cli, db, tmp_path):
    target = tmp_path / "s.pdf"
    args = ("--db", str(db), "print", "referral-summary", "M0001", "--out", str(target))
    assert cli(*args, "--sections", "safeguarding").returncode == 1
    assert not target.exists()
    assert cli(*args, "--sections", "safeguarding", "--confirm-safeguarding").returncode == 0


def test_offer_sheet_by_project_name_and_usage_errors(cli, db, tmp_path):
    target = tmp_path / "offer.pdf"
    result = cli("--db", str(db), "print", "offer", "bumps & beyond", "--out", str(target))
    assert result.returncode == 0, result.stderr
    assert "What we offer" in pdf_text(target.read_bytes())
    bad = cli("--db", str(db), "print", "referral-summary", "M0001", "--out", str(target),
              "--sections", "identity,supervision")  # fmt: skip
    assert bad.returncode == 2 and "Not a section: supervision" in bad.stderr
    nobody = cli("--db", str(db), "print", "ending", "M0999", "--out", str(tmp_path / "e.pdf"))
    assert nobody.returncode == 2 and "M0999" in nobody.stderr


@pytest.mark.parametrize(
    "letter", [("introduction", "M0001"), ("offer", "Bumps & Beyond")], ids=["letter", "offer"]
)
def test_no_letter_is_made_before_the_letterhead_names_the_charity(cli, fresh_db, tmp_path, letter):
    with open_vault(fresh_db, PASSPHRASE) as vault:
        world.build(vault, replace(world.letterhead(), charity_name=" "))
    out = tmp_path / "out"
    out.mkdir()
    result = cli("--db", str(fresh_db), "print", *letter, "--out", str(out / "letter.pdf"))
    assert result.returncode == 1
    assert "The letterhead does not name the charity yet" in result.stderr
    assert "Settings → Letters" in result.stderr and "Traceback" not in result.stderr
    assert files_in(out) == []


def test_the_demo_prints_on_its_letterhead(cli, fresh_db, tmp_path):
    assert (
        cli("--db", str(fresh_db), "demo", "--mothers", "12", "--volunteers", "6").returncode == 0
    )
    out = tmp_path / "offer.pdf"
    with open_vault(fresh_db, PASSPHRASE) as vault:
        project = project_rows(vault)[0].name
    result = cli("--db", str(fresh_db), "print", "offer", project, "--out", str(out))
    assert result.returncode == 0, result.stderr
    words = pdf_text(out.read_bytes())
    assert "Bridgeway Family Friends" in words and "1234567" in words
