"""Projects: the charity's peer-support schemes (befriending or mentoring), each with its
visit norm, usual length, the baby's age at which support ends, whether volunteers share
their own numbers, its "what we offer" text and how often its volunteers have supervision.

A project that mothers, volunteers or matches belong to cannot be deleted: mark it as no
longer running (form.active = False) and it stops being offered on forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.models import (
    Match,
    Mother,
    Project,
    SupportModel,
    VisitFrequency,
    volunteer_project,
)
from coordinator.services.records.children import item_from_row
from coordinator.services.records.cleaning import Cleaner, text
from coordinator.services.records.errors import FormInvalid, RecordNotFound
from coordinator.services.records.labels import SUPPORT_MODEL_LABELS, counted
from coordinator.services.records.simple import delete_unless, save_columns
from coordinator.services.sessions import Source, reading
from coordinator.services.validation import check_phone
from coordinator.storage.vault import Vault

ENTITY = "project"
_PLAIN_TEXT = ("name", "area_covered", "offer_text_we_do", "offer_text_we_dont")

#: Longest usual length of support, in weeks (five years).
MAX_DURATION_WEEKS = 260


@dataclass
class ProjectForm:
    id: int | None = None
    name: str = ""
    model: SupportModel | str | None = None
    area_covered: str = ""
    visit_norm: VisitFrequency | str = VisitFrequency.WEEKLY
    #: Whole numbers, as numbers or as typed; empty means "not set".
    usual_duration_weeks: int | str | None = None
    baby_age_limit_months: int | str | None = None
    supervision_interval_weeks: int | str | None = None
    personal_numbers_shared: bool = False
    project_phone: str = ""
    offer_text_we_do: str = ""
    offer_text_we_dont: str = ""
    active: bool = True


@dataclass(frozen=True)
class ProjectRow:
    id: int
    name: str
    model: str
    area: str
    active: bool
    mothers: int
    volunteers: int


def blank_project() -> ProjectForm:
    return ProjectForm()


def clean_project(form: ProjectForm) -> tuple[dict[str, Any], dict[str, str]]:
    """The columns to save and the messages to show (empty when the form can be saved)."""
    c = Cleaner()
    cols: dict[str, Any] = {name: text(getattr(form, name)) for name in _PLAIN_TEXT}
    c.required("name", cols["name"], "The project's name")
    cols["model"] = c.choice("model", SupportModel, form.model)
    if cols["model"] is None:
        c.fail("model", "Choose befriending or mentoring.")
    cols["visit_norm"] = c.choice("visit_norm", VisitFrequency, form.visit_norm)
    if cols["visit_norm"] is None:
        c.fail("visit_norm", "Choose how often volunteers usually meet the mothers.")
    cols["usual_duration_weeks"] = c.whole_number(
        "usual_duration_weeks",
        form.usual_duration_weeks,
        1,
        MAX_DURATION_WEEKS,
        f"Between 1 and {MAX_DURATION_WEEKS} weeks, or leave it empty.",
    )
    cols["baby_age_limit_months"] = c.whole_number(
        "baby_age_limit_months",
        form.baby_age_limit_months,
        0,
        60,
        "Between 0 and 60 months, or leave it empty for no limit.",
    )
    cols["supervision_interval_weeks"] = c.whole_number(
        "supervision_interval_weeks",
        form.supervision_interval_weeks,
        1,
        52,
        "Between 1 and 52 weeks, or leave it empty.",
    )
    cols["personal_numbers_shared"] = bool(form.personal_numbers_shared)
    cols["project_phone"] = c.check("project_phone", check_phone, form.project_phone)
    cols["active"] = bool(form.active)
    return cols, c.errors


def validate_project(form: ProjectForm, today: Any = None) -> dict[str, str]:
    """Field name -> message for everything that stops this form being saved."""
    return clean_project(form)[1]


def load_project(source: Source, project_id: int) -> ProjectForm:
    with reading(source) as session:
        project = session.get(Project, project_id)
        if project is None:
            raise RecordNotFound("project")
        return item_from_row(ProjectForm, project)


def save_project(vault: Vault, form: ProjectForm, today: Any = None) -> int:
    """Create (form.id None) or update a project in one transaction; returns its id."""
    cols, errors = clean_project(form)
    if errors:
        raise FormInvalid(errors)

    def name_is_free(session: Session) -> None:
        taken = session.scalar(
            select(Project.id).where(
                func.lower(Project.name) == cols["name"].lower(),
                Project.id != (form.id or 0),
            )
        )
        if taken is not None:
            raise FormInvalid({"name": "There is already a project called that."})

    blank, _ = clean_project(blank_project())
    return save_columns(vault, Project, form.id, cols, blank, ENTITY, check=name_is_free)


#: What each use is called, one and many.
_NOUNS = {
    "mothers": ("mother", None),
    "volunteers": ("volunteer", None),
    "matches": ("match", "matches"),
}


def _uses(session: Session, project_id: int) -> dict[str, int]:
    def count(statement: Any) -> int:
        return session.scalar(statement) or 0

    return {
        "mothers": count(select(func.count()).where(Mother.project_id == project_id)),
        "volunteers": count(
            select(func.count()).where(volunteer_project.c.project_id == project_id)
        ),
        "matches": count(select(func.count()).where(Match.project_id == project_id)),
    }


def delete_project(vault: Vault, project_id: int) -> None:
    """Delete a project no record belongs to; CannotDelete (mark it as no longer running)
    otherwise."""

    def in_use(session: Session) -> str | None:
        uses = {kind: n for kind, n in _uses(session, project_id).items() if n}
        if not uses:
            return None
        listed = ", ".join(counted(n, *_NOUNS[kind]) for kind, n in uses.items())
        return (
            f"This project has {listed}, so it cannot be deleted: mark it as no longer "
            "running instead, and it will stop being offered on forms."
        )

    delete_unless(vault, Project, project_id, ENTITY, in_use)


def project_rows(source: Source) -> list[ProjectRow]:
    """Every project, running ones first, by name; with how many mothers and volunteers."""
    with reading(source) as session:
        mothers = dict(
            session.execute(
                select(Mother.project_id, func.count())
                .where(Mother.project_id.is_not(None))
                .group_by(Mother.project_id)
            ).all()
        )
        volunteers = dict(
            session.execute(
                select(volunteer_project.c.project_id, func.count()).group_by(
                    volunteer_project.c.project_id
                )
            ).all()
        )
        projects = session.scalars(
            select(Project).order_by(Project.active.desc(), func.lower(Project.name))
        )
        return [
            ProjectRow(
                id=p.id,
                name=p.name,
                model=SUPPORT_MODEL_LABELS.get(p.model, str(p.model)),
                area=p.area_covered or "",
                active=p.active,
                mothers=mothers.get(p.id, 0),
                volunteers=volunteers.get(p.id, 0),
            )
            for p in projects
        ]
