"""The database itself: `init`, `check` and `passphrase`."""

from __future__ import annotations

import argparse

from coordinator import config
from coordinator.cli.common import (
    EXIT_INTEGRITY,
    EXIT_OK,
    UsageError,
    count_lines,
    counts_payload,
    db_path,
    out,
    read_new_passphrase,
    read_passphrase,
)

ORDER = 10


def cmd_init(args: argparse.Namespace) -> int:
    from coordinator.services.setup import create_database

    path = db_path(args)
    if path.exists():
        raise UsageError(f"A file already exists at {path}; nothing was overwritten.")
    passphrase = read_new_passphrase(config.ENV_PASSPHRASE, args.accept_weak)
    with create_database(path, passphrase) as vault:
        revision = vault.schema_revision()
    out(
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

    path = db_path(args)
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
    lines += count_lines(counts)
    lines.append(
        "Integrity: ok" if ok else f"Integrity: FAILED ({counted(len(problems), 'problem')})"
    )
    out(
        args,
        {
            "database": str(path),
            "schema": revision,
            "integrity": "ok" if ok else "failed",
            "read_only": vault.read_only,
            "search_index": index,
            "problems": problems[:50],
            "counts": counts_payload(counts),
        },
        lines,
    )
    return EXIT_OK if ok else EXIT_INTEGRITY


def cmd_passphrase(args: argparse.Namespace) -> int:
    from coordinator.services import backups
    from coordinator.storage.keystore import KeyStore
    from coordinator.storage.vault import open_vault

    path = db_path(args)
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
    out(args, {"database": str(path), "changed": True, "remembered_updated": remembered}, lines)
    return EXIT_OK


def register(sub, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", parents=parents, help="create a new encrypted database")
    p.add_argument("--accept-weak", action="store_true", help="allow a weak passphrase")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser(
        "check",
        parents=parents,
        help="check passphrase, encryption and integrity; count records",
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "passphrase",
        parents=parents,
        help="change the passphrase ($COORDINATOR_NEW_PASSPHRASE, or asked twice)",
    )
    p.add_argument("--accept-weak", action="store_true", help="allow a weak passphrase")
    p.set_defaults(func=cmd_passphrase)
