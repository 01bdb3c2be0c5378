"""`demo`: fill an empty database with realistic made-up records."""

from __future__ import annotations

import argparse

from coordinator import config
from coordinator.cli.common import (
    EXIT_OK,
    UsageError,
    count_lines,
    counts_payload,
    db_path,
    out,
    read_new_passphrase,
    read_passphrase,
)

ORDER = 20


def cmd_demo(args: argparse.Namespace) -> int:
    from coordinator.services.demo import DemoRefused, fill_demo
    from coordinator.services.setup import create_database
    from coordinator.services.status import record_counts
    from coordinator.storage.vault import open_vault

    if args.mothers < 0 or args.volunteers < 0:
        raise UsageError("--mothers and --volunteers must be 0 or more.")
    path = db_path(args)
    created = not path.exists()
    if created:
        passphrase = read_new_passphrase(config.ENV_PASSPHRASE, accept_weak=True)
        vault = create_database(path, passphrase)
    else:
        vault = open_vault(path, read_passphrase())
    with vault:
        try:
            fill_demo(vault, mothers=args.mothers, volunteers=args.volunteers, seed=args.seed)
        except DemoRefused as err:
            raise UsageError(str(err)) from None
        counts = record_counts(vault)
    out(
        args,
        {
            "database": str(path),
            "created": created,
            "seed": args.seed,
            "counts": counts_payload(counts),
        },
        [f"Made-up demo records written to {path} (seed {args.seed}):", *count_lines(counts)],
    )
    return EXIT_OK


def register(sub, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", parents=parents, help="fill an empty database with made-up records")
    p.add_argument("--mothers", type=int, default=120, help="how many mothers (default 120)")
    p.add_argument("--volunteers", type=int, default=40, help="how many volunteers (default 40)")
    p.add_argument("--seed", type=int, default=1, help="same seed, same data (default 1)")
    p.set_defaults(func=cmd_demo)
