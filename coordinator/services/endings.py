"""Ending a match well: the checklist of the most specific template, the reasons, onward
signposting, the door left open, her feedback and outcome score (Qt-free).

Saving goes through the matching engine's `end()` (the one place a match ends), which
frees the volunteer's place and moves the mother to closed or back to waiting; the Ending
and its answers are written in the same transaction. A required item left undone needs a
written reason, which is audited. The letters that should follow are listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.models import AuditAction, EndingInitiator, EndingReason, EndingType
from coordinator.models.mother import OUTCOME_SCORE_MAX, OUTCOME_SCORE_MIN
from coordinator.services import audit, matching
from coordinator.services.endings_prompts import discussed_again
from coordinator.services.sessions import Source, reading
from coordinator.storage.vault import Vault

REASON_LABELS = {
    EndingReason.SUPPORT_COMPLETE: "Support complete",
    EndingReason.BABY_AGE_LIMIT: "Baby reached the age limit",
    EndingReason.MOVED_AWAY: "Moved away",
    EndingReason.MOTHER_DISENGAGED: "Mother disengaged",
    EndingReason.MOTHER_DECLINED: "Mother declined further support",
    EndingReason.VOLUNTEER_UNAVAILABLE: "Volunteer unavailable",
    EndingReason.ESCALATED_TO_PROFESSIONALS: "Escalated to professionals",
    EndingReason.BABY_LOSS: "Baby loss",
    EndingReason.OTHER: "Other",
}
INITIATOR_LABELS = {
    EndingInitiator.MOTHER: "The mother",
    EndingInitiator.VOLUNTEER: "The volunteer",
    EndingInitiator.COORDINATOR: "The coordinator",
    EndingInitiator.REFERRER: "The referrer",
}
#: The words of the planned checklist's item ticked by "ending discussed again".
DISCUSSED_AGAIN_WORDS = "discussed again"


class EndingInvalid(ValueError):
    """The ending cannot be saved; `problems` says why, by field (or "item:N")."""

    def __init__(self, problems: dict[str, str]):
        super().__init__("; ".join(problems.values()))
        self.problems = problems


@dataclass
class ChecklistAnswer:
    text: str
    required: bool
    item_id: int | None = None
    done: bool = False
    done_on: date | None = None
    #: What was done; for a required item not done, the reason it was not (audited).
    note: str = ""


@dataclass
class EndingPlan:
    match_id: int
    ended_on: date
    ending_type: EndingType
    reason: EndingReason = EndingReason.SUPPORT_COMPLETE
    initiated_by: EndingInitiator | None = None
    reason_note: str = ""
    answers: list[ChecklistAnswer] = field(default_factory=list)
    onward_service_ids: tuple[int, ...] = ()
    door_left_open: bool = True
    mother_feedback: str = ""
    outcome_score: int | None = None
    #: Close her record (else she goes back to waiting for another volunteer).
    mother_closes: bool = True


@dataclass(frozen=True)
class EndingDone:
    ending_id: int
    #: The letters that should follow, in words (the letters work prints them).
    letters: tuple[str, ...]
    overridden: int


def template_for(
    session: Session, project_id: int | None, model: m.SupportModel | None, kind: EndingType
) -> m.ChecklistTemplate | None:
    """The most specific active template: this project's over every project's, this model's
    over both models'; the newest when two are as specific."""
    candidates = session.scalars(
        select(m.ChecklistTemplate).where(
            m.ChecklistTemplate.active.is_(True),
            m.ChecklistTemplate.ending_type == kind,
            (m.ChecklistTemplate.project_id == project_id)
            | m.ChecklistTemplate.project_id.is_(None),
            (m.ChecklistTemplate.model == model) | m.ChecklistTemplate.model.is_(None),
        )
    ).all()

    def rank(t: m.ChecklistTemplate) -> tuple[int, int, int]:
        return (t.project_id is not None, t.model is not None, t.id)

    return max(candidates, key=rank, default=None)


def start_ending(source: Source, match_id: int, kind: EndingType, *, today: date) -> EndingPlan:
    """A plan for ending the match today, with its checklist (ending discussed again ticked
    when it was recorded)."""
    with reading(source) as session:
        match = session.get(m.Match, match_id)
        if match is None:
            raise LookupError("That match is no longer in the database.")
        template = template_for(session, match.project_id, match.project.model, kind)
        talked = discussed_again(session).get(match_id)
        answers = []
        for item in template.items if template else ():
            answer = ChecklistAnswer(item.text, item.required, item.id)
            if talked and DISCUSSED_AGAIN_WORDS in item.text.lower():
                answer.done, answer.done_on = True, talked
            answers.append(answer)
        planned = kind is EndingType.PLANNED
        return EndingPlan(
            match_id,
            today,
            kind,
            EndingReason.SUPPORT_COMPLETE if planned else EndingReason.MOTHER_DISENGAGED,
            answers=answers,
        )


def check(plan: EndingPlan, *, today: date) -> dict[str, str]:
    """What stops the ending being saved, by field ("item:3" for the fourth answer)."""
    problems = {}
    if plan.ended_on > today:
        problems["ended_on"] = "The end date is in the future: end the match on the day."
    if plan.reason is EndingReason.OTHER and not plan.reason_note.strip():
        problems["reason_note"] = "Say what the other reason was."
    score = plan.outcome_score
    if score is not None and not OUTCOME_SCORE_MIN <= score <= OUTCOME_SCORE_MAX:
        problems["outcome_score"] = (
            f"The outcome score goes from {OUTCOME_SCORE_MIN} to {OUTCOME_SCORE_MAX}."
        )
    for number, answer in enumerate(plan.answers):
        if answer.required and not answer.done and not answer.note.strip():
            problems[f"item:{number}"] = (
                f'"{answer.text}" is required: tick it, or write why it was not done.'
            )
        if answer.done and answer.done_on and answer.done_on > today:
            problems[f"item:{number}"] = f'"{answer.text}": the date done is in the future.'
    return problems


def letters_to_follow(session: Session, plan: EndingPlan) -> tuple[str, ...]:
    """The letters an ending calls for, in words, with what to mind."""
    match = session.get(m.Match, plan.match_id)
    mother = match.mother
    found = []
    by_hand = " (she asked for no letters at home: give it by hand or by her safe contact)"
    if plan.ending_type is EndingType.PLANNED:
        found.append("Ending letter to the mother" + (by_hand if mother.no_letters_home else ""))
    else:
        found.append(
            "Closure letter to the mother, only if it is safe to post"
            + (by_hand if mother.no_letters_home else "")
        )
    if mother.referrer_name or mother.referrer_agency:
        found.append("Letter to the referrer saying support has ended")
    if plan.onward_service_ids:
        found.append("Referral summary for the onward service(s), with her consent")
    return tuple(found)


def end_match(vault: Vault, plan: EndingPlan, *, today: date) -> EndingDone:
    """End the match with its checklist. Raises EndingInvalid (what is wrong), or
    matching.MatchRefused (the match cannot end now)."""
    problems = check(plan, today=today)
    if problems:
        raise EndingInvalid(problems)
    done: dict[str, object] = {}

    def record(session: Session, match: m.Match) -> None:
        ending = m.Ending(
            match_id=match.id,
            ended_on=plan.ended_on,
            ending_type=plan.ending_type,
            initiated_by=plan.initiated_by,
            reason=plan.reason,
            reason_note=plan.reason_note.strip() or None,
            mother_feedback=plan.mother_feedback.strip() or None,
            outcome_score=plan.outcome_score,
            door_left_open=plan.door_left_open,
            onward_services=[
                s for s in (session.get(m.LocalService, i) for i in plan.onward_service_ids) if s
            ],
            checklist_answers=[
                m.EndingChecklistAnswer(
                    template_item_id=a.item_id,
                    position=n,
                    item_text=a.text,  # the wording it was given, kept
                    done=a.done,
                    done_on=(a.done_on or plan.ended_on) if a.done else None,
                    note=a.note.strip() or None,
                )
                for n, a in enumerate(plan.answers)
            ],
        )
        session.add(ending)
        if plan.outcome_score is not None:
            match.mother.end_outcome_score = plan.outcome_score
        session.flush()
        overridden = [a for a in plan.answers if a.required and not a.done]
        audit.record(session, AuditAction.CREATE, entity_type="ending", entity_id=ending.id)
        for _answer in overridden:
            audit.record(
                session,
                AuditAction.UPDATE,
                entity_type="ending",
                entity_id=ending.id,
                fields=["checklist_override"],
                summary="A required checklist item was not done; a reason was written",
            )
        done.update(
            ending_id=ending.id,
            letters=letters_to_follow(session, plan),
            overridden=len(overridden),
        )

    matching.end(
        vault,
        plan.match_id,
        on=plan.ended_on,
        reason=REASON_LABELS[plan.reason],
        mother_closes=plan.mother_closes,
        today=today,
        record_ending=record,
    )
    return EndingDone(done["ending_id"], done["letters"], done["overridden"])  # type: ignore[arg-type]
