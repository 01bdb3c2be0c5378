"""Safekeeping: `backup` and `restore`."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from coordinator import config
from coordinator.cli.common import (
    EXIT_OK,
    db_path,
    interactive,
    out,
    read_new_passphrase,
    read_passphrase,
    typed_path,
)

if TYPE_CHECKING:
    from coordinator.storage.leftovers import Cleaned

ORDER = 30


def _other_passphrase(args: argparse.Namespace, prompt: str) -> str | None:
    """The backup's own passphrase: COORDINATOR_BACKUP_PASSPHRASE, else asked, if wanted."""
    if os.environ.get(config.ENV_BACKUP_PASSPHRASE) is not None:
        return read_passphrase(env=config.ENV_BACKUP_PASSPHRASE)
    if getattr(args, "other_passphrase", False):
        return read_passphrase(prompt, env=config.ENV_BACKUP_PASSPHRASE)
    return None


def cleaned_line(cleaned: Cleaned) -> str:
    count = len(cleaned.files)
    files = "file" if count == 1 else "files"
    return (
        f"  Removed {count} unfinished backup {files} ({cleaned.bytes / 1e6:.1f} MB) left in "
        "that folder by a backup that was interrupted."
    )


def cmd_backup(args: argparse.Namespace) -> int:
    from coordinator.services import backups
    from coordinator.storage.vault import open_vault

    path = db_path(args)
    passphrase = read_passphrase()
    other = None
    if os.environ.get(config.ENV_BACKUP_PASSPHRASE) is not None:
        other = read_passphrase(env=config.ENV_BACKUP_PASSPHRASE)
    elif args.other_passphrase:
        other = read_new_passphrase(config.ENV_BACKUP_PASSPHRASE, args.accept_weak)
    target = typed_path(args.out, "--out")
    with open_vault(path, passphrase, lock=False, upgrade=False, check_pages=False) as vault:
        result = backups.back_up(vault, target, passphrase=other)
    lines = [
        f"Backup written and verified: {result.path}",
        f"  {result.size / 1e6:.1f} MB, {sum(result.counts.values())} rows, {result.seconds:.1f} s",
    ]
    if result.cleaned:
        lines.append(cleaned_line(result.cleaned))
    out(
        args,
        {
            "backup": str(result.path),
            "bytes": result.size,
            "rows": sum(result.counts.values()),
            "seconds": round(result.seconds, 3),
            "own_passphrase": other is not None,
            "verified": True,
            "removed_unfinished": [str(p) for p in result.cleaned.files],
            "removed_unfinished_bytes": result.cleaned.bytes,
        },
        lines,
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from coordinator.services import backups
    from coordinator.storage.errors import WrongPassphrase

    path = db_path(args)
    source = typed_path(args.file, "the backup file")
    passphrase = read_passphrase()
    other = _other_passphrase(args, "Passphrase of the backup: ")
    try:
        result = backups.restore(path, source, passphrase, backup_passphrase=other)
    except WrongPassphrase:
        if other is not None or not interactive():
            raise
        other = read_passphrase("The backup has another passphrase. Type it: ")
        result = backups.restore(path, source, passphrase, backup_passphrase=other)
    lines = [f"Restored {path} from {source}."]
    if result.previous_copy is not None:
        lines.append(f"The database as it was is kept at {result.previous_copy}.")
    out(
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


def register(sub, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", parents=parents, help="write a verified encrypted backup")
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
        parents=parents,
        help="replace the database with a checked backup (the current one is kept)",
    )
    p.add_argument("file", help="the backup file")
    p.add_argument(
        "--other-passphrase",
        action="store_true",
        help="the backup has its own passphrase (asked, or $COORDINATOR_BACKUP_PASSPHRASE)",
    )
    p.set_defaults(func=cmd_restore)
