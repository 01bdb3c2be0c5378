"""Supervision notes about volunteers (confidential; Qt-free).

A session is one-to-one or a group (several volunteers). The matches discussed are picked
from the attendees' current matches, each with its prompts: last contact, open concerns,
the dependency flag and the planned end. Actions have an owner, a due date and a done
date. The next session is due after the project's supervision interval.

These notes are about volunteers and never appear on anything about a mother: no export,
letter or subject access file about a mother reads this module's tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from coordinator import models as m
from coordinator.models import AuditAction, SupervisionKind
from coordinator.models.volunteer import volunteer_project
from coordinator.services import attention, audit, settings
from coordinator.services.contacts_norms import LIVE, dependency_flags
from coordinator.services.sessions import Source, reading
from coordinator.storage.vault import Vault


@dataclass
class ActionForm:
    text: str
    owner: str = ""
    due_on: date | None = None
    done_on: date | None = None
    volunteer_id: int | None = None
    id: int | None = None


@dataclass
class SessionForm:
    held_on: date
    kind: SupervisionKind = SupervisionKind.ONE_TO_ONE
    attendee_ids: list[int] = field(default_factory=list)
    match_ids: list[int] = field(default_factory=list)
    supervisor: str = ""
    duration_minutes: int | None = None
    wellbeing: str = ""
    boundary_concerns: str = ""
    dependency_concerns: str = ""
    safeguarding: str = ""
    training_needs: str = ""
    notes: str = ""
    actions: list[ActionForm] = field(default_factory=list)
    next_due_on: date | None = None
    id: int | None = None


@dataclass(frozen=True)
class MatchPrompt:
    """A current match of an attendee, with what to ask about it."""

    match_id: int
    volunteer_id: int
    label: str
    last_contact: date | None
    open_concerns: int
    dependency: tuple[str, ...]
    planned_end: date | None


@dataclass(frozen=True)
class SessionRow:
    id: int
    held_on: date
    kind: SupervisionKind
    supervisor: str | None
    attendees: int
    open_actions: int


def interval_weeks(source: Source, volunteer_id: int) -> int:
    """The shortest supervision interval of the volunteer's projects (else the default)."""
    with reading(source) as session:
        weeks = session.scalar(
            select(func.min(m.Project.supervision_interval_weeks))
            .join(volunteer_project, volunteer_project.c.project_id == m.Project.id)
            .where(volunteer_project.c.volunteer_id == volunteer_id)
        )
        return int(weeks or settings.get(session, attention.SUPERVISION_WEEKS))


def next_due(source: Source, volunteer_id: int, held_on: date) -> date:
    return held_on + timedelta(weeks=interval_weeks(source, volunteer_id))


def blank_session(source: Source, volunteer_id: int, today: date) -> SessionForm:
    """A new one-to-one with the volunteer today; the flagged matches already ticked."""
    with reading(source) as session:
        volunteer = session.get(m.Volunteer, volunteer_id)
        if volunteer is None:
            raise LookupError("That volunteer is no longer in the database.")
        supervisor = volunteer.supervisor_name or ""
    prompts = match_prompts(source, [volunteer_id], today)
    return SessionForm(
        today,
        attendee_ids=[volunteer_id],
        match_ids=[p.match_id for p in prompts if p.dependency],
        supervisor=supervisor,
        next_due_on=next_due(source, volunteer_id, today),
    )


def match_prompts(source: Source, volunteer_ids: list[int], today: date) -> list[MatchPrompt]:
    """The attendees' current matches with their prompts, by mother's name."""
    mo = aliased(m.Mother)
    last = (
        select(func.max(m.Contact.contact_at))
        .where(m.Contact.match_id == m.Match.id, m.Contact.outcome == m.ContactOutcome.MADE)
        .correlate(m.Match)
        .scalar_subquery()
    )
    concerns = (
        select(func.count())
        .where(
            m.Contact.match_id == m.Match.id,
            m.Contact.follow_up_done_on.is_(None),
            or_(m.Contact.concerns.is_not(None), m.Contact.follow_up.is_not(None)),
        )
        .correlate(m.Match)
        .scalar_subquery()
    )
    with reading(source) as session:
        rows = session.execute(
            select(
                m.Match.id,
                m.Match.volunteer_id,
                mo.reference,
                func.coalesce(mo.preferred_name, mo.full_name),
                last,
                concerns,
                m.Match.planned_end_date,
            )
            .join(mo, mo.id == m.Match.mother_id)
            .where(m.Match.volunteer_id.in_(volunteer_ids), m.Match.status.in_(LIVE))
            .order_by(mo.full_name, m.Match.id)
        ).all()
        flags = dependency_flags(session, today, [r[0] for r in rows])
    found = []
    for match_id, vid, ref, name, last_at, open_concerns, planned_end in rows:
        if isinstance(last_at, str):
            last_at = datetime.fromisoformat(last_at)
        flag = flags.get(match_id)
        found.append(
            MatchPrompt(
                match_id,
                vid,
                f"{ref} {name}" if ref else name,
                last_at.date() if last_at else None,
                int(open_concerns or 0),
                tuple(flag.reasons()) if flag else (),
                planned_end,
            )
        )
    return found


def check_session(form: SessionForm, *, today: date) -> dict[str, str]:
    problems = {}
    if not form.attendee_ids:
        problems["attendees"] = "Who was there? Add at least one volunteer."
    if form.held_on > today:
        problems["held_on"] = "The session is in the future: record it once it is held."
    if form.next_due_on is not None and form.next_due_on <= form.held_on:
        problems["next_due_on"] = "The next session must be after this one."
    if form.kind is SupervisionKind.ONE_TO_ONE and len(form.attendee_ids) > 1:
        problems["kind"] = "A one-to-one has one volunteer: choose Group for several."
    for number, action in enumerate(form.actions):
        if not action.text.strip():
            problems[f"action:{number}"] = "Say what the action is, or remove it."
    return problems


def _text(value: str) -> str | None:
    return value.strip() or None


def save_session(vault: Vault, form: SessionForm, *, today: date) -> int:
    """Add or change a session; its id. Raises ValueError saying what is wrong."""
    problems = check_session(form, today=today)
    if problems:
        raise ValueError(" ".join(problems.values()))
    with vault.transaction() as session:
        row = session.get(m.SupervisionSession, form.id) if form.id else None
        created = row is None
        if row is None:
            row = m.SupervisionSession()
            session.add(row)
        row.held_on, row.kind = form.held_on, form.kind
        row.supervisor_name = _text(form.supervisor)
        row.duration_minutes = form.duration_minutes
        row.wellbeing = _text(form.wellbeing)
        row.boundary_concerns = _text(form.boundary_concerns)
        row.dependency_concerns = _text(form.dependency_concerns)
        row.safeguarding = _text(form.safeguarding)
        row.training_needs = _text(form.training_needs)
        row.notes = _text(form.notes)
        row.next_due_on = form.next_due_on
        row.attendees = [v for v in (session.get(m.Volunteer, i) for i in form.attendee_ids) if v]
        row.matches_discussed = [x for x in (session.get(m.Match, i) for i in form.match_ids) if x]
        kept = {a.id: a for a in row.actions}
        actions = []
        for action in form.actions:
            item = kept.pop(action.id, None) if action.id else None
            item = item or m.SupervisionAction()
            item.text, item.owner = action.text.strip(), _text(action.owner)
            item.due_on, item.done_on = action.due_on, action.done_on
            item.volunteer_id = action.volunteer_id or (
                form.attendee_ids[0] if len(form.attendee_ids) == 1 else None
            )
            actions.append(item)
        row.actions = actions
        session.flush()
        audit.record(
            session,
            AuditAction.CREATE if created else AuditAction.UPDATE,
            entity_type="supervision_session",
            entity_id=row.id,
        )
        return row.id


def load_session(source: Source, session_id: int) -> SessionForm:
    with reading(source) as session:
        r = session.get(m.SupervisionSession, session_id)
        if r is None:
            raise LookupError("That session is no longer in the database.")
        return SessionForm(
            r.held_on,
            r.kind,
            [v.id for v in r.attendees],
            [x.id for x in r.matches_discussed],
            r.supervisor_name or "",
            r.duration_minutes,
            r.wellbeing or "",
            r.boundary_concerns or "",
            r.dependency_concerns or "",
            r.safeguarding or "",
            r.training_needs or "",
            r.notes or "",
            [
                ActionForm(a.text, a.owner or "", a.due_on, a.done_on, a.volunteer_id, a.id)
                for a in r.actions
            ],
            r.next_due_on,
            r.id,
        )


def sessions_for(source: Source, volunteer_id: int) -> list[SessionRow]:
    """The volunteer's sessions, newest first."""
    with reading(source) as session:
        volunteer = session.get(m.Volunteer, volunteer_id)
        if volunteer is None:
            return []
        found = sorted(volunteer.supervision_sessions, key=lambda s: (s.held_on, s.id))
        return [
            SessionRow(
                s.id,
                s.held_on,
                s.kind,
                s.supervisor_name,
                len(s.attendees),
                sum(1 for a in s.actions if a.is_open),
            )
            for s in reversed(found)
        ]


def volunteer_choices(source: Source) -> list[tuple[int, str]]:
    """Volunteers who can be at a session (not left): (id, "V0007 Sam Taylor")."""
    with reading(source) as session:
        rows = session.execute(
            select(
                m.Volunteer.id,
                m.Volunteer.reference,
                func.coalesce(m.Volunteer.preferred_name, m.Volunteer.full_name),
            )
            .where(m.Volunteer.status != m.VolunteerStatus.LEFT)
            .order_by(m.Volunteer.full_name)
        ).all()
    return [(r[0], f"{r[1]} {r[2]}" if r[1] else r[2]) for r in rows]
