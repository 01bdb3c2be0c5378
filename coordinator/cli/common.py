"""What every command shares: exit codes, usage errors, output, the passphrase prompts and
`open_db(args)`.

Passphrase: COORDINATOR_PASSPHRASE, else asked at the terminal. Database: --db PATH, else
COORDINATOR_DB, else the default file in the user data folder. Exit codes: 0 done; 1 done but
some input rows rejected; 2 usage error; 3 cannot open; 4 integrity check failed.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coordinator import config
from coordinator.services.changes import Kind
from coordinator.storage.errors import EmptyPassphrase

if TYPE_CHECKING:
    from coordinator.storage.vault import Vault

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_CANNOT_OPEN, EXIT_INTEGRITY = 0, 1, 2, 3, 4


class UsageError(Exception):
    """A mistake in how the command was called (exit code 2)."""


class Rejected(Exception):
    """The command did what it could but refused something it was asked (exit code 1);
    str() says why, in words for the user."""


def out(args: argparse.Namespace, payload: dict[str, Any], lines: list[str]) -> None:
    """The result: JSON with --json, else the lines for a person."""
    if getattr(args, "json", False):
        print(json.dumps(payload, indent=2, sort_keys=True, default=str))
    else:
        for line in lines:
            print(line)


#: The keys of record counts in --json output (check, demo), kept as they have always been
#: so that scripts reading them go on working whatever the counts are called on screen.
COUNT_KEYS: dict[Kind, str] = {
    Kind.PROJECT: "Projects",
    Kind.MOTHER: "Mothers",
    Kind.VOLUNTEER: "Volunteers",
    Kind.MATCH: "Matches",
    Kind.CONTACT: "Contacts",
    Kind.SUPERVISION: "Supervision sessions",
    Kind.ENDING: "Endings",
    Kind.SERVICE: "Local services",
}


def counts_payload(counts: dict[Kind, int]) -> dict[str, int]:
    """Record counts for --json, by their fixed keys."""
    return {COUNT_KEYS[kind]: n for kind, n in counts.items()}


def count_lines(counts: dict[Kind, int]) -> list[str]:
    """Record counts for a person: '  Mothers: 120', ..."""
    from coordinator.services.status import COUNT_LABELS

    return [f"  {COUNT_LABELS[kind]}: {n}" for kind, n in counts.items()]


def report_error(args: argparse.Namespace | None, message: str, code: int) -> int:
    if args is not None and getattr(args, "json", False):
        print(json.dumps({"error": message, "exit_code": code}, indent=2))
    else:
        print(f"coordinator: {message}", file=sys.stderr)
    return code


def interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def db_path(args: argparse.Namespace) -> Path:
    """The database the command works on (--db, else COORDINATOR_DB, else the default)."""
    given = getattr(args, "db", None) or os.environ.get(config.ENV_DB)
    if given:
        return typed_path(given, "--db" if getattr(args, "db", None) else config.ENV_DB)
    return config.resolve_db_path(None)


def typed_path(text: str, what: str) -> Path:
    """A file named on the command line, made absolute; a UsageError in plain words for
    text that cannot name a file ("", "/", "E:\\", a NUL byte, a name too long). Whether
    the file or its folder is there is for the command to say (exit code 3)."""
    from coordinator.services.typed_paths import PathProblem, TypedPath, read_file_path

    path, problem = read_file_path(text)
    if problem is PathProblem.NOT_FULL and path is not None:
        try:
            return Path(path).expanduser().absolute()  # relative to the current folder
        except (OSError, RuntimeError, ValueError):
            problem = PathProblem.UNREADABLE
    if problem is not None:
        message = TypedPath(text, Path(path) if path else None, problem, folder=path).message()
        raise UsageError(f"{what}: {message}")
    return Path(path)


def read_passphrase(prompt: str = "Passphrase: ", env: str = config.ENV_PASSPHRASE) -> str:
    value = os.environ.get(env)
    if value is not None:
        if not value:
            raise EmptyPassphrase()
        return value
    if not interactive():
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
    if not interactive():
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


@contextlib.contextmanager
def open_db(args: argparse.Namespace, **options: Any) -> Iterator[Vault]:
    """The command's database, opened with the passphrase (asked or from the environment)
    and closed afterwards. `options` go to open_vault (lock, upgrade, check_pages)."""
    from coordinator.storage.vault import open_vault

    path = db_path(args)
    passphrase = read_passphrase()
    with open_vault(path, passphrase, **options) as vault:
        yield vault
