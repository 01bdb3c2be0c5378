"""A small project in a real database for the matching services: one waiting mother in
Leeds and volunteers who pass, or fail, the checks."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from coordinator import models as m

TODAY = date(2026, 12, 2)


def module_id(s, code: str) -> int:
    return s.scalar(select(m.TrainingModule.id).where(m.TrainingModule.code == code))


def language(s, code: str) -> m.Language:
    return s.scalars(select(m.Language).where(m.Language.code == code)).one()


def add_volunteer(s, project: m.Project, full_name: str, **fields) -> m.Volunteer:
    """An active volunteer in the project, checked, trained, inducted, near LS7 unless told."""
    dbs = fields.pop("dbs", True)
    speaks = fields.pop("speaks", ("en",))
    values = dict(
        full_name=full_name,
        status=m.VolunteerStatus.ACTIVE,
        status_since=date(2025, 1, 1),
        postcode="LS7 3AA",
        travel_radius_km=10.0,
        max_matches=2,
        induction_completed_on=date(2025, 1, 1),
        gender=m.Gender.FEMALE,
    )
    values.update(fields)
    volunteer = m.Volunteer(**values)
    s.add(volunteer)
    volunteer.projects.append(project)
    volunteer.languages.extend(language(s, code) for code in speaks)
    if dbs:
        volunteer.dbs_checks.append(
            m.DBSCheck(
                check_type=m.DbsCheckType.ENHANCED,
                issue_date=date(2025, 1, 1),
                next_check_due=date(2099, 1, 1),
            )
        )
    volunteer.trainings.append(
        m.VolunteerTraining(module_id=module_id(s, "safeguarding"), completed_on=date(2025, 1, 1))
    )
    s.flush()
    return volunteer


def world(vault) -> dict[str, int]:
    """Ids: project, mother (waiting, LS6, speaks Polish), near (passes, 1.7 km, Polish),
    far (passes, 4 km, English), paused (fails: not active), full (fails: at capacity)."""
    with vault.transaction() as s:
        project = m.Project(
            name="Bumps",
            model=m.SupportModel.BEFRIENDING,
            usual_duration_weeks=20,
            visit_norm=m.VisitFrequency.WEEKLY,
            personal_numbers_shared=True,
        )
        s.add(project)
        s.flush()
        mother = m.Mother(
            full_name="Anna Nowak",
            referral_received_on=date(2026, 10, 1),
            stage=m.MotherStage.WAITING,
            project_id=project.id,
            postcode="LS6 2AB",
            language=language(s, "pl"),
            date_of_birth=date(1996, 3, 1),
        )
        s.add(mother)
        near = add_volunteer(s, project, "Beata Kowalska", postcode="LS6 3AB", speaks=("en", "pl"))
        far = add_volunteer(s, project, "Carol Smith", postcode="LS7 3AA")
        paused = add_volunteer(s, project, "Dee Paused", status=m.VolunteerStatus.PAUSED, dbs=False)
        full = add_volunteer(s, project, "Eve Full", max_matches=1)
        s.flush()
        other = m.Mother(
            full_name="Other Mum", referral_received_on=date(2026, 9, 1), project_id=project.id
        )
        s.add(other)
        s.flush()
        s.add(
            m.Match(
                mother_id=other.id,
                volunteer_id=full.id,
                project_id=project.id,
                status=m.MatchStatus.ACTIVE,
                proposed_on=date(2026, 9, 2),
                start_date=date(2026, 9, 3),
            )
        )
        return {
            "project": project.id,
            "mother": mother.id,
            "near": near.id,
            "far": far.id,
            "paused": paused.id,
            "full": full.id,
            "other": other.id,
        }
