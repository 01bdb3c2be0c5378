"""Letters from the command line: `print {referral-summary,offer,acknowledgement,
introduction,ending} REF --out FILE.pdf`.

The same safety rules as the app: a refused letter exits 1, says why, and writes no file.
REF is her reference (M0042) or database id; for `offer`, a project's name or id.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from coordinator.cli.common import EXIT_OK, Rejected, UsageError, open_db, out

ORDER = 55
KINDS = ("referral-summary", "offer", "acknowledgement", "introduction", "ending")
UNENCRYPTED = "The PDF is not encrypted: delete it once it is printed or sent."


def _mother_id(vault, ref: str) -> int:
    from coordinator.models import Mother
    from coordinator.services.references import find_by_reference

    found = find_by_reference(vault, ref)
    if found is not None and found[0] == "mother":
        return found[1]
    if ref.strip().isdigit():
        with vault.session() as session:
            if session.get(Mother, int(ref)) is not None:
                return int(ref)
    raise UsageError(f"No mother has the reference {ref!r}. Use her reference, e.g. M0042.")


def _project_id(vault, ref: str) -> int:
    from sqlalchemy import func, select

    from coordinator.models import Project

    with vault.session() as session:
        if ref.strip().isdigit() and session.get(Project, int(ref)) is not None:
            return int(ref)
        found = session.scalar(
            select(Project.id).where(func.lower(Project.name) == ref.strip().lower())
        )
    if found is None:
        raise UsageError(f"No project is called {ref!r}.")
    return found


def _request(args: argparse.Namespace, vault, mother_id: int):
    from coordinator.services import letters as L

    kind = {
        "referral-summary": L.LetterKind.REFERRAL_SUMMARY,
        "acknowledgement": L.LetterKind.ACKNOWLEDGEMENT,
        "introduction": L.LetterKind.INTRODUCTION,
    }.get(args.kind)
    if args.kind == "ending":
        kind = L.ending_kind(vault, mother_id)
        if args.unplanned:
            kind = L.LetterKind.ENDING_UNPLANNED
        elif args.planned:
            kind = L.LetterKind.ENDING_PLANNED
    sections: frozenset = frozenset()
    if args.sections:
        try:
            sections = L.parse_sections(args.sections)
        except ValueError as err:
            raise UsageError(str(err)) from None
    elif kind == L.LetterKind.REFERRAL_SUMMARY:
        raise UsageError("Name the sections to include: --sections identity,needs,...")
    recipient = L.Recipient(args.to, args.to_organisation or "") if args.to else None
    return L.LetterRequest(
        kind,
        mother_id,
        address=L.AddressChoice(args.address),
        sections=sections,
        safeguarding_confirmed=args.confirm_safeguarding,
        recipient=recipient,
        consent_acknowledged=args.acknowledge_no_consent,
        made_by=args.made_by or "",
    )


def cmd_print(args: argparse.Namespace) -> int:
    import pypdfium2

    from coordinator import letters as made
    from coordinator.services import letters as L
    from coordinator.services.exporting import ExportError, write_atomically

    target = Path(args.out).expanduser().absolute()
    if target.suffix.lower() != ".pdf":
        raise UsageError("The output file must end in .pdf.")
    today = date.today()
    with open_db(args) as vault:
        try:
            if args.kind == "offer":
                pdf, to, letter_id, warnings = (
                    made.offer_for_project(vault, _project_id(vault, args.ref)),
                    "",
                    None,
                    (),
                )
            else:
                request = _request(args, vault, _mother_id(vault, args.ref))
                letter = made.make_letter(vault, request, today=today)
                pdf, to = letter.pdf, letter.to
                letter_id, warnings = letter.letter_id, letter.warnings
        except L.LetterRefused as refused:
            hint = ""
            if refused.needs_acknowledgement:
                hint = " Add --acknowledge-no-consent to make it anyway (it is recorded)."
            elif refused.alternatives:
                hint = " Use --address " + " or --address ".join(
                    a.value for a in refused.alternatives
                )
                hint += "."
            raise Rejected(refused.message + hint) from None
    try:
        write_atomically(target, lambda fh: fh.write(pdf))
    except ExportError as err:
        raise Rejected(str(err)) from None
    pages = len(pypdfium2.PdfDocument(pdf))
    out(
        args,
        {
            "letter": args.kind,
            "ref": args.ref,
            "out": str(target),
            "pages": pages,
            "bytes": len(pdf),
            "to": to,
            "letter_id": letter_id,
            "warnings": list(warnings),
        },
        [
            f"Written {target} ({pages} page{'s' if pages != 1 else ''}).",
            *(f"Warning: {w}" for w in warnings),
            UNENCRYPTED,
        ],
    )
    return EXIT_OK


def register(sub: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "print",
        parents=parents,
        help="make a letter or the offer sheet as a PDF",
        description=__doc__.split("\n\n")[1],
    )
    p.add_argument("kind", choices=KINDS, help="which letter")
    p.add_argument("ref", metavar="REF", help="her reference (M0042); for offer, the project")
    p.add_argument("--out", required=True, help="the PDF file to write")
    p.add_argument(
        "--sections",
        help="referral summary: identity,pregnancy,referral,needs,support,safeguarding",
    )
    p.add_argument(
        "--address",
        choices=("home", "safe", "none"),
        default="home",
        help="letters to her: her home, her safe address, or none (to hand over)",
    )
    p.add_argument("--to", help="referral summary: who it is for (default: her referrer)")
    p.add_argument("--to-organisation", help="referral summary: their organisation")
    p.add_argument(
        "--confirm-safeguarding",
        action="store_true",
        help="confirm that the safeguarding section should be shared",
    )
    p.add_argument(
        "--acknowledge-no-consent",
        action="store_true",
        help="make a summary her recorded consent does not cover (recorded on the letter)",
    )
    ending = p.add_mutually_exclusive_group()
    ending.add_argument("--planned", action="store_true", help="ending: the planned wording")
    ending.add_argument("--unplanned", action="store_true", help="ending: the unplanned wording")
    p.add_argument("--made-by", help="your name, kept on the letter's record")
    p.set_defaults(func=cmd_print)
