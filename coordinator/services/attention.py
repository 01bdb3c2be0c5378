"""Today's alerts: what needs the coordinator, computed from the records (Qt-free).

Each rule (coordinator.services.attention_rules) is a small function taking a session and
`today` and returning plain `Alert` values: what kind, how urgent, who it is about, what is
due and which record (and section of it) to open. `alerts()` runs every rule, leaves out
the alerts the coordinator snoozed (until the snooze runs out or the alert changes) and
puts them in order: the most severe first, and within that the newest risk first.

A snooze is kept with its note in a declared setting (the charity's database) and audited.
"""

from __future__ import annotations

import enum
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from operator import attrgetter, itemgetter
from typing import NamedTuple

from sqlalchemy.orm import Session

from coordinator.models import AuditAction
from coordinator.services import audit, settings
from coordinator.services.sessions import Source, reading
from coordinator.storage.vault import Vault
from coordinator.words import N_


class Severity(enum.StrEnum):
    URGENT = "urgent"
    SOON = "soon"
    INFO = "info"


SEVERITY_RANK = {Severity.URGENT: 0, Severity.SOON: 1, Severity.INFO: 2}


# Alerts and their targets are named tuples rather than frozen dataclasses: as immutable,
# and several times quicker to make, which counts when a large database has thousands.


class Target(NamedTuple):
    """What to open for an alert: a record ("mother", "volunteer", "match", "backup") and
    the section of it that the alert is about ("safeguarding", "dbs", "contacts", ...)."""

    record: str
    id: int | None
    section: str = ""


class Alert(NamedTuple):
    #: A stable code ("no_contact_14"): see KIND_GROUP.
    kind: str
    severity: Severity
    #: The person's reference (M0042, V0007); None when about no one (backups).
    who: str | None
    name: str
    #: What is due or wrong, in words.
    what: str
    due: date | None
    target: Target
    #: When the risk arose: the newest comes first within a severity.
    since: date | None = None
    #: Which record of several the alert is about (a contact, a concern), for snoozing.
    detail_id: int | None = None

    @property
    def key(self) -> str:
        """Who and what: the same alert has the same key from one day to the next."""
        return f"{self.kind}:{self.target.record}:{self.target.id}:{self.detail_id or ''}"

    @property
    def fingerprint(self) -> str:
        """What it says: a snoozed alert comes back when this changes."""
        return f"{self.severity}|{self.what}|{self.due}"

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "severity": self.severity.value,
            "who": self.who,
            "name": self.name,
            "what": self.what,
            "due": self.due.isoformat() if self.due else None,
        }


#: An Alert (or Target) from all of its values, in order: `from_values(Alert, (kind, ...,
#: since, detail_id))`. The rules make thousands; a named tuple's own constructor is a
#: Python call taking several times as long, keywords more still.
from_values = tuple.__new__


#: The groups the Today page shows, in this order when equally severe; the title of each.
GROUPS: dict[str, str] = {
    "dbs_matched": N_("DBS expired while matched"),
    "safeguarding": N_("Safeguarding and concerns"),
    "contact": N_("Matches and contact"),
    "dbs": N_("DBS checks"),
    "supervision": N_("Supervision"),
    "endings": N_("Endings coming up"),
    "referrals": N_("Referrals and waiting"),
    "consent": N_("Consent reviews"),
    "backup": N_("Backups"),
}

#: The group of each kind of alert.
KIND_GROUP: dict[str, str] = {
    "dbs_expired_matched": "dbs_matched",
    "safeguarding_open": "safeguarding",
    "concern_open": "safeguarding",
    "follow_up_open": "safeguarding",
    "no_contact_30": "contact",
    "no_contact_14": "contact",
    "dependency": "contact",
    "dbs_expired": "dbs",
    "dbs_expiring": "dbs",
    "supervision_overdue": "supervision",
    "supervision_due": "supervision",
    "supervision_action_due": "supervision",
    "planned_ending": "endings",
    "ending_discuss_again": "endings",
    "baby_age_limit": "endings",
    "waiting_too_long": "referrals",
    "referral_not_contacted": "referrals",
    "consent_review": "consent",
    "no_backup": "backup",
}

# -- settings (declared once; the charity's database) -------------------------------------------

WAITING_DAYS = settings.Declared(
    "attention.waiting_days", int, 14, "Days waiting for a match before an alert", 1, 365
)
CONTACT_REFERRAL_DAYS = settings.Declared(
    "attention.contact_referral_days", int, 7, "Days to contact a new referral", 1, 90
)
SUPERVISION_WEEKS = settings.Declared(
    "attention.supervision_weeks",
    int,
    6,
    "Weeks between supervision sessions when the project sets none",
    1,
    52,
)
SNOOZED = settings.Declared[dict | None](
    "attention.snoozed", dict, None, "Alerts snoozed: key -> until, note and what it said"
)


def waiting_days(session: Session) -> int:
    return settings.get(session, WAITING_DAYS)


# -- computing ---------------------------------------------------------------------------------

Rule = Callable[[Session, date], list[Alert]]


def rules() -> tuple[Rule, ...]:
    from coordinator.services import attention_rules, attention_schedule

    return attention_rules.RULES + attention_schedule.RULES


def in_order(found: list[Alert]) -> list[Alert]:
    """Expired DBS while matched at the top; then by severity; newest risk first (the
    rules' order kept among equals, and an alert with no date last). Sorted by date within
    six buckets rather than by a (pinned, rank, date) key, which costs more than all the
    rest on thousands of alerts."""
    buckets: list[list[Alert]] = [[] for _ in range(6)]
    undated: list[list[Alert]] = [[] for _ in range(6)]
    # A rule gives its alerts in runs of one kind and severity: each run is placed whole.
    for (kind, severity), run in groupby(found, key=_KIND_AND_SEVERITY):
        # compared as text: quicker than hashing the enum
        rank = 0 if severity == Severity.URGENT else 1 if severity == Severity.SOON else 2
        bucket = rank if kind == "dbs_expired_matched" else 3 + rank
        run = list(run)
        dated = [alert for alert in run if alert.since is not None]
        buckets[bucket].extend(dated)
        if len(dated) != len(run):
            undated[bucket].extend(alert for alert in run if alert.since is None)
    ordered: list[Alert] = []
    for dated, without in zip(buckets, undated, strict=True):
        dated.sort(key=_SINCE, reverse=True)  # stable, reversed or not
        ordered.extend(dated)
        ordered.extend(without)
    return ordered


_KIND_AND_SEVERITY = itemgetter(0, 1)
_SINCE = attrgetter("since")


def compute(session: Session, today: date) -> list[Alert]:
    """Every rule's alerts, snoozed ones included, in order."""
    found: list[Alert] = []
    with _collector_held_off():
        for rule in rules():
            found.extend(rule(session, today))
        return in_order(found)


@contextmanager
def _collector_held_off() -> Iterator[None]:
    """Python's cycle collector held off while the alerts are made. Tens of thousands of
    new tuples, none of them in a cycle, otherwise set off a collection of the whole heap
    each time (about a third of the time the rules take, on a large database); what is
    left to collect is collected as usual once the alerts are made."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class Snooze:
    key: str
    until: date
    note: str
    fingerprint: str


def _snoozes(session: Session) -> dict[str, Snooze]:
    stored = settings.get(session, SNOOZED) or {}
    found = {}
    for key, value in stored.items():
        try:
            found[key] = Snooze(
                key, date.fromisoformat(value["until"]), str(value["note"]), value["what"]
            )
        except (KeyError, TypeError, ValueError):
            continue  # a damaged entry snoozes nothing
    return found


def is_snoozed(alert: Alert, snoozes: dict[str, Snooze], today: date) -> bool:
    snooze = snoozes.get(alert.key)
    return snooze is not None and snooze.until > today and snooze.fingerprint == alert.fingerprint


def alerts(source: Source, today: date, *, include_snoozed: bool = False) -> list[Alert]:
    """What needs her today, in order; without the alerts she snoozed unless asked."""
    if include_snoozed:
        with reading(source) as session:
            return compute(session, today)
    return split(source, today)[0]


def snoozed(source: Source, today: date) -> list[tuple[Alert, Snooze]]:
    """The alerts snoozed now, with their snoozes."""
    return split(source, today)[1]


def split(source: Source, today: date) -> tuple[list[Alert], list[tuple[Alert, Snooze]]]:
    """(the alerts to show, the snoozed ones with their snoozes), computed once."""
    with reading(source) as session:
        found = compute(session, today)
        snoozes = _snoozes(session)
    shown = [a for a in found if not is_snoozed(a, snoozes, today)]
    hidden = [(a, snoozes[a.key]) for a in found if is_snoozed(a, snoozes, today)]
    return shown, hidden


def snooze(vault: Vault, alert: Alert, *, until: date, note: str, today: date) -> None:
    """Hide the alert until `until` (or until it changes), with her note; audited."""
    note = note.strip()
    if not note:
        raise ValueError("Say in a few words why this can wait.")
    if until <= today:
        raise ValueError("Choose a day after today.")
    with vault.transaction() as session:
        stored = dict(settings.get(session, SNOOZED) or {})
        # Snoozes that have run out are dropped as new ones are added, so the list stays short.
        stored = {k: v for k, v in stored.items() if str(v.get("until", "")) > today.isoformat()}
        stored[alert.key] = {"until": until.isoformat(), "note": note, "what": alert.fingerprint}
        settings.put(session, SNOOZED, stored)
        audit.record(
            session,
            AuditAction.UPDATE,
            entity_type="alert",
            entity_id=alert.target.id,
            fields=["snoozed"],
            summary=f"{alert.kind} snoozed until {until.isoformat()}",
        )


def wake(vault: Vault, alert: Alert) -> None:
    """Show a snoozed alert again; audited."""
    with vault.transaction() as session:
        stored = dict(settings.get(session, SNOOZED) or {})
        if stored.pop(alert.key, None) is None:
            return
        settings.put(session, SNOOZED, stored)
        audit.record(
            session,
            AuditAction.UPDATE,
            entity_type="alert",
            entity_id=alert.target.id,
            fields=["snoozed"],
            summary=f"{alert.kind} snooze ended",
        )
