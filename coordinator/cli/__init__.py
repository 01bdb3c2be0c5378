"""Command line: scriptable, and how tests and installers check the app.

Each command group is a module of this package with `ORDER` (its place in the help) and
`register(sub, parents)`, which adds its subcommands with `set_defaults(func=...)`. A new
group is a new module: nothing here names them. Modules import the core inside their
command functions, so that parsing a command line stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path

from coordinator import APP_NAME, __version__, config
from coordinator.cli.common import (
    EXIT_CANNOT_OPEN,
    EXIT_REJECTED,
    EXIT_USAGE,
    Rejected,
    UsageError,
    report_error,
)
from coordinator.storage.errors import VaultError

#: Modules of this package that are not command groups.
NOT_COMMANDS = frozenset({"common"})


def command_modules() -> list:
    """Every command group's module, in help order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name in NOT_COMMANDS or info.name.startswith("_"):
            continue
        found.append(importlib.import_module(f"{__name__}.{info.name}"))
    return sorted(found, key=lambda module: (getattr(module, "ORDER", 100), module.__name__))


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
    for module in command_modules():
        module.register(sub, [common, reporting])
    return parser


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
        return report_error(args, str(err), EXIT_USAGE)
    except Rejected as err:
        return report_error(args, str(err), EXIT_REJECTED)
    except VaultError as err:
        return report_error(args, err.user_message(), err.exit_code)
    except OSError as err:  # a file the command reads or writes, in the OS's own words
        return report_error(
            args, f"A file could not be read or written: {err.strerror or err}.", EXIT_CANNOT_OPEN
        )
    except KeyboardInterrupt:
        return report_error(args, "Stopped.", EXIT_USAGE)
