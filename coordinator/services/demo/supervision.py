"""Demo supervision: one-to-one sessions per volunteer, group sessions per project, actions."""

from __future__ import annotations

from datetime import date

from coordinator import models as m
from coordinator.services.demo.common import DAY
from coordinator.services.demo.records import Proj, Vol
from coordinator.services.demo.run import Run

OVERDUE = 2  # the first active volunteers whose supervision is overdue


def add_supervision(run: Run) -> None:
    """A year of sessions: one-to-ones at each project's interval, groups every 8 weeks."""
    T, r = run.T, run.r
    year_ago = T - DAY * 365
    overdue = OVERDUE
    for vol in run.vols:
        if vol.active_from is None or vol.window_end is None:
            continue
        weeks, until = vol.projects[0].interval_weeks, vol.window_end
        if vol.status == m.VolunteerStatus.ACTIVE and (overdue > 0 or run.chance(0.1)):
            overdue -= 1
            until = T - DAY * (weeks * 7 + r(7, 40))
        held = max(vol.active_from + DAY * 14, year_ago) + DAY * r(0, weeks * 7)
        while held <= until:
            _session(run, held, weeks, [vol], vol.projects[0], group=False)
            held += DAY * (weeks * 7 + r(-7, 7))
    for proj in run.projects:
        held = year_ago + DAY * r(0, 20)
        members = [v for v in run.vols if proj in v.projects and v.active_from is not None]
        while held <= T:
            present = [v for v in members if v.active_from <= held <= (v.window_end or T)]  # type: ignore[operator]
            if len(present) >= 2:
                attendees = run.rng.sample(present, min(len(present), r(3, 8)))
                _session(run, held, 8, sorted(attendees, key=lambda v: v.id), proj, group=True)
            held += DAY * (56 + r(-3, 3))


def _session(run: Run, held: date, weeks: int, vols: list[Vol], proj: Proj, *, group: bool) -> None:
    T, w = run.T, run.w
    sid = run.new_id("supervision_session")
    discussed = [
        mid for v in vols for s, e, mid in v.spans if s <= held and (e is None or e >= held)
    ]
    busy = any(v.busy_match for v in vols) and held >= T - DAY * 28
    run.rows.add(
        "supervision_session",
        id=sid,
        held_on=held,
        kind=m.SupervisionKind.GROUP if group else m.SupervisionKind.ONE_TO_ONE,
        supervisor_name=w["group_supervisor"] if group else proj.coordinator,
        duration_minutes=90 if group else run.pick((30, 45, 60)),
        wellbeing=None if group else run.pick(w["wellbeing"]),
        boundary_concerns=run.sometimes(0.08, w["boundary_notes"]),
        dependency_concerns=w["dependency_note"] if busy else None,
        safeguarding=w["supervision_safeguarding"] if run.chance(0.04) else None,
        training_needs=run.sometimes(0.12, w["training_wishes"]),
        notes=run.pick(w["group_topics"]) if group else None,
        next_due_on=held + DAY * 7 * weeks,
    )
    run.rows.add_each("supervision_attendee", "volunteer_id", [v.id for v in vols], session_id=sid)
    matches = list(dict.fromkeys(discussed))[: 4 if group else None]
    run.rows.add_each("supervision_match", "match_id", matches, session_id=sid)
    _actions(run, sid, held, vols, proj)


def _actions(run: Run, sid: int, held: date, vols: list[Vol], proj: Proj) -> None:
    """Up to two actions agreed in the session; most get done, and those due more than two
    months ago all have been (a year of stale actions would bury Today's real ones)."""
    T, r = run.T, run.r
    for _ in range(run.weighted(((0, 45), (1, 40), (2, 15)))):
        v = run.pick(vols)
        due = held + DAY * r(7, 28)
        p_done = 0.2 if due > T else 1.0 if due < T - DAY * 60 else 0.7
        done_on = min(T, held + DAY * r(1, (due - held).days + 7)) if run.chance(p_done) else None
        run.rows.add(
            "supervision_action",
            session_id=sid,
            volunteer_id=v.id,
            text=run.pick(run.w["supervision_actions"]),
            owner=v.name if run.chance(0.6) else proj.coordinator,
            due_on=due,
            done_on=done_on,
        )
