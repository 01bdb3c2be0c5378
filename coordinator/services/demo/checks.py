"""A demo volunteer's references, training modules and DBS checks."""

from __future__ import annotations

from datetime import date

from coordinator import models as m
from coordinator.services.demo.common import DAY, add_years
from coordinator.services.demo.records import Vol
from coordinator.services.demo.run import Run

CORE_MODULES = (
    "core_peer_support safeguarding boundaries_confidentiality lone_working record_keeping"
)
OPTIONAL_MODULES = "perinatal_mental_health infant_feeding domestic_abuse"


def add_references(run: Run, vol: Vol, applied: date) -> None:
    for _ in range(2):
        requested = min(run.T, applied + DAY * run.r(1, 7))
        received = requested + DAY * run.r(3, 25)
        done = received <= run.T and (vol.status != m.VolunteerStatus.APPLICANT or run.chance(0.4))
        run.rows.add(
            "volunteer_reference",
            volunteer_id=vol.id,
            referee_name=run.any_name(),
            referee_relationship=run.pick(run.w["referee_relationships"]),
            requested_on=requested,
            received_on=received if done else None,
            satisfactory=True if done else None,
            notes=None,
        )


def add_training(run: Run, vol: Vol, training: date | None, left_on: date | None) -> None:
    if training is None:
        return
    codes = run.vocab["training"]
    core = [c for c in CORE_MODULES.split() if c in codes]
    end = vol.active_from or left_on or run.T
    span = max(1, (end - training).days - 1)
    completed = [
        (code, training + DAY * max(1, span * (k + 1) // (len(core) + 1)))
        for k, code in enumerate(core)
    ]
    completed = [
        (code, when)
        for code, when in completed
        if when <= run.T and (vol.active_from is not None or run.chance(0.7))
    ]
    if vol.active_from is not None:
        last = min(run.T, vol.window_end or run.T)
        for code in [c for c in OPTIONAL_MODULES.split() if c in codes]:
            when = vol.active_from + DAY * run.r(30, 400)
            if when <= last and run.chance(0.5):
                completed.append((code, when))
    for code, when in completed:
        run.rows.add(
            "volunteer_training",
            volunteer_id=vol.id,
            module_id=codes[code],
            completed_on=when,
            refresh_due_on=add_years(when, 2) if code == "safeguarding" else None,
            notes=None,
        )


def add_dbs(run: Run, vol: Vol, training: date | None, forced_issue: date | None) -> None:
    """Issued during training, renewed every three years while she volunteers."""
    T, r = run.T, run.r
    issues: list[date] = []
    if vol.status == m.VolunteerStatus.IN_TRAINING and training is not None and run.chance(0.6):
        issues = [d for d in (training + DAY * r(10, 40),) if d <= T]
    elif vol.active_from is not None and training is not None:
        issue = training + DAY * r(7, max(7, (vol.active_from - training).days - 1))
        stop = min(T, vol.window_end or T)
        issues.append(issue)
        while add_years(issue, 3) - DAY * 30 <= stop:
            issue = min(stop, add_years(issue, 3) - DAY * r(15, 45))
            issues.append(issue)
        if forced_issue is not None:
            issues = [i for i in issues if i < forced_issue - DAY * 365] + [forced_issue]
    update_service = run.chance(0.4)
    for issue in issues:
        barred = run.chance(0.85)
        run.rows.add(
            "dbs_check",
            volunteer_id=vol.id,
            check_type=m.DbsCheckType.ENHANCED_BARRED if barred else m.DbsCheckType.ENHANCED,
            certificate_number=f"{r(1, 99_999_999_999):012d}",
            issue_date=issue,
            update_service=update_service,
            next_check_due=add_years(issue, 3),
            checked_by=vol.projects[0].coordinator,
            notes=None,
        )
