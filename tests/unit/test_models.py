"""The data model: constraints hold at the database level, seeds are idempotent."""

from __future__ import annotations

import ast
import enum
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import (
    CheckConstraint,
    Engine,
    Enum,
    ForeignKeyConstraint,
    create_engine,
    event,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

import coordinator.models as models
from coordinator.models import (
    DEFAULT_CHECKLISTS,
    DEFAULT_VOCABULARIES,
    AuditAction,
    AuditEvent,
    ChecklistTemplate,
    ChecklistTemplateItem,
    Consent,
    ConsentKind,
    ConsentMethod,
    Contact,
    ContactMedium,
    CriterionDirection,
    DBSCheck,
    DbsCheckType,
    Ending,
    EndingReason,
    EndingType,
    ExperienceTag,
    Language,
    LetterMethod,
    LetterSent,
    LocalService,
    Match,
    MatchCriterionScore,
    MatchStatus,
    MatchStatusChange,
    Mother,
    MotherAvailability,
    MotherStage,
    MotherStageChange,
    Need,
    PartOfDay,
    Project,
    SafeguardingConcern,
    ServiceCategory,
    SupervisionKind,
    SupervisionSession,
    SupportModel,
    SupportType,
    TrainingModule,
    Volunteer,
    VolunteerAvailability,
    VolunteerStatus,
    VolunteerStatusChange,
    VolunteerTraining,
    seed_checklists,
    seed_vocabularies,
)
from coordinator.models.base import Base

MODELS_DIR = Path(models.__file__).parent
TODAY = date(2025, 3, 10)


def _engine(creator: Callable[[], sqlite3.Connection] | None = None) -> Engine:
    """Plain in-memory SQLite with foreign keys enforced, as the app's vault does."""
    engine = (
        create_engine("sqlite://", creator=creator, poolclass=StaticPool)
        if creator
        else create_engine("sqlite://")
    )

    @event.listens_for(engine, "connect")
    def _foreign_keys_on(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


@pytest.fixture
def session() -> Iterator[Session]:
    engine = _engine()
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        yield s
    engine.dispose()


def _project(s: Session) -> Project:
    project = Project(name="Bumps and Babies", model=SupportModel.BEFRIENDING)
    s.add(project)
    s.flush()
    return project


def _mother(s: Session, **kw) -> Mother:
    mother = Mother(full_name="Amina Test", referral_received_on=TODAY, **kw)
    s.add(mother)
    s.flush()
    return mother


def _volunteer(s: Session) -> Volunteer:
    volunteer = Volunteer(full_name="Jo Volunteer", status=VolunteerStatus.ACTIVE)
    s.add(volunteer)
    s.flush()
    return volunteer


def _match(s: Session, mother: Mother, volunteer: Volunteer, project: Project, **kw) -> Match:
    match = Match(mother=mother, volunteer=volunteer, project=project, proposed_on=TODAY, **kw)
    s.add(match)
    s.flush()
    return match


def _populate(session: Session) -> None:
    """At least one row in every table, so raw UPDATEs have something to hit."""
    seed_vocabularies(session)
    seed_checklists(session)
    need = session.scalars(select(Need)).first()
    lang = session.scalars(select(Language)).first()
    tag = session.scalars(select(ExperienceTag)).first()
    module = session.scalars(select(TrainingModule)).first()
    category = session.scalars(select(ServiceCategory)).first()
    project = _project(session)
    service = LocalService(name="Food bank", category=category)
    mother = _mother(session, project=project, language=lang)
    mother.needs.append(need)
    mother.other_languages.append(lang)
    mother.wanted_experiences.append(tag)
    mother.availability.append(MotherAvailability(weekday=1, part_of_day=PartOfDay.MORNING))
    mother.consents.append(Consent(kind=ConsentKind.SERVICE, given=True, given_on=TODAY))
    mother.stage_changes.append(MotherStageChange(to_stage=MotherStage.RECEIVED, changed_on=TODAY))
    mother.professionals.append(models.Professional(role="Social worker"))
    volunteer = _volunteer(session)
    volunteer.projects.append(project)
    volunteer.languages.append(lang)
    volunteer.experiences.append(tag)
    volunteer.availability.append(VolunteerAvailability(weekday=1, part_of_day=PartOfDay.MORNING))
    volunteer.status_changes.append(
        VolunteerStatusChange(to_status=VolunteerStatus.ACTIVE, changed_on=TODAY)
    )
    volunteer.trainings.append(VolunteerTraining(module=module, completed_on=TODAY))
    volunteer.dbs_checks.append(DBSCheck(check_type=DbsCheckType.ENHANCED, issue_date=TODAY))
    volunteer.references.append(models.VolunteerReference(referee_name="A Referee"))
    volunteer.areas.append(models.VolunteerArea(area="LS6"))
    match = _match(session, mother, volunteer, project, start_date=TODAY)
    match.criterion_scores.append(
        MatchCriterionScore(criterion="language", direction=CriterionDirection.SAME, points=2)
    )
    match.status_changes.append(MatchStatusChange(to_status=MatchStatus.ACTIVE, changed_on=TODAY))
    contact = Contact(
        match=match, contact_at=datetime(2025, 3, 11, 10), medium=ContactMedium.HOME_VISIT
    )
    contact.support_types.append(SupportType.SIGNPOSTING)
    contact.signposted_services.append(service)
    session.add(contact)
    session.flush()
    mother.safeguarding_concerns.append(SafeguardingConcern(raised_on=TODAY, contact_id=contact.id))
    supervision = SupervisionSession(held_on=TODAY, kind=SupervisionKind.GROUP)
    supervision.attendees.append(volunteer)
    supervision.matches_discussed.append(match)
    supervision.actions.append(models.SupervisionAction(text="Read boundaries policy"))
    session.add(supervision)
    template_item = session.scalars(select(ChecklistTemplateItem)).first()
    ending = Ending(
        match=match,
        ended_on=TODAY,
        ending_type=EndingType.PLANNED,
        reason=EndingReason.SUPPORT_COMPLETE,
    )
    ending.onward_services.append(service)
    ending.checklist_answers.append(
        models.EndingChecklistAnswer(template_item=template_item, item_text=template_item.text)
    )
    session.add(ending)
    session.add(LetterSent(mother=mother, ending=ending, kind="closure", method=LetterMethod.POST))
    session.add(AuditEvent(action=AuditAction.CREATE, entity_type="mother", entity_id=1))
    session.add(models.Setting(key="charity.name", value='"Test charity"'))
    session.add(models.Draft(form="mother", payload="{}"))
    session.add(models.MatchingRule(project_id=project.id, criterion="age", weight=3))
    session.add(models.MatchingSetting(project_id=project.id))
    session.execute(
        models.matching_required_training.insert().values(
            project_id=project.id, training_module_id=module.id
        )
    )
    session.commit()


@pytest.fixture(scope="module")
def populated_template() -> Iterator[sqlite3.Connection]:
    """Build the populated database once; each test gets a copy (sqlite backup API)."""
    template = sqlite3.connect(":memory:", check_same_thread=False)
    engine = _engine(creator=lambda: template)
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        _populate(s)
    yield template
    engine.dispose()
    template.close()


@pytest.fixture
def populated(populated_template: sqlite3.Connection) -> Iterator[Session]:
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    populated_template.backup(copy)
    engine = _engine(creator=lambda: copy)
    with Session(engine) as s:
        yield s
    engine.dispose()
    copy.close()


def _enum_columns() -> list[tuple[str, str]]:
    return sorted(
        (table.name, column.name)
        for table in Base.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, Enum)
    )


def _raises_integrity(s: Session, sql: str, **params) -> None:
    with pytest.raises(IntegrityError):
        s.execute(text(sql), params)
        s.flush()
    s.rollback()


# --- schema ------------------------------------------------------------------------------


def _declared_tables() -> set[str]:
    """Every table the model modules declare, read from their source: a model in a module
    the package does not import would be missing from the metadata, and from the database."""
    names: set[str] = set()
    for path in Path(models.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Assign)
                and any(getattr(t, "id", None) == "__tablename__" for t in node.targets)
                and isinstance(node.value, ast.Constant)
            ):
                names.add(node.value.value)
            elif (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "Table"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(node.args[0].value)
    return names


def test_create_all_makes_every_table_the_models_declare(session: Session) -> None:
    declared = _declared_tables()
    assert {"mother", "volunteer", "match", "contact", "supervision_session"} <= declared
    assert set(inspect(session.get_bind()).get_table_names()) == declared


def test_populated_fixture_fills_every_table(populated: Session) -> None:
    for table in Base.metadata.tables:
        count = populated.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
        assert count > 0, table


def test_mappers_configure_without_warnings() -> None:
    # In a fresh interpreter: here the mappers were configured long ago, by other tests, and
    # a warning is given only the first time.
    script = (
        "import warnings\n"
        "warnings.simplefilter('always')\n"
        "with warnings.catch_warnings(record=True) as caught:\n"
        "    import coordinator.models\n"
        "    from coordinator.models.base import Base\n"
        "    from sqlalchemy.orm import configure_mappers\n"
        "    configure_mappers()\n"
        "print(sum(m.configured for m in Base.registry.mappers), len(Base.registry.mappers))\n"
        "for w in caught:\n"
        "    print(w.category.__name__, w.message)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    counts, *warned = done.stdout.splitlines()
    configured, mappers = map(int, counts.split())
    assert warned == []
    assert configured == mappers == len(Base.registry.mappers)


def test_every_enum_is_a_str_enum_exported_from_the_package() -> None:
    enums = {
        column.type.enum_class
        for table in Base.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, Enum)
    }
    assert enums
    for py_enum in enums:
        assert issubclass(py_enum, enum.StrEnum), py_enum
        assert getattr(models, py_enum.__name__) is py_enum
        for member in py_enum:
            assert member.value == member.value.lower()
            assert " " not in member.value


def test_every_check_constraint_is_named() -> None:
    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint):
                assert constraint.name, f"unnamed check on {table.name}"


def test_every_foreign_key_column_is_indexed() -> None:
    for table in Base.metadata.tables.values():
        leading = {tuple(ix.columns)[0].name for ix in table.indexes}
        leading.add(list(table.primary_key.columns)[0].name)
        for fk in table.foreign_key_constraints:
            assert isinstance(fk, ForeignKeyConstraint)
            for column in fk.columns:
                assert column.name in leading, f"{table.name}.{column.name} has no index"


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("mother", "stage"),
        ("mother", "referral_received_on"),
        ("mother", "postcode"),
        ("volunteer", "status"),
        ("match", "status"),
        ("contact", "contact_at"),
        ("dbs_check", "next_check_due"),
        ("audit_event", "occurred_at"),
    ],
)
def test_list_filter_columns_are_indexed(table: str, column: str) -> None:
    indexed = {tuple(ix.columns)[0].name for ix in Base.metadata.tables[table].indexes}
    assert column in indexed


def test_no_multi_valued_column_is_a_comma_joined_string() -> None:
    forbidden = {
        "needs",
        "languages",
        "other_languages",
        "experiences",
        "projects",
        "support_types",
        "services",
        "signposted_services",
        "areas",
        "availability",
        "volunteers",
        "attendees",
        "training",
    }
    for table in Base.metadata.tables.values():
        for column in table.columns:
            name = column.name
            assert name not in forbidden, f"{table.name}.{name}"
            assert not name.endswith(("_list", "_csv", "_ids")), f"{table.name}.{name}"


def test_models_never_import_pyside6() -> None:
    for path in MODELS_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n.split(".")[0] in {"PySide6", "shiboken6"} for n in names), path


# --- enums -------------------------------------------------------------------------------


@pytest.mark.parametrize(("table", "column"), _enum_columns())
def test_unknown_enum_value_is_refused_by_the_database(
    populated: Session, table: str, column: str
) -> None:
    _raises_integrity(populated, f'UPDATE "{table}" SET "{column}" = :bad', bad="not_a_value")


def test_known_enum_value_is_accepted_by_raw_sql(populated: Session) -> None:
    populated.execute(text("UPDATE volunteer SET status = 'paused'"))
    assert populated.scalar(select(Volunteer.status)) is VolunteerStatus.PAUSED


# --- checks ------------------------------------------------------------------------------


def test_match_planned_end_before_start_is_refused(session: Session) -> None:
    match = _match(session, _mother(session), _volunteer(session), _project(session))
    match.start_date = date(2025, 4, 1)
    match.planned_end_date = date(2025, 3, 31)
    with pytest.raises(IntegrityError):
        session.flush()


def test_match_start_before_proposal_is_refused(session: Session) -> None:
    match = _match(session, _mother(session), _volunteer(session), _project(session))
    match.start_date = date(2025, 3, 9)
    with pytest.raises(IntegrityError):
        session.flush()


def test_match_ended_before_start_is_refused(session: Session) -> None:
    match = _match(
        session, _mother(session), _volunteer(session), _project(session), start_date=TODAY
    )
    match.ended_on = date(2025, 3, 9)
    with pytest.raises(IntegrityError):
        session.flush()


def test_dbs_due_before_issue_is_refused(session: Session) -> None:
    volunteer = _volunteer(session)
    volunteer.dbs_checks.append(
        DBSCheck(
            check_type=DbsCheckType.ENHANCED, issue_date=TODAY, next_check_due=date(2024, 3, 10)
        )
    )
    with pytest.raises(IntegrityError):
        session.flush()


def test_dbs_due_after_issue_is_accepted(session: Session) -> None:
    volunteer = _volunteer(session)
    volunteer.dbs_checks.append(
        DBSCheck(
            check_type=DbsCheckType.ENHANCED, issue_date=TODAY, next_check_due=date(2028, 3, 10)
        )
    )
    session.flush()
    assert volunteer.latest_dbs_check.next_check_due == date(2028, 3, 10)


def test_consent_withdrawn_before_given_is_refused(session: Session) -> None:
    mother = _mother(session)
    mother.consents.append(
        Consent(
            kind=ConsentKind.SERVICE,
            given=True,
            given_on=TODAY,
            how=ConsentMethod.VERBAL,
            withdrawn_on=date(2025, 1, 1),
        )
    )
    with pytest.raises(IntegrityError):
        session.flush()


def test_safeguarding_resolved_before_raised_is_refused(session: Session) -> None:
    mother = _mother(session)
    mother.safeguarding_concerns.append(
        SafeguardingConcern(raised_on=TODAY, resolved_on=date(2025, 3, 1))
    )
    with pytest.raises(IntegrityError):
        session.flush()


def test_supervision_next_due_before_held_is_refused(session: Session) -> None:
    session.add(SupervisionSession(held_on=TODAY, next_due_on=date(2025, 3, 1)))
    with pytest.raises(IntegrityError):
        session.flush()


@pytest.mark.parametrize("max_matches", [0, 11, -1])
def test_max_matches_out_of_range_is_refused(session: Session, max_matches: int) -> None:
    session.add(Volunteer(full_name="Jo", max_matches=max_matches))
    with pytest.raises(IntegrityError):
        session.flush()


@pytest.mark.parametrize("max_matches", [1, 10])
def test_max_matches_at_the_limits_is_accepted(session: Session, max_matches: int) -> None:
    session.add(Volunteer(full_name="Jo", max_matches=max_matches))
    session.flush()


def test_baby_age_limit_beyond_five_years_is_refused(session: Session) -> None:
    session.add(Project(name="P", model=SupportModel.MENTORING, baby_age_limit_months=61))
    with pytest.raises(IntegrityError):
        session.flush()


def test_outcome_score_outside_zero_to_ten_is_refused(session: Session) -> None:
    with pytest.raises(IntegrityError):
        _mother(session, start_outcome_score=11)


def test_negative_other_children_is_refused(session: Session) -> None:
    with pytest.raises(IntegrityError):
        _mother(session, other_children=-1)


def test_negative_contact_duration_is_refused(session: Session) -> None:
    match = _match(session, _mother(session), _volunteer(session), _project(session))
    session.add(Contact(match=match, contact_at=datetime(2025, 3, 11), medium="phone"))
    session.flush()
    _raises_integrity(session, "UPDATE contact SET duration_minutes = -5")


def test_closure_reason_on_an_open_referral_is_refused(session: Session) -> None:
    with pytest.raises(IntegrityError):
        _mother(session, stage=MotherStage.WAITING, closure_reason="declined")


def test_closure_reason_on_a_closed_referral_is_accepted(session: Session) -> None:
    mother = _mother(session, stage=MotherStage.CLOSED, closure_reason="not_eligible")
    assert mother.closure_reason == "not_eligible"


def test_weekday_outside_the_week_is_refused(session: Session) -> None:
    volunteer = _volunteer(session)
    volunteer.availability.append(VolunteerAvailability(weekday=7, part_of_day="evening"))
    with pytest.raises(IntegrityError):
        session.flush()


# --- not null ----------------------------------------------------------------------------


def test_mother_without_referral_date_is_refused(session: Session) -> None:
    session.add(Mother(full_name="No Date"))
    with pytest.raises(IntegrityError):
        session.flush()


def test_match_without_mother_is_refused(session: Session) -> None:
    session.add(Match(volunteer=_volunteer(session), project=_project(session), proposed_on=TODAY))
    with pytest.raises(IntegrityError):
        session.flush()


def test_mother_stage_defaults_to_received(session: Session) -> None:
    mother = _mother(session)
    assert mother.stage is MotherStage.RECEIVED
    assert mother.other_children == 0
    assert mother.no_letters_home is False


# --- foreign keys and cascades -----------------------------------------------------------


def test_deleting_a_mother_with_a_match_is_refused(session: Session) -> None:
    mother = _mother(session)
    _match(session, mother, _volunteer(session), _project(session))
    session.commit()
    session.delete(mother)
    with pytest.raises(IntegrityError):
        session.flush()


def test_deleting_a_mother_cascades_to_her_consents_and_needs(session: Session) -> None:
    seed_vocabularies(session)
    mother = _mother(session)
    mother.consents.append(Consent(kind=ConsentKind.SERVICE, given=True, given_on=TODAY))
    mother.needs.extend(session.scalars(select(Need).limit(2)))
    session.commit()
    mother_id = mother.id
    session.expunge_all()
    session.delete(session.get(Mother, mother_id))
    session.commit()
    assert session.scalar(select(func.count()).select_from(Consent)) == 0
    assert session.execute(text("SELECT count(*) FROM mother_need")).scalar_one() == 0
    assert session.scalar(select(func.count()).select_from(Need)) > 0


def test_deleting_a_mother_by_raw_sql_cascades_in_the_database(session: Session) -> None:
    mother = _mother(session)
    mother.consents.append(Consent(kind=ConsentKind.SERVICE))
    session.commit()
    session.execute(text("DELETE FROM mother WHERE id = :id"), {"id": mother.id})
    assert session.execute(text("SELECT count(*) FROM consent")).scalar_one() == 0


def test_deleting_a_volunteer_cascades_to_her_dbs_checks(session: Session) -> None:
    volunteer = _volunteer(session)
    volunteer.dbs_checks.append(DBSCheck(check_type=DbsCheckType.BASIC, issue_date=TODAY))
    session.commit()
    session.execute(text("DELETE FROM volunteer WHERE id = :id"), {"id": volunteer.id})
    assert session.execute(text("SELECT count(*) FROM dbs_check")).scalar_one() == 0


def test_deleting_a_signposted_service_is_refused(populated: Session) -> None:
    _raises_integrity(populated, "DELETE FROM local_service")


def test_deleting_a_need_in_use_is_refused(populated: Session) -> None:
    _raises_integrity(populated, "DELETE FROM need WHERE id IN (SELECT need_id FROM mother_need)")


def test_deleting_a_checklist_item_keeps_the_answer_text(populated: Session) -> None:
    answer_id, item_id = populated.execute(
        text("SELECT id, template_item_id FROM ending_checklist_answer")
    ).one()
    populated.execute(text("DELETE FROM checklist_template_item WHERE id = :id"), {"id": item_id})
    populated.expire_all()
    answer = populated.get(models.EndingChecklistAnswer, answer_id)
    assert answer.template_item_id is None
    assert answer.item_text


def test_audit_events_survive_deleting_what_they_describe(populated: Session) -> None:
    populated.execute(text("DELETE FROM draft"))
    assert populated.scalar(select(func.count()).select_from(AuditEvent)) == 1
    assert not Base.metadata.tables["audit_event"].foreign_keys


# --- uniqueness --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "table",
    [
        "mother_need",
        "mother_language",
        "mother_wanted_experience",
        "mother_availability",
        "volunteer_project",
        "volunteer_language",
        "volunteer_experience",
        "volunteer_availability",
        "contact_signpost",
        "contact_support",
        "supervision_attendee",
        "supervision_match",
        "ending_signpost",
    ],
)
def test_association_rows_refuse_a_duplicate_pair(populated: Session, table: str) -> None:
    _raises_integrity(populated, f'INSERT INTO "{table}" SELECT * FROM "{table}" LIMIT 1')


def test_second_consent_of_the_same_kind_is_refused(populated: Session) -> None:
    _raises_integrity(
        populated,
        "INSERT INTO consent (mother_id, kind, given) SELECT mother_id, kind, 0 FROM consent",
    )


def test_second_ending_for_a_match_is_refused(populated: Session) -> None:
    _raises_integrity(
        populated,
        "INSERT INTO ending (match_id, ended_on, ending_type, reason) "
        "SELECT match_id, ended_on, ending_type, reason FROM ending",
    )


def test_same_dbs_certificate_twice_for_a_volunteer_is_refused(session: Session) -> None:
    volunteer = _volunteer(session)
    for _ in range(2):
        volunteer.dbs_checks.append(
            DBSCheck(
                check_type=DbsCheckType.ENHANCED,
                certificate_number="001234567890",
                issue_date=TODAY,
            )
        )
    with pytest.raises(IntegrityError):
        session.flush()


def test_same_training_module_twice_for_a_volunteer_is_refused(populated: Session) -> None:
    _raises_integrity(
        populated,
        "INSERT INTO volunteer_training (volunteer_id, module_id) "
        "SELECT volunteer_id, module_id FROM volunteer_training",
    )


@pytest.mark.parametrize("model", [Need, Language, ExperienceTag, TrainingModule, ServiceCategory])
def test_vocabulary_code_is_unique(session: Session, model) -> None:
    session.add_all([model(code="x", label="X"), model(code="x", label="Other X")])
    with pytest.raises(IntegrityError):
        session.flush()


def test_setting_key_is_unique(session: Session) -> None:
    session.add(models.Setting(key="letterhead", value="{}"))
    session.flush()
    _raises_integrity(session, "INSERT INTO setting (key, value) VALUES ('letterhead', '1')")


# --- seeds -------------------------------------------------------------------------------


def test_seed_vocabularies_twice_gives_the_same_counts(session: Session) -> None:
    first = seed_vocabularies(session)
    counts = {m: session.scalar(select(func.count()).select_from(m)) for m in DEFAULT_VOCABULARIES}
    second = seed_vocabularies(session)
    assert first == sum(len(v) for v in DEFAULT_VOCABULARIES.values())
    assert second == 0
    for model, expected in counts.items():
        assert session.scalar(select(func.count()).select_from(model)) == expected
        assert expected == len(DEFAULT_VOCABULARIES[model])


def test_seed_vocabularies_keeps_edited_labels_and_adds_missing_codes(session: Session) -> None:
    seed_vocabularies(session)
    english = session.scalars(select(Language).where(Language.code == "en")).one()
    english.label = "English (UK)"
    session.delete(session.scalars(select(Need).where(Need.code == "care_leaver")).one())
    session.flush()
    assert seed_vocabularies(session) == 1
    assert english.label == "English (UK)"


def test_default_vocabularies_cover_the_domain_lists() -> None:
    needs = {code for code, _ in DEFAULT_VOCABULARIES[Need]}
    assert {"young_parent", "no_recourse_public_funds", "care_leaver"} <= needs
    assert len(DEFAULT_VOCABULARIES[Need]) == 17
    languages = {label for _, label in DEFAULT_VOCABULARIES[Language]}
    assert {"English", "Polish", "Urdu", "Tigrinya", "Tamil"} <= languages
    assert len(DEFAULT_VOCABULARIES[ServiceCategory]) == 12
    assert len(DEFAULT_VOCABULARIES[TrainingModule]) == 8


def test_seed_checklists_twice_gives_the_same_counts(session: Session) -> None:
    assert seed_checklists(session) == 2
    assert seed_checklists(session) == 0
    assert session.scalar(select(func.count()).select_from(ChecklistTemplate)) == 2
    items = session.scalar(select(func.count()).select_from(ChecklistTemplateItem))
    assert items == sum(len(v) for v in DEFAULT_CHECKLISTS.values())


def test_default_planned_checklist_is_in_order(session: Session) -> None:
    seed_checklists(session)
    template = session.scalars(
        select(ChecklistTemplate).where(ChecklistTemplate.ending_type == EndingType.PLANNED)
    ).one()
    assert [i.text for i in template.items] == DEFAULT_CHECKLISTS[EndingType.PLANNED]
    assert template.project_id is None and template.model is None


# --- reading back ------------------------------------------------------------------------


def test_a_mother_can_have_several_needs(session: Session) -> None:
    seed_vocabularies(session)
    chosen = session.scalars(
        select(Need).where(Need.code.in_(["first_baby", "social_isolation", "limited_english"]))
    ).all()
    mother = _mother(session)
    mother.needs.extend(chosen)
    session.commit()
    mother_id = mother.id
    session.expunge_all()
    again = session.get(Mother, mother_id)
    assert {n.code for n in again.needs} == {"first_baby", "social_isolation", "limited_english"}


def test_contact_support_types_read_back_as_enums(session: Session) -> None:
    match = _match(session, _mother(session), _volunteer(session), _project(session))
    contact = Contact(match=match, contact_at=datetime(2025, 3, 11), medium=ContactMedium.PHONE)
    contact.support_types.extend([SupportType.ACTIVE_LISTENING, SupportType.INFORMATION])
    session.add(contact)
    session.commit()
    contact_id = contact.id
    session.expunge_all()
    again = session.get(Contact, contact_id)
    assert set(again.support_types) == {SupportType.ACTIVE_LISTENING, SupportType.INFORMATION}


def test_open_safeguarding_is_visible_in_python_and_sql(session: Session) -> None:
    open_case = _mother(session)
    open_case.safeguarding_concerns.append(SafeguardingConcern(raised_on=TODAY))
    resolved = _mother(session)
    resolved.safeguarding_concerns.append(
        SafeguardingConcern(raised_on=TODAY, resolved_on=date(2025, 3, 12))
    )
    _mother(session)
    session.flush()
    assert open_case.has_open_safeguarding and not resolved.has_open_safeguarding
    ids = session.scalars(select(Mother.id).where(Mother.has_open_safeguarding)).all()
    assert ids == [open_case.id]


def test_display_name_prefers_the_preferred_name(session: Session) -> None:
    assert _mother(session, preferred_name="Mina").display_name == "Mina"
    assert _mother(session).display_name == "Amina Test"


def test_match_total_score_is_the_sum_of_its_criteria(populated: Session) -> None:
    match = populated.scalars(select(Match)).one()
    match.criterion_scores.append(MatchCriterionScore(criterion="distance", points=1.5))
    populated.flush()
    assert match.total_score == pytest.approx(3.5)
    assert match.ending is not None and match.ending.letters


def test_audit_event_keeps_field_names_only(session: Session) -> None:
    event_ = AuditEvent(action=AuditAction.UPDATE, entity_type="mother", entity_id=3)
    event_.field_names = ["postcode", "phone"]
    session.add(event_)
    session.flush()
    assert event_.fields_changed == '["phone", "postcode"]'
    assert event_.occurred_at is not None
