"""Exporting to CSV and XLSX: formula injection, the round trip back through the importer,
restriction to a filtered list, atomic private files and the audit trail."""

from __future__ import annotations

import csv
import io
import os
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from coordinator import models as m
from coordinator.services.exporting import ExportError, export, load_records
from coordinator.services.importing import import_file
from coordinator.services.importing.values import neutralise, unneutralise
from tests.people import add_project
from tests.unit.test_import_helpers import TODAY, names, open_copy

DANGEROUS = ['=HYPERLINK("http://x","y")', "+44 thing", "-2+3", "@SUM(A1)", "'=quoted"]


def read_back(path: Path) -> list[list[object]]:
    if path.suffix == ".csv":
        return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    book = openpyxl.load_workbook(path)
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def vocab(session, model, *codes):
    return [session.scalars(select(model).where(model.code == c)).one() for c in codes]


def fill(vault) -> None:
    """Records using every kind of field: dates, booleans, choices, lists, diacritics."""
    project = add_project(vault, "Bumps & Babies, Leicester")
    add_project(vault, "Little Steps")
    with vault.transaction() as s:
        pl, ur, en = vocab(s, m.Language, "pl", "ur", "en")
        s.add(
            m.Mother(
                full_name="Zoë Brontë",
                preferred_name="Zo",
                date_of_birth=date(1995, 4, 3),
                address_line1="Flat 2, 10 Saffron Lane",
                town="Leicester",
                postcode="LE2 6TH",
                phone="07700 900123",
                email="zoe@example.org",
                safe_contact_method=m.SafeContactMethod.TEXT,
                safe_contact_times="After 6pm",
                no_letters_home=True,
                no_voicemail=True,
                safe_contact_notes="Partner reads post",
                safe_address="c/o Mrs Kaur\n5 Belgrave Gate\nLeicester LE1 3GQ",
                language=pl,
                other_languages=[ur, en],
                interpreter_needed=True,
                project_id=project,
                edd=date(2026, 5, 31),
                edd_is_approximate=True,
                weeks_pregnant_at_referral=22,
                multiple_birth=True,
                other_children=2,
                midwife_name="Siân Hughes",
                health_visitor_name="Ann",
                gp_name="Dr Ćwik",
                gp_practice="Saffron Surgery",
                referral_received_on=date(2026, 1, 20),
                referral_source=m.ReferralSource.MIDWIFE,
                referrer_name="Renée O'Neill",
                referrer_agency="LRI",
                referrer_phone="0116 496 0123",
                referrer_email="renee@example.nhs.uk",
                referral_reasons="Isolated;\nnew to the city",
                stage=m.MotherStage.WAITING,
                stage_changed_on=date(2026, 2, 1),
                support_plan="Weekly visits",
                prefers_shared_language=True,
                culture_faith_preference="Muslim",
                preferred_volunteer_gender=m.GenderPreference.FEMALE,
                matching_exclusions="Not Jo",
                ethnicity=m.Ethnicity.WHITE_OTHER,
                disability=m.Disability.PREFER_NOT_TO_SAY,
                start_outcome_score=3,
                needs=vocab(s, m.Need, "first_baby", "social_isolation", "limited_english"),
                wanted_experiences=vocab(s, m.ExperienceTag, "migration", "twins"),
                availability=[
                    m.MotherAvailability(weekday=0, part_of_day=m.PartOfDay.MORNING),
                    m.MotherAvailability(weekday=4, part_of_day=m.PartOfDay.EVENING),
                ],
            )
        )
        s.add(
            m.Mother(
                full_name=DANGEROUS[0],
                referral_received_on=date(2021, 3, 1),
                edd=date(2021, 6, 1),
                baby_dob=date(2021, 5, 30),
                stage=m.MotherStage.CLOSED,
                stage_changed_on=date(2021, 9, 1),
                closure_reason=m.ClosureReason.SUPPORT_COMPLETE,
                closure_reason_note=DANGEROUS[2],
                end_outcome_score=9,
                phone="+33 1 23 45 67 89",
            )
        )
        s.add(
            m.Mother(
                full_name="Ola",
                referral_received_on=date(2026, 2, 2),
                stage_changed_on=date(2026, 2, 2),
            )
        )
        s.add(
            m.Volunteer(
                full_name="Łucja Nowak",
                preferred_name="Lucy",
                date_of_birth=date(1980, 1, 2),
                gender=m.Gender.FEMALE,
                phone="07700 900200",
                email="lucja@example.org",
                address_line1="1 High St",
                town="Leicester",
                postcode="LE1 1AA",
                status=m.VolunteerStatus.ACTIVE,
                status_since=date(2025, 6, 1),
                induction_completed_on=date(2025, 5, 1),
                id_seen_on=date(2025, 4, 1),
                faith_culture="Catholic",
                travel_radius_km=7.5,
                max_matches=3,
                supervisor_name="Kate",
                notes=DANGEROUS[3],
                languages=[pl, en],
                experiences=vocab(s, m.ExperienceTag, "young_mum"),
                projects=[s.get(m.Project, project)],
                areas=[m.VolunteerArea(area="Leicester, north")],
                availability=[
                    m.VolunteerAvailability(weekday=2, part_of_day=m.PartOfDay.AFTERNOON)
                ],
                dbs_checks=[
                    m.DBSCheck(
                        check_type=m.DbsCheckType.ENHANCED_BARRED,
                        certificate_number="001234567890",
                        issue_date=date(2025, 3, 1),
                        update_service=True,
                        next_check_due=date(2028, 3, 1),
                    )
                ],
            )
        )
        s.add(
            m.Volunteer(
                full_name="Ben",
                status=m.VolunteerStatus.LEFT,
                status_since=date(2025, 12, 1),
                left_on=date(2025, 12, 1),
                leaving_reason=DANGEROUS[4],
                areas=[m.VolunteerArea(area="Oadby"), m.VolunteerArea(area="Wigston")],
            )
        )
        s.add(
            m.LocalService(
                name="Food for All",
                category=vocab(s, m.ServiceCategory, "food_bank")[0],
                phone="0116 496 0999",
                email="hello@example.org",
                website="https://example.org",
                address="1 Road\nLeicester",
                postcode="LE1 2AB",
                area="Leicester",
                eligibility=DANGEROUS[1],
                how_to_refer="Phone",
                notes="Mondays",
                active=False,
            )
        )
        s.add(m.LocalService(name="Baby Bank", area="Luton"))


def clean(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in ("id", "created_at", "updated_at")}
            for r in records]  # fmt: skip


def copy_with_its_projects(vault, template, tmp_path):
    """Another fresh database, open, with the projects `vault` has (by name, in order)."""
    with vault.session() as s:
        projects = list(s.scalars(select(m.Project.name).order_by(m.Project.id)))
    other = open_copy(template, tmp_path / "empty.db")
    for name in projects:
        add_project(other, name)
    return other


def check_same_records(vault, other, kind: str) -> None:
    """Both databases hold the same records of that kind, but for ids and timestamps."""
    with vault.session() as a, other.session() as b:
        assert clean(load_records(b, kind, None)) == clean(load_records(a, kind, None))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("kind", ["mothers", "volunteers", "services"])
def test_export_then_import_gives_back_the_same_records(
    vault, tmp_path, _template_db, kind, suffix
):
    fill(vault)
    result = export(vault, kind, tmp_path / f"{kind}{suffix}")
    assert result.count == {"mothers": 3, "volunteers": 2, "services": 2}[kind]
    with copy_with_its_projects(vault, _template_db, tmp_path) as other:
        report = import_file(other, kind, result.path, today=TODAY)
        assert (report.rejected, report.unmapped, report.duplicates) == ([], [], [])
        assert report.imported == result.count
        check_same_records(vault, other, kind)
        again = import_file(other, kind, result.path, today=TODAY)
        assert again.imported == 0 and len(again.duplicates) == result.count


def test_cells_that_could_run_as_formulas_are_neutralised(vault, tmp_path):
    fill(vault)
    for suffix in (".csv", ".xlsx"):
        rows = read_back(export(vault, "mothers", tmp_path / f"m{suffix}").path)
        cells = [c for row in rows[1:] for c in row if isinstance(c, str)]
        assert '\'=HYPERLINK("http://x","y")' in cells and "'-2+3" in cells
        assert "'+33 1 23 45 67 89" in cells  # a phone number outside the UK
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    book = openpyxl.load_workbook(tmp_path / "m.xlsx")
    assert all(c.data_type != "f" for row in book.active.iter_rows() for c in row)
    for text in DANGEROUS + ["\tTab", "\rReturn", "''=two quotes", "plain", "O'Neill"]:
        assert unneutralise(neutralise(text)) == text


def test_xlsx_export_has_real_dates_and_numbers(vault, tmp_path):
    fill(vault)
    book = openpyxl.load_workbook(export(vault, "mothers", tmp_path / "m.xlsx").path)
    sheet = book.active
    assert sheet.title == "Mothers" and sheet["A1"].font.b
    header = [c.value for c in sheet[1]]
    dob = sheet.cell(2, header.index("Date of birth") + 1)
    assert dob.value == datetime(1995, 4, 3) and dob.number_format == "DD/MM/YYYY"
    assert sheet.cell(2, header.index("Other children") + 1).value == 2
    assert sheet.cell(2, header.index("Safe address") + 1).value == (
        "c/o Mrs Kaur\n5 Belgrave Gate\nLeicester LE1 3GQ"
    )
    assert sheet.cell(2, header.index("Needs") + 1).value == (
        "First baby; Social isolation; Limited English"
    )


def test_csv_export_has_a_byte_order_mark_and_uk_dates(vault, tmp_path):
    fill(vault)
    path = export(vault, "volunteers", tmp_path / "v.csv").path
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = read_back(path)
    assert rows[0][:4] == ["Reference", "Full name", "Preferred name", "Date of birth"]
    lucja = dict(zip(rows[0], rows[1], strict=True))
    assert lucja["Full name"] == "Łucja Nowak" and lucja["Date of birth"] == "02/01/1980"
    assert lucja["Reference"] == "V0001"
    assert lucja["DBS type"] == "Enhanced with barred list" and lucja["DBS update service"] == "Yes"
    assert lucja["Areas"] == "Leicester, north;"  # a lone item with a comma stays one item
    assert lucja["Availability"] == "Wed afternoon" and lucja["Travel radius (km)"] == "7.5"


def test_export_is_restricted_to_the_given_ids_in_their_order(vault, tmp_path):
    fill(vault)
    with vault.session() as s:
        ids = dict(s.execute(select(m.Mother.full_name, m.Mother.id)).all())
    wanted = [ids["Ola"], ids["Zoë Brontë"], 99_999]
    result = export(vault, "mothers", tmp_path / "some.csv", ids=wanted)
    assert result.count == 2
    assert [r[1] for r in read_back(result.path)[1:]] == ["Ola", "Zoë Brontë"]
    assert export(vault, "mothers", tmp_path / "none.csv", ids=[]).count == 0


def test_export_file_is_private_and_replaced_atomically(vault, tmp_path):
    fill(vault)
    target = tmp_path / "out.csv"
    target.write_text("old contents")
    target.chmod(0o644)
    export(vault, "services", target)
    assert target.stat().st_mode & 0o777 == 0o600
    assert "Food for All" in target.read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    with pytest.raises(ExportError, match="does not exist"):
        export(vault, "services", tmp_path / "no such folder" / "x.csv")
    with pytest.raises(ExportError, match=".csv or .xlsx"):
        export(vault, "services", tmp_path / "x.pdf")
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(ExportError, match="Cannot write"):
            export(vault, "services", locked / "x.csv")


def test_export_writes_one_audit_event_with_the_count(vault, tmp_path):
    fill(vault)
    export(vault, "mothers", tmp_path / "m.xlsx")
    with vault.session() as s:
        (event,) = s.scalars(
            select(m.AuditEvent).where(m.AuditEvent.action == m.AuditAction.EXPORT)
        )
    assert (event.entity_type, event.summary) == ("mother", "3 exported to a XLSX file")
    assert "Zoë" not in (event.summary + (event.fields_changed or ""))


def test_a_demo_database_survives_the_round_trip(vault, tmp_path, _template_db):
    from coordinator.services.demo import fill_demo

    fill_demo(vault, mothers=60, volunteers=15, seed=7, today=TODAY)
    with copy_with_its_projects(vault, _template_db, tmp_path) as other:
        for kind in ("services", "volunteers", "mothers"):
            path = export(vault, kind, tmp_path / f"{kind}.csv").path
            report = import_file(other, kind, path, today=TODAY)
            assert report.rejected == [] and report.duplicates == [], kind
            check_same_records(vault, other, kind)
        assert names(other) == names(vault)


def test_matches_are_exported_one_a_row_with_their_people_dates_and_contacts(vault, tmp_path):
    with vault.transaction() as s:
        project = m.Project(name="Bumps", model=m.SupportModel.BEFRIENDING)
        amy = m.Mother(full_name="Amy Ashworth", referral_received_on=date(2026, 9, 1))
        zoe = m.Mother(full_name="=Zoë Zee", referral_received_on=date(2026, 9, 2))
        vera = m.Volunteer(full_name="Vera Vale")
        s.add_all([project, amy, zoe, vera])
        s.flush()
        active = m.Match(
            mother=amy,
            volunteer=vera,
            project=project,
            status=m.MatchStatus.ACTIVE,
            proposed_on=date(2026, 9, 10),
            start_date=date(2026, 9, 20),
            agreed_visit_frequency=m.VisitFrequency.WEEKLY,
        )
        proposed = m.Match(
            mother=zoe, volunteer=vera, project=project, proposed_on=date(2026, 9, 5)
        )
        active.criterion_scores = [
            m.MatchCriterionScore(criterion="distance", points=2.5, weight=6),
            m.MatchCriterionScore(criterion="language", points=4.0, weight=8),
        ]
        s.add_all([active, proposed])
        s.flush()
        for day in (21, 28):
            s.add(
                m.Contact(
                    match=active,
                    contact_at=datetime(2026, 9, day, 10),
                    medium=m.ContactMedium.HOME_VISIT,
                )
            )

    result = export(vault, "matches", tmp_path / "matches.csv")
    assert result.count == 2
    rows = read_back(result.path)
    header = rows[0]
    assert header[:7] == [
        "Mother's reference",
        "Mother",
        "Volunteer's reference",
        "Volunteer",
        "Project",
        "Status",
        "Score",
    ]
    by_mother = {row[1]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert list(by_mother) == ["'=Zoë Zee", "Amy Ashworth"]  # oldest proposal first
    amy_row = by_mother["Amy Ashworth"]
    assert (amy_row["Status"], amy_row["Started on"], amy_row["Agreed contact"]) == (
        "Active",
        "20/09/2026",
        "Weekly",
    )
    assert (amy_row["Contacts logged"], amy_row["Last contact"]) == ("2", "28/09/2026")
    assert (amy_row["Mother's reference"], amy_row["Volunteer's reference"]) == ("M0001", "V0001")
    assert amy_row["Score"] == "6.5" and by_mother["'=Zoë Zee"]["Score"] == ""
    assert by_mother["'=Zoë Zee"]["Contacts logged"] == "0"

    book = export(vault, "matches", tmp_path / "matches.xlsx").path
    sheet = openpyxl.load_workbook(book).active
    assert sheet.title == "Matches" and sheet.max_row == 3
    with vault.session() as s:
        kinds = list(
            s.scalars(
                select(m.AuditEvent.entity_type).where(m.AuditEvent.action == m.AuditAction.EXPORT)
            )
        )
    assert kinds == ["match", "match"]
