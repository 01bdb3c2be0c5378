"""Command line: scriptable, and how tests and installers check the app.

Passphrase: COORDINATOR_PASSPHRASE, else asked at the terminal. Database: --db PATH, else
COORDINATOR_DB, else the default file in the user data folder. Exit codes: 0 done; 1 done but
some input rows rejected; 2 usage error; 3 cannot open; 4 integrity check failed.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coordinator import APP_NAME, __version__, config
from coordinator.storage.errors import EmptyPassphrase, VaultError

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_CANNOT_OPEN, EXIT_INTEGRITY = 0, 1, 2, 3, 4


class UsageError(Exception):
    """A mistake in how the command was called (exit code 2)."""


def _out(args: argparse.Namespace, payload: dict[str, Any], lines: list[str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, indent=2, sort_keys=True, default=str))
    else:
        for line in lines:
            print(line)


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def read_passphrase(prompt: str = "Passphrase: ", env: str = config.ENV_PASSPHRASE) -> str:
    value = os.environ.get(env)
    if value is not None:
        if not value:
            raise EmptyPassphrase()
        return value
    if not _interactive():
        raise UsageError(f"No passphrase: set {env} or run in a terminal to be asked.")
    value = getpass.getpass(prompt)
    if not value:
        raise EmptyPassphrase()
    return value


def read_new_passphrase(env: str, accept_weak: bool) -> str:
    """A new passphrase: from the environment, or typed twice; weak ones need consent."""
    from coordinator.services.passphrase import assess

    if os.environ.get(env) is not None:
        passphrase = read_passphrase(env=env)
        strength = assess(passphrase)
        if strength.is_weak and not accept_weak:
            raise UsageError(
                f"The passphrase is weak ({strength.label.lower()}: {strength.warning or 'easy to guess'}). "
                "Choose a longer one, or add --accept-weak to use it anyway."
            )
        return passphrase
    if not _interactive():
        raise UsageError(f"No passphrase: set {env} or run in a terminal to be asked.")
    print("Choose a passphrase. Nothing can recover it if it is forgotten: keep backups.")
    while True:
        first = getpass.getpass("New passphrase: ")
        if not first:
            print("The passphrase cannot be empty.")
            continue
        strength = assess(first)
        print(f"Strength: {strength.label}. {strength.warning}".rstrip())
        if getpass.getpass("Type it again: ") != first:
            print("The two passphrases differ; try again.")
            continue
        if strength.is_weak and not accept_weak:
            answer = input("This passphrase is weak. Use it anyway? [y/N] ").strip().lower()
            if answer not in ("y", "yes"):
                continue
        return first


def cmd_init(args: argparse.Namespace) -> int:
    from coordinator.storage.vault import create_vault

    path = config.resolve_db_path(args.db)
    if path.exists():
        raise UsageError(f"A file already exists at {path}; nothing was overwritten.")
    passphrase = read_new_passphrase(config.ENV_PASSPHRASE, args.accept_weak)
    with create_vault(path, passphrase) as vault:
        revision = vault.schema_revision()
    _out(
        args,
        {"created": str(path), "schema": revision},
        [
            f"Created an encrypted database at {path}.",
            "Keep your passphrase safe and make backups.",
        ],
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from coordinator.services.records.labels import counted
    from coordinator.services.status import record_counts
    from coordinator.storage.errors import ReadOnly
    from coordinator.storage.vault import open_read_only, open_vault

    path = config.resolve_db_path(args.db)
    passphrase = read_passphrase()
    try:
        vault = open_vault(path, passphrase, lock=False, upgrade=False)
    except ReadOnly:  # a backup on read-only media: check it where it is
        vault = open_read_only(path, passphrase)
    with vault:
        problems = vault.integrity_problems()
        if vault.read_only:  # its check writes (and rolls back): not possible here
            index = "not checked: the file is read-only"
        elif problems:
            index = "not checked: the file is damaged"
        else:
            from coordinator.services.search import inconsistent_indexes

            with vault.session() as session:
                problems = [
                    f"search index for {k} out of step" for k in inconsistent_indexes(session)
                ]
            index = "failed" if problems else "ok"
        counts = record_counts(vault) if not problems else {}
        revision = vault.schema_revision()
    ok = not problems
    lines = [f"Database: {path}", f"Schema: {revision}"]
    if vault.read_only:
        lines.append("Read-only: checked where it is, nothing written.")
    lines += [f"  {name}: {n}" for name, n in counts.items()]
    lines.append(
        "Integrity: ok" if ok else f"Integrity: FAILED ({counted(len(problems), 'problem')})"
    )
    _out(
        args,
        {
            "database": str(path),
            "schema": revision,
            "integrity": "ok" if ok else "failed",
            "read_only": vault.read_only,
            "search_index": index,
            "problems": problems[:50],
            "counts": counts,
        },
        lines,
    )
    return EXIT_OK if ok else EXIT_INTEGRITY


def cmd_demo(args: argparse.Namespace) -> int:
    from coordinator.services.demo import DemoRefused, fill_demo
    from coordinator.services.status import record_counts
    from coordinator.storage.vault import create_vault, open_vault

    if args.mothers < 0 or args.volunteers < 0:
        raise UsageError("--mothers and --volunteers must be 0 or more.")
    path = config.resolve_db_path(args.db)
    created = not path.exists()
    if created:
        passphrase = read_new_passphrase(config.ENV_PASSPHRASE, accept_weak=True)
        vault = create_vault(path, passphrase)
    else:
        vault = open_vault(path, read_passphrase())
    with vault:
        try:
            fill_demo(vault, mothers=args.mothers, volunteers=args.volunteers, seed=args.seed)
        except DemoRefused as err:
            raise UsageError(str(err)) from None
        counts = record_counts(vault)
    _out(
        args,
        {"database": str(path), "created": created, "seed": args.seed, "counts": counts},
        [f"Made-up demo records written to {path} (seed {args.seed}):"]
        + [f"  {name}: {n}" for name, n in counts.items()],
    )
    return EXIT_OK


def _other_passphrase(args: argparse.Namespace, prompt: str) -> str | None:
    """The backup's own passphrase: COORDINATOR_BACKUP_PASSPHRASE, else asked, if wanted."""
    if os.environ.get(config.ENV_BACKUP_PASSPHRASE) is not None:
        return read_passphrase(env=config.ENV_BACKUP_PASSPHRASE)
    if getattr(args, "other_passphrase", False):
        return read_passphrase(prompt, env=config.ENV_BACKUP_PASSPHRASE)
    return None


def cmd_backup(args: argparse.Namespace) -> int:
    from coordinator.services import backups
    from coordinator.storage.vault import open_vault

    path = config.resolve_db_path(args.db)
    passphrase = read_passphrase()
    other = None
    if os.environ.get(config.ENV_BACKUP_PASSPHRASE) is not None:
        other = read_passphrase(env=config.ENV_BACKUP_PASSPHRASE)
    elif args.other_passphrase:
        other = read_new_passphrase(config.ENV_BACKUP_PASSPHRASE, args.accept_weak)
    out = Path(args.out).expanduser().absolute()
    with open_vault(path, passphrase, lock=False, upgrade=False, check_pages=False) as vault:
        result = backups.back_up(vault, out, passphrase=other)
    _out(
        args,
        {
            "backup": str(result.path),
            "bytes": result.size,
            "rows": sum(result.counts.values()),
            "seconds": round(result.seconds, 3),
            "own_passphrase": other is not None,
            "verified": True,
        },
        [
            f"Backup written and verified: {result.path}",
            f"  {result.size / 1e6:.1f} MB, {sum(result.counts.values())} rows, "
            f"{result.seconds:.1f} s",
        ],
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from coordinator.services import backups
    from coordinator.storage.errors import WrongPassphrase

    path = config.resolve_db_path(args.db)
    source = Path(args.file).expanduser().absolute()
    passphrase = read_passphrase()
    other = _other_passphrase(args, "Passphrase of the backup: ")
    try:
        result = backups.restore(path, source, passphrase, backup_passphrase=other)
    except WrongPassphrase:
        if other is not None or not _interactive():
            raise
        other = read_passphrase("The backup has another passphrase. Type it: ")
        result = backups.restore(path, source, passphrase, backup_passphrase=other)
    lines = [f"Restored {path} from {source}."]
    if result.previous_copy is not None:
        lines.append(f"The database as it was is kept at {result.previous_copy}.")
    _out(
        args,
        {
            "database": str(path),
            "restored_from": str(source),
            "previous_copy": str(result.previous_copy) if result.previous_copy else None,
            "upgraded_from": result.upgraded_from,
            "rows": sum(result.counts.values()),
        },
        lines,
    )
    return EXIT_OK


def cmd_passphrase(args: argparse.Namespace) -> int:
    from coordinator.services import backups
    from coordinator.storage.keystore import KeyStore
    from coordinator.storage.vault import open_vault

    path = config.resolve_db_path(args.db)
    current = read_passphrase("Current passphrase: ")
    vault = open_vault(path, current)
    try:
        new = read_new_passphrase(config.ENV_NEW_PASSPHRASE, args.accept_weak)
        vault = backups.change_passphrase(vault, new)
    finally:
        vault.close()
    lines = [f"The passphrase of {path} has been changed."]
    keystore = KeyStore()
    remembered = keystore.has_remembered(path)
    if remembered:
        from coordinator.storage.errors import KeyringUnavailable

        try:
            keystore.remember(path, new)
            lines.append("The passphrase remembered on this PC was updated.")
        except KeyringUnavailable as err:
            lines.append(f"The remembered passphrase could not be updated: {err.reason}")
            remembered = False
    _out(args, {"database": str(path), "changed": True, "remembered_updated": remembered}, lines)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    db_help = "database file (default: $COORDINATOR_DB, else the file in your data folder)"
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
    reporting = argparse.ArgumentParser(add_help=False)
    reporting.add_argument("--json", action="store_true", help="print the result as JSON")

    parser = argparse.ArgumentParser(
        prog="coordinator",
        description=f"{APP_NAME}: with no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", default=None, help=db_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", parents=[common, reporting], help="create a new encrypted database")
    p.add_argument("--accept-weak", action="store_true", help="allow a weak passphrase")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser(
        "check",
        parents=[common, reporting],
        help="check passphrase, encryption and integrity; count records",
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "demo", parents=[common, reporting], help="fill an empty database with made-up records"
    )
    p.add_argument("--mothers", type=int, default=120, help="how many mothers (default 120)")
    p.add_argument("--volunteers", type=int, default=40, help="how many volunteers (default 40)")
    p.add_argument("--seed", type=int, default=1, help="same seed, same data (default 1)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser(
        "backup", parents=[common, reporting], help="write a verified encrypted backup"
    )
    p.add_argument("--out", required=True, help="the backup file to write")
    p.add_argument(
        "--other-passphrase",
        action="store_true",
        help="give the backup its own passphrase (asked, or $COORDINATOR_BACKUP_PASSPHRASE)",
    )
    p.add_argument("--accept-weak", action="store_true", help="allow a weak backup passphrase")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore",
        parents=[common, reporting],
        help="replace the database with a checked backup (the current one is kept)",
    )
    p.add_argument("file", help="the backup file")
    p.add_argument(
        "--other-passphrase",
        action="store_true",
        help="the backup has its own passphrase (asked, or $COORDINATOR_BACKUP_PASSPHRASE)",
    )
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser(
        "passphrase",
        parents=[common, reporting],
        help="change the passphrase ($COORDINATOR_NEW_PASSPHRASE, or asked twice)",
    )
    p.add_argument("--accept-weak", action="store_true", help="allow a weak passphrase")
    p.set_defaults(func=cmd_passphrase)

    from coordinator.cli_records import add_record_commands

    add_record_commands(sub, [common, reporting])
    return parser


def _report_error(args: argparse.Namespace | None, message: str, code: int) -> int:
    if args is not None and getattr(args, "json", False):
        print(json.dumps({"error": message, "exit_code": code}, indent=2))
    else:
        print(f"coordinator: {message}", file=sys.stderr)
    return code


def run(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if handler is None:
        from coordinator.ui.app import run_app

        return run_app(Path(config.resolve_db_path(args.db)) if args.db else None)
    try:
        return handler(args)
    except UsageError as err:
        return _report_error(args, str(err), EXIT_USAGE)
    except VaultError as err:
        return _report_error(args, err.user_message(), err.exit_code)
    except KeyboardInterrupt:
        return _report_error(args, "Stopped.", EXIT_USAGE)
