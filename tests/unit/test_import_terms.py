"""Values not in her lists: real languages are known and added, the others are gathered per
column, and each can be mapped to a term, added to her list, or refused; only a value that
cannot be right rejects a row."""

from __future__ import annotations

import json

from sqlalchemy import select

from coordinator import models as m
from coordinator.services import vocabularies
from coordinator.services.importing import REJECT, import_file, unknown_values
from coordinator.services.languages import identify, label_for
from coordinator.services.records.mothers import load_mother
from tests.unit.test_import_helpers import TODAY, write_csv

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
HEADER = ["Mum's name", "Main language", "Other languages", "Needs", "Referred by", "Referrer"]


def referrals(tmp_path):
    return write_csv(tmp_path / "referrals.csv", [
        HEADER,
        ["Amy Ashworth", "Irish", "BSL; Twi", "First baby", "Midwife", "Jo Bloggs"],
        ["Bea Brown", "igbo", "", "Jet lag", "Perinatal MH team", "Dr Rao"],
        ["Cat Cole", "Elvish", "", "Social isolation", "GP", "Dr Singh"],
        ["Dee Dawson", "Polish", "Farsi", "Flying; First baby", "Family nurse", "Sam Reed"],
    ])  # fmt: skip


def labels(vault, vocabulary="language"):
    return [t.label for t in vocabularies.terms(vault, vocabulary)]


def test_any_real_language_or_sign_language_is_known_by_name_or_code():
    assert identify("Igbo").tag == "ig"
    assert identify("twi").name == "Twi"
    assert identify("BSL").tag == "bfi" and identify("British Sign Language").tag == "bfi"
    assert identify("ISL").name == "Irish Sign Language"
    assert identify("Farsi").tag == identify("fa").tag == "fa"
    assert label_for("ig") == "Igbo" and label_for("igbo") == "Igbo"
    assert label_for("BSL") == "British Sign Language"
    for not_a_language in ("Elvish", "Yes", "No", "GP", "Perinatal MH team", "", "x" * 80):
        assert identify(not_a_language) is None, not_a_language


def test_real_languages_are_added_to_her_list_and_only_impossible_values_reject(vault, tmp_path):
    before = labels(vault)
    report = import_file(vault, "mothers", referrals(tmp_path), today=TODAY)

    assert report.added_terms == {"languages": ["Irish", "Twi", "Igbo"]}
    assert "Added to your list of languages: Irish, Twi, Igbo." in report.notes
    assert labels(vault) == before + ["Irish", "Twi", "Igbo"]
    reasons = {r.row: r.reason for r in report.rejected}
    assert set(reasons) == {3, 4, 5}
    assert "'Jet lag' is not in your list of needs" in reasons[3]
    assert "'Elvish' is not in your list of languages" in reasons[4]
    assert "'Flying' is not in your list of needs" in reasons[5]
    assert "'Family nurse' is not one Coordinator knows" in reasons[5]
    mother = load_mother(vault, report.ids[0])
    by_id = {t.id: t.label for t in vocabularies.terms(vault, "language")}
    assert by_id[mother.language_id] == "Irish"
    assert sorted(by_id[i] for i in mother.other_language_ids) == ["British Sign Language", "Twi"]
    with vault.session() as session:
        codes = dict(session.execute(select(m.Language.label, m.Language.code)).all())
    assert codes["Igbo"] == "ig" and codes["Twi"] == "tw"


def test_the_values_not_in_her_lists_are_gathered_per_column(vault, tmp_path):
    found = {c.column: c for c in unknown_values(vault, "mothers", referrals(tmp_path))}

    assert set(found) == {"Main language", "Other languages", "Needs", "Referred by"}
    main = {v.value: v for v in found["Main language"].values}
    assert set(main) == {"Irish", "igbo", "Elvish"}
    assert main["igbo"].language == "Igbo" and main["Elvish"].language is None
    assert found["Main language"].can_add and "Polish" in found["Main language"].choices
    assert [v.value for v in found["Other languages"].values] == ["Twi"]  # BSL, Farsi known
    assert {(v.value, v.rows) for v in found["Needs"].values} == {("Jet lag", 1), ("Flying", 1)}
    sources = found["Referred by"]
    assert not sources.can_add and sources.field == "referral_source"
    assert [v.value for v in sources.values] == ["Family nurse"]  # "Perinatal MH team" known
    assert "Health visitor" in sources.choices


def test_mapped_values_and_new_terms_let_every_row_in(vault, tmp_path):
    values = {
        "Main language": {"Elvish": "English"},
        "Needs": {"Jet lag": "Social isolation", "Flying": "Fear of flying"},
        "Referred by": {"Family nurse": "Health visitor"},
    }
    report = import_file(
        vault, "mothers", referrals(tmp_path), values=values, add_new_terms=True, today=TODAY
    )
    assert report.rejected == []
    assert report.imported == 4
    assert report.added_terms["needs"] == ["Fear of flying"]
    assert "Fear of flying" in labels(vault, "need")
    cat = load_mother(vault, report.ids[2])
    english = next(t.id for t in vocabularies.terms(vault, "language") if t.label == "English")
    assert cat.language_id == english
    dee = load_mother(vault, report.ids[3])
    assert dee.referral_source is m.ReferralSource.HEALTH_VISITOR


def test_a_value_she_refuses_rejects_its_rows_and_a_dry_run_adds_no_terms(vault, tmp_path):
    before = labels(vault)
    report = import_file(
        vault,
        "mothers",
        referrals(tmp_path),
        values={"Main language": {"Elvish": REJECT}},
        add_new_terms=True,
        dry_run=True,
        today=TODAY,
    )
    assert [r.row for r in report.rejected] == [4, 5]  # a referral source cannot be added
    assert "You chose not to import rows with 'Elvish'" in report.rejected[0].reason
    assert "'Family nurse' is not one Coordinator knows" in report.rejected[1].reason
    assert "Would add to your list of languages: Irish, Twi, Igbo." in report.notes
    assert labels(vault) == before


def test_the_command_line_takes_values_and_add_new_terms(cli, fresh_db, tmp_path):
    path = referrals(tmp_path)
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({
        "columns": {"Referrer": "referrer_name"},
        "values": {"Main language": {"Elvish": "English"}, "Referred by": {"Family nurse": "GP"}},
    }))  # fmt: skip
    args = ("import", "mothers", str(path), "--db", str(fresh_db), "--json")
    refused = cli(*args, "--mapping", str(mapping), "--dry-run")
    assert refused.returncode == EXIT_REJECTED, refused.stderr
    assert [r["row"] for r in json.loads(refused.stdout)["rejected"]] == [3, 5]  # needs unknown

    done = cli(*args, "--mapping", str(mapping), "--add-new-terms")
    assert done.returncode == EXIT_OK, done.stderr
    result = json.loads(done.stdout)
    assert result["imported"] == 4
    assert result["added"] == {
        "languages": ["Irish", "Twi", "Igbo"],
        "needs": ["Jet lag", "Flying"],
    }
    assert "Added to your list of needs: Jet lag, Flying." in result["notes"]

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"values": {"Needs": ["Flying"]}}))
    wrong = cli(*args, "--mapping", str(bad))
    assert wrong.returncode == EXIT_USAGE
    assert '"values"' in json.loads(wrong.stdout)["error"] and "Traceback" not in wrong.stderr
