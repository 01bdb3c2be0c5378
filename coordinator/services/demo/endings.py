"""How demo matches end: the reason, the ending's checklist, onward services and letters."""

from __future__ import annotations

from coordinator import models as m
from coordinator.services.demo.common import DAY, weights
from coordinator.services.demo.records import Dates, Mo, Proj, Vol
from coordinator.services.demo.run import Run

ER, By, LM = m.EndingReason, m.EndingInitiator, m.LetterMethod
UNPLANNED_WEIGHTS = weights(
    ER,
    "moved_away 20 mother_disengaged 30 mother_declined 15 volunteer_unavailable 10 "
    "escalated_to_professionals 10 other 5",
)


def decide_ending(run: Run, mo: Mo, proj: Proj, vol: Vol, planned: bool) -> None:
    """Why her match ends and who ended it, known before her own rows are made."""
    if planned:
        befriending = proj.model == m.SupportModel.BEFRIENDING
        age_limit = befriending and run.chance(0.5)
        mo.ending_reason = ER.BABY_AGE_LIMIT if age_limit else ER.SUPPORT_COMPLETE
        mo.ending_by = By.COORDINATOR if run.chance(0.6) else By.MOTHER
        return
    options = UNPLANNED_WEIGHTS
    if vol.status in (m.VolunteerStatus.LEFT, m.VolunteerStatus.PAUSED):
        options += ((ER.VOLUNTEER_UNAVAILABLE, 40),)
    mo.ending_reason = reason = run.weighted(options)
    mo.ending_by = {
        ER.VOLUNTEER_UNAVAILABLE: By.VOLUNTEER,
        ER.ESCALATED_TO_PROFESSIONALS: By.REFERRER if run.chance(0.3) else By.COORDINATOR,
        ER.OTHER: By.COORDINATOR,
    }.get(reason, By.MOTHER)


def add_ending(run: Run, mid: int, mo: Mo, proj: Proj, t: Dates, planned: bool) -> None:
    assert t.E is not None and mo.ending_reason is not None
    r, w = run.r, run.w
    eid = run.new_id("ending")
    ending_type = m.EndingType.PLANNED if planned else m.EndingType.UNPLANNED
    reason = mo.ending_reason
    onward_n = (r(1, 3) if run.chance(0.8) else 0) if planned else int(run.chance(0.35))
    onward = run.rng.sample(mo.services, min(onward_n, len(mo.services)))
    feedback = run.chance(0.7 if planned else 0.2)
    run.rows.add(
        "ending",
        id=eid,
        match_id=mid,
        ended_on=t.E,
        ending_type=ending_type,
        initiated_by=mo.ending_by,
        reason=reason,
        reason_note=w["ending_notes"].get(reason.value),
        mother_feedback=run.pick(w["feedback"]) if feedback else None,
        outcome_score=mo.end_score,
        door_left_open=reason != ER.ESCALATED_TO_PROFESSIONALS or run.chance(0.5),
    )
    run.rows.add_each("ending_signpost", "service_id", [s[0] for s in onward], ending_id=eid)
    _checklist(run, eid, mo, t, proj, ending_type, onward)
    _closure_letters(run, eid, mo, t)


def _checklist(
    run: Run,
    eid: int,
    mo: Mo,
    t: Dates,
    proj: Proj,
    ending_type: m.EndingType,
    onward: list[tuple[int, str, str]],
) -> None:
    """The project's checklist for this kind of ending, answered."""
    assert t.E is not None
    planned = ending_type == m.EndingType.PLANNED
    for item_id, position, text in run.templates[(proj.id, ending_type)]:
        done, note, lowered = run.chance(0.92 if planned else 0.8), None, text.lower()
        if "letter" in lowered and mo.no_letters_home:
            done, note = False, run.w["checklist_no_post"]
        elif "signposting" in lowered and onward:
            note = ", ".join(s[1] for s in onward)
        run.rows.add(
            "ending_checklist_answer",
            ending_id=eid,
            template_item_id=item_id,
            position=position,
            item_text=text,
            done=done,
            done_on=min(run.T, t.E + DAY * run.r(-14, 10)) if done else None,
            note=note,
        )


def _closure_letters(run: Run, eid: int, mo: Mo, t: Dates) -> None:
    """To her (unless letters home are unsafe and there is no email), and to her referrer."""
    assert t.E is not None
    sent = min(run.T, t.E + DAY * run.r(0, 7))
    method = LM.POST
    if mo.no_letters_home:
        method = LM.EMAIL if mo.email else LM.NOT_SENT
    letters = [(f"{mo.first} {mo.last}", method)]
    if mo.referrer and run.chance(0.6):
        letters.append((mo.referrer, LM.EMAIL))
    for recipient, method in letters:
        run.rows.add(
            "letter_sent",
            mother_id=mo.id,
            ending_id=eid,
            kind="closure",
            recipient=recipient,
            sent_on=None if method == LM.NOT_SENT else sent,
            method=method,
            note=run.w["letter_not_sent"] if method == LM.NOT_SENT else None,
        )
