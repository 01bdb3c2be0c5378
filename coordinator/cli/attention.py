"""`attention`: Today's alerts, as the Today page shows them (snoozed ones left out)."""

from __future__ import annotations

import argparse
from datetime import date

from coordinator.cli.common import EXIT_OK, UsageError, open_db, out

ORDER = 45


def cmd_attention(args: argparse.Namespace) -> int:
    from coordinator.services import attention

    try:
        today = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError:
        raise UsageError("--today must be a date written YYYY-MM-DD.") from None
    with open_db(args) as vault:
        found = attention.alerts(vault, today)
    lines = [f"{len(found)} alert{'s' if len(found) != 1 else ''} on {today:%d %b %Y}."]
    for alert in found:
        who = f"{alert.who} " if alert.who else ""
        lines.append(f"  [{alert.severity.value}] {who}{alert.name}: {alert.what}")
    out(args, {"alerts": [alert.as_json() for alert in found]}, lines)
    return EXIT_OK


def register(sub, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("attention", parents=parents, help="what needs you today (Today's alerts)")
    p.add_argument("--today", default=None, help="the day to compute for (YYYY-MM-DD)")
    p.set_defaults(func=cmd_attention)
