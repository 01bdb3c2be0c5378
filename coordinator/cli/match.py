"""The `match` commands: rank volunteers for a mother, propose a match, batch the waiting list.

    coordinator match suggest MOTHER [--top N] [--json]
    coordinator match propose MOTHER VOLUNTEER [--note TEXT] [--by NAME] [--json]
    coordinator match waiting [--project NAME] [--save] [--json]

A mother or volunteer is named by her reference (M0042, V0007; case and leading zeros do
not matter) or her database id. `propose` exits 1, saving nothing, when the volunteer fails
a hard check, and lists every reason.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date

from coordinator.cli.common import EXIT_OK, EXIT_REJECTED, UsageError, open_db, out

ORDER = 50


def _person(vault, text: str, kind: str) -> tuple[int, str]:
    """(id, reference) of the mother or volunteer named by a reference or database id."""
    from coordinator import models as m
    from coordinator.services.references import find_by_reference, parse_reference

    model = m.Mother if kind == "mother" else m.Volunteer
    word = "mother" if kind == "mother" else "volunteer"
    text = text.strip()
    if text.isdigit():
        with vault.session() as session:
            found = session.get(model, int(text))
            if found is None:
                raise UsageError(f"There is no {word} with database id {text}.")
            return found.id, found.reference or ""
    parsed = parse_reference(text)
    if parsed is None:
        example = "M0042" if kind == "mother" else "V0007"
        raise UsageError(f"'{text}' is not a reference like {example} or a database id.")
    if parsed[0] != kind:
        raise UsageError(f"{text} is not a {word}'s reference.")
    hit = find_by_reference(vault, text)
    if hit is None:
        raise UsageError(f"There is no {word} with the reference {text.upper()}.")
    with vault.session() as session:
        return hit[1], session.get(model, hit[1]).reference or ""


def _contributions(parts) -> list[dict]:
    return [{"criterion": c.criterion.value, "points": c.points, "why": c.why} for c in parts]


def cmd_suggest(args: argparse.Namespace) -> int:
    from coordinator.services.matching import MatchRefused, suggest

    if args.top is not None and args.top < 0:
        raise UsageError("--top must be 0 or more.")
    with open_db(args) as vault:
        mother_id, reference = _person(vault, args.mother, "mother")
        try:
            found = suggest(vault, mother_id, today=date.today())
        except MatchRefused as err:
            raise UsageError(err.message) from None
    candidates = found.candidates if args.top is None else found.candidates[: args.top]
    payload = {
        "mother": reference,
        "candidates": [
            {
                "volunteer": c.reference,
                "name": c.name,
                "score": c.score,
                "contributions": _contributions(c.contributions),
            }
            for c in candidates
        ],
        "excluded": [
            {"volunteer": x.reference, "name": x.name, "reasons": list(x.reasons)}
            for x in found.excluded
        ],
    }
    lines = [f"Volunteers for {reference} ({found.mother.name}), best first:"]
    for c in candidates:
        lines.append(f"  {c.score:5.1f}  {c.reference}  {c.name}")
        lines.extend(f"         {p.points:4.1f}  {p.why}" for p in c.contributions)
    if not candidates:
        lines.append("  No volunteer passes every check.")
    lines.append(f"{len(found.excluded)} excluded. {found.tie_rule}")
    lines.extend(f"  {x.reference}  {x.name}: {'; '.join(x.reasons)}" for x in found.excluded)
    out(args, payload, lines)
    return EXIT_OK


def cmd_propose(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from coordinator.services.matching import (
        HardCheckFailed,
        MatchRefused,
        match_detail,
        proposal_defaults,
        propose,
    )

    today = date.today()
    with open_db(args) as vault:
        mother_id, mother_ref = _person(vault, args.mother, "mother")
        volunteer_id, volunteer_ref = _person(vault, args.volunteer, "volunteer")
        try:
            details = replace(
                proposal_defaults(vault, mother_id, volunteer_id, today=today),
                rationale=args.note or "",
            )
            match_id = propose(
                vault, mother_id, volunteer_id, details, today=today, decided_by=args.by
            )
        except HardCheckFailed as refused:
            message = f"{volunteer_ref} cannot be proposed for {mother_ref}."
            out(
                args,
                {"error": message, "reasons": list(refused.reasons), "exit_code": EXIT_REJECTED},
                [message, *(f"  {r}" for r in refused.reasons)],
            )
            return EXIT_REJECTED
        except MatchRefused as err:
            out(
                args,
                {"error": err.message, "reasons": [err.message], "exit_code": EXIT_REJECTED},
                [err.message],
            )
            return EXIT_REJECTED
        detail = match_detail(vault, match_id)
    score = round(sum(s.points for s in detail.scores), 1)
    out(
        args,
        {
            "match": match_id,
            "mother": mother_ref,
            "volunteer": volunteer_ref,
            "status": detail.row.status,
            "score": score,
            "contributions": _contributions(detail.scores),
        },
        [f"Proposed {volunteer_ref} for {mother_ref} (match {match_id}, score {score:.1f})."],
    )
    return EXIT_OK


def cmd_waiting(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from coordinator import models as m
    from coordinator.services.matching import HardCheckFailed, plan_waiting_list, save_plan

    today = date.today()
    with open_db(args) as vault:
        project_id = None
        if args.project:
            with vault.session() as session:
                project_id = session.scalar(
                    select(m.Project.id).where(
                        func.lower(m.Project.name) == args.project.strip().lower()
                    )
                )
            if project_id is None:
                raise UsageError(f"There is no project called '{args.project}'.")
        plan = plan_waiting_list(vault, project_id=project_id, today=today)
        saved: list[int] = []
        if args.save and plan.proposals:
            try:
                saved = save_plan(
                    vault,
                    plan,
                    [p.mother_id for p in plan.proposals],
                    today=today,
                    decided_by=args.by,
                )
            except HardCheckFailed as refused:
                raise UsageError(
                    "Nothing was saved: " + "; ".join(refused.reasons) + " Run it again."
                ) from None
    payload = {
        "proposals": [
            {"mother": p.mother_ref, "volunteer": p.volunteer_ref, "score": p.score}
            for p in plan.proposals
        ],
        "unmatched": [{"mother": ref, "reasons": list(why)} for _, ref, _, why in plan.unmatched],
        "total_score": plan.total_score,
    }
    lines = [
        f"{len(plan.proposals)} of {len(plan.proposals) + len(plan.unmatched)} waiting mothers "
        f"matched, total score {plan.total_score:.1f}, average {plan.average_score:.1f}:"
    ]
    lines.extend(
        f"  {p.mother_ref} with {p.volunteer_ref} ({p.volunteer_name}): {p.score:.1f}"
        for p in plan.proposals
    )
    lines.extend(f"  {ref} not matched: {'; '.join(why)}" for _, ref, _, why in plan.unmatched)
    if args.save:
        lines.append(f"Saved {len(saved)} proposed matches.")
        if getattr(args, "json", False):
            print(f"Saved {len(saved)} proposed matches.", file=sys.stderr)
    else:
        lines.append("Nothing saved: add --save to save these as proposed matches.")
    out(args, payload, lines)
    return EXIT_OK


def register(sub, parents: list[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("match", help="rank volunteers, propose matches, batch the waiting list")
    commands = group.add_subparsers(dest="match_command", metavar="ACTION", required=True)
    who = getpass.getuser()

    p = commands.add_parser(
        "suggest", parents=parents, help="rank every volunteer for a mother, with reasons"
    )
    p.add_argument("mother", metavar="MOTHER", help="her reference (M0042) or database id")
    p.add_argument("--top", type=int, default=None, metavar="N", help="show the best N only")
    p.set_defaults(func=cmd_suggest)

    p = commands.add_parser("propose", parents=parents, help="save a proposed match")
    p.add_argument("mother", metavar="MOTHER", help="her reference (M0042) or database id")
    p.add_argument("volunteer", metavar="VOLUNTEER", help="her reference (V0007) or database id")
    p.add_argument("--note", default="", metavar="TEXT", help="your reasons, kept with the match")
    p.add_argument("--by", default=who, metavar="NAME", help=f"who decided (default {who})")
    p.set_defaults(func=cmd_propose)

    p = commands.add_parser(
        "waiting", parents=parents, help="match the waiting list as a whole (a plan to review)"
    )
    p.add_argument("--project", metavar="NAME", help="only this project's waiting list")
    p.add_argument("--save", action="store_true", help="save the plan as proposed matches")
    p.add_argument("--by", default=who, metavar="NAME", help=f"who decided (default {who})")
    p.set_defaults(func=cmd_waiting)
