"""A match's life: proposed, then accepted (active), paused and resumed, declined or ended.

Each step is one transaction: the match's status and dates, a MatchStatusChange row, an
audit event (no personal data), and the mother's stage following her matches (an active
match makes her "matched"; a declined proposal or an ended match puts her back to waiting,
or closes her record when the coordinator says so). Capacity is checked again whenever a
match would take one of the volunteer's places.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.models import AuditAction, MatchStatus, MotherStage
from coordinator.services import audit
from coordinator.services.matching.engine import Evaluation, evaluate
from coordinator.services.matching.errors import HardCheckFailed, MatchRefused
from coordinator.services.matching.results import Contribution
from coordinator.services.matching.rules import Criterion, MatchingRules
from coordinator.services.matching.suggest import gather
from coordinator.services.matching.words import contributions, reasons
from coordinator.services.sessions import Source, reading
from coordinator.storage.vault import Vault

__all__ = [
    "HardCheckFailed",
    "MatchRefused",
    "ProposalDetails",
    "accept",
    "decline",
    "end",
    "pause",
    "proposal_defaults",
    "propose",
    "resume",
]

#: The introduction visit is suggested this long after the proposal.
INTRODUCTION_AFTER = timedelta(days=7)
CURRENT = (MatchStatus.PROPOSED, MatchStatus.ACTIVE, MatchStatus.PAUSED)
NOT_COUNTED = "Not counted in this project (weight 0)"


@dataclass(frozen=True)
class ProposalDetails:
    proposed_on: date
    introduction_visit_on: date | None
    planned_end_date: date | None
    #: A VisitFrequency value ("weekly", ...), from the project's norm by default.
    visit_frequency: str | None
    personal_numbers_shared: bool
    #: The coordinator's own words.
    rationale: str


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def proposal_defaults(
    source: Source, mother_id: int, volunteer_id: int, *, today: date
) -> ProposalDetails:
    """What the propose step starts with: proposed today, an introduction visit a week on,
    the planned end from the project's usual duration or the baby's age limit (the earlier),
    the visit frequency from the project's norm and personal numbers shared as it allows."""
    with reading(source) as session:
        mother = session.get(m.Mother, mother_id)
        if mother is None or session.get(m.Volunteer, volunteer_id) is None:
            raise MatchRefused("This mother or volunteer is not there any more.")
        project = mother.project
        ends: list[date] = []
        if project is not None and project.usual_duration_weeks:
            ends.append(today + timedelta(weeks=project.usual_duration_weeks))
        born = mother.baby_dob or mother.edd
        if project is not None and project.baby_age_limit_months is not None and born:
            limit = _add_months(born, project.baby_age_limit_months)
            if limit > today:
                ends.append(limit)
        return ProposalDetails(
            proposed_on=today,
            introduction_visit_on=today + INTRODUCTION_AFTER,
            planned_end_date=min(ends) if ends else None,
            visit_frequency=project.visit_norm.value if project is not None else None,
            personal_numbers_shared=bool(project and project.personal_numbers_shared),
            rationale="",
        )


def _check_details(details: ProposalDetails) -> None:
    if details.introduction_visit_on and details.introduction_visit_on < details.proposed_on:
        raise MatchRefused("The introduction visit cannot be before the proposal.")
    if details.planned_end_date and details.planned_end_date < details.proposed_on:
        raise MatchRefused("The planned end cannot be before the proposal.")
    if details.visit_frequency is not None:
        try:
            m.VisitFrequency(details.visit_frequency)
        except ValueError:
            raise MatchRefused("Choose how often they will meet from the list.") from None


def propose(
    vault: Vault,
    mother_id: int,
    volunteer_id: int,
    details: ProposalDetails,
    *,
    today: date,
    decided_by: str,
    rules: MatchingRules | None = None,
) -> int:
    """Save a proposed match and return its id: one MatchCriterionScore row per criterion,
    exactly as suggest() shows it, with the weight used; decided_by and when; audited.

    Raises HardCheckFailed (with every reason) when the volunteer fails a hard check, and
    MatchRefused when the mother or volunteer is not there, her record cannot take a match
    now, or a detail is wrong."""
    _check_details(details)
    with vault.transaction() as session:
        labels, mother, pool, rules = gather(session, mother_id, today, rules)
        e = evaluate(pool, mother, rules, labels, today=today, start=details.proposed_on)
        return add_proposal(session, e, volunteer_id, details, decided_by)


def add_proposal(
    session: Session,
    e: Evaluation,
    volunteer_id: int,
    details: ProposalDetails,
    decided_by: str,
    shown: Iterable[Contribution] | None = None,
) -> int:
    """The proposed match of an evaluation's mother with one volunteer, in this session;
    its scores are `shown` (what the coordinator reviewed) or the evaluation's own."""
    i = e.pool.index_of.get(volunteer_id)
    if i is None:
        raise MatchRefused("This volunteer's record is not there any more.")
    said, _ = reasons(e, i)
    if said:
        raise HardCheckFailed(said)
    mother = session.get(m.Mother, e.mother.id)
    assert mother is not None
    if mother.stage in (MotherStage.CLOSED, MotherStage.MATCHED):
        raise MatchRefused(
            "Her record is closed: reopen it before matching her."
            if mother.stage is MotherStage.CLOSED
            else "She is already matched: end that match before proposing another."
        )
    other = session.scalar(
        select(m.Match.id).where(m.Match.mother_id == mother.id, m.Match.status.in_(CURRENT))
    )
    if other is not None:
        raise MatchRefused("She already has a proposed match: accept or decline it first.")
    by_criterion = {c.criterion: c for c in (shown if shown is not None else contributions(e, i))}
    match = m.Match(
        mother_id=mother.id,
        volunteer_id=volunteer_id,
        project_id=mother.project_id,
        status=MatchStatus.PROPOSED,
        proposed_on=details.proposed_on,
        introduction_visit_on=details.introduction_visit_on,
        planned_end_date=details.planned_end_date,
        agreed_visit_frequency=(
            m.VisitFrequency(details.visit_frequency) if details.visit_frequency else None
        ),
        personal_numbers_shared=details.personal_numbers_shared,
        coordinator_rationale=details.rationale.strip() or None,
        decided_by=decided_by.strip() or None,
        decided_at=m.utcnow(),
    )
    for criterion in Criterion:
        direction = e.rules.direction(criterion)
        part = by_criterion.get(criterion)
        match.criterion_scores.append(
            m.MatchCriterionScore(
                criterion=criterion.value,
                direction=m.CriterionDirection(direction.value if direction else "none"),
                points=part.points if part else 0.0,
                explanation=part.why if part else NOT_COUNTED,
                weight=e.rules.weight(criterion),
            )
        )
    match.status_changes.append(
        m.MatchStatusChange(
            from_status=None, to_status=MatchStatus.PROPOSED, changed_on=details.proposed_on
        )
    )
    session.add(match)
    session.flush()
    audit.record(
        session,
        AuditAction.CREATE,
        entity_type="match",
        entity_id=match.id,
        fields=["status", "proposed_on", "criterion_scores", "coordinator_rationale"],
    )
    return match.id


# The steps after a proposal ---------------------------------------------------------------


def _match(session: Session, match_id: int, allowed: Iterable[MatchStatus], doing: str) -> m.Match:
    match = session.get(m.Match, match_id)
    if match is None:
        raise MatchRefused("This match is not there any more.")
    if match.status not in tuple(allowed):
        raise MatchRefused(f"A match that is {match.status.value} cannot be {doing}.")
    return match


def _change(
    session: Session, match: m.Match, to: MatchStatus, on: date, note: str | None, fields: list[str]
) -> None:
    match.status_changes.append(
        m.MatchStatusChange(
            from_status=match.status, to_status=to, changed_on=on, note=(note or "").strip() or None
        )
    )
    match.status = to
    audit.record(
        session,
        AuditAction.UPDATE,
        entity_type="match",
        entity_id=match.id,
        fields=["status", *fields],
    )


def _set_stage(
    session: Session,
    mother: m.Mother,
    stage: MotherStage,
    on: date,
    reason: m.ClosureReason | None = None,
    note: str | None = None,
) -> None:
    """Her stage follows her matches (with a row in her stage history)."""
    if mother.stage is stage:
        return
    mother.stage_changes.append(
        m.MotherStageChange(
            from_stage=mother.stage, to_stage=stage, changed_on=on, reason=reason, note=note
        )
    )
    mother.stage = stage
    mother.stage_changed_on = on
    mother.closure_reason = reason
    mother.closure_reason_note = note if reason else None
    audit.record(
        session, AuditAction.UPDATE, entity_type="mother", entity_id=mother.id, fields=["stage"]
    )


def _places_taken(session: Session, volunteer_id: int, besides: int) -> int:
    return (
        session.scalar(
            select(func.count()).where(
                m.Match.volunteer_id == volunteer_id,
                m.Match.status.in_(CURRENT),
                m.Match.id != besides,
            )
        )
        or 0
    )


def accept(vault: Vault, match_id: int, *, start_date: date, today: date) -> None:
    """Proposed -> active from start_date; the mother's stage -> matched."""
    with vault.transaction() as session:
        match = _match(session, match_id, [MatchStatus.PROPOSED], "accepted")
        volunteer = match.volunteer
        if start_date < match.proposed_on:
            raise MatchRefused("The start date cannot be before the proposal.")
        if match.planned_end_date and match.planned_end_date < start_date:
            raise MatchRefused("The start date is after the planned end: change one of them.")
        if volunteer.status is not m.VolunteerStatus.ACTIVE:
            raise MatchRefused(f"{volunteer.display_name} is not active now.")
        taken = _places_taken(session, volunteer.id, besides=match.id)
        if taken >= volunteer.max_matches:
            raise MatchRefused(
                f"{volunteer.display_name} is at capacity ({taken} of {volunteer.max_matches})."
            )
        match.start_date = start_date
        _change(session, match, MatchStatus.ACTIVE, start_date, None, ["start_date"])
        _set_stage(session, match.mother, MotherStage.MATCHED, today)


def decline(vault: Vault, match_id: int, *, reason: str, today: date) -> None:
    """Proposed -> ended (declined, with the reason); the mother goes back to waiting."""
    if not reason.strip():
        raise MatchRefused("Say why the proposal was declined.")
    with vault.transaction() as session:
        match = _match(session, match_id, [MatchStatus.PROPOSED], "declined")
        match.ended_on = max(today, match.proposed_on)
        _change(
            session,
            match,
            MatchStatus.ENDED,
            match.ended_on,
            f"Declined: {reason.strip()}",
            ["ended_on"],
        )
        _after_end(session, match, today, close=False, reason=reason)


def pause(vault: Vault, match_id: int, *, reason: str, on: date, today: date) -> None:
    """Active -> paused on `on`, with the reason."""
    with vault.transaction() as session:
        match = _match(session, match_id, [MatchStatus.ACTIVE], "paused")
        if match.start_date and on < match.start_date:
            raise MatchRefused("A match cannot be paused before it started.")
        match.paused_on = on
        _change(session, match, MatchStatus.PAUSED, on, reason, ["paused_on"])


def resume(vault: Vault, match_id: int, *, on: date, today: date) -> None:
    """Paused -> active again on `on`."""
    with vault.transaction() as session:
        match = _match(session, match_id, [MatchStatus.PAUSED], "resumed")
        if match.paused_on and on < match.paused_on:
            raise MatchRefused("A match cannot resume before it was paused.")
        match.paused_on = None
        _change(session, match, MatchStatus.ACTIVE, on, None, ["paused_on"])


def end(
    vault: Vault,
    match_id: int,
    *,
    on: date,
    reason: str,
    mother_closes: bool,
    today: date,
    record_ending: Callable[[Session, m.Match], None] | None = None,
) -> None:
    """Active or paused -> ended on `on`, with the reason; the mother goes back to waiting,
    or her record is closed (support complete) when `mother_closes`.

    The one place the ending workflow hooks in: keep every way of ending a match here.
    `record_ending(session, match)` (the ending checklist's) runs in the same transaction,
    so that the match never ends without its ending, nor the other way round."""
    with vault.transaction() as session:
        match = _match(session, match_id, [MatchStatus.ACTIVE, MatchStatus.PAUSED], "ended")
        if (match.start_date and on < match.start_date) or on < match.proposed_on:
            raise MatchRefused("A match cannot end before it started.")
        match.ended_on = on
        _change(session, match, MatchStatus.ENDED, on, reason, ["ended_on"])
        _after_end(session, match, today, close=mother_closes, reason=reason)
        if record_ending is not None:
            record_ending(session, match)


def _after_end(session: Session, match: m.Match, today: date, *, close: bool, reason: str) -> None:
    """She goes back to waiting (or is closed) unless another match of hers goes on."""
    session.flush()
    mother = match.mother
    if close:
        _set_stage(
            session,
            mother,
            MotherStage.CLOSED,
            today,
            m.ClosureReason.SUPPORT_COMPLETE,
            reason.strip() or None,
        )
        return
    still = session.scalar(
        select(m.Match.id).where(
            m.Match.mother_id == mother.id,
            m.Match.status.in_((MatchStatus.ACTIVE, MatchStatus.PAUSED)),
        )
    )
    if still is None and mother.stage is MotherStage.MATCHED:
        _set_stage(session, mother, MotherStage.WAITING, today)
