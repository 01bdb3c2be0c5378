"""Keep records and passphrases out of log output and error text.

Two leaks are closed here rather than left to every caller:

* SQLAlchemy logs statements at INFO and whole result rows at DEBUG through the
  "sqlalchemy.engine" logger whenever that logger is enabled. SQLAlchemy sets its parent
  "sqlalchemy" logger to WARNING, but turning that one up (to see pool or ORM debugging)
  would let rows through; so, unless a level was deliberately set on "sqlalchemy.engine"
  itself, it is pinned to WARNING.
* SQLAlchemy error text includes the bound parameters of the failing statement (a mother's
  name, a note). Engines are made with `hide_parameters=True` (see ENGINE_OPTIONS).

`error_summary` names an exception for a log line without its message.
"""

from __future__ import annotations

import logging

#: Keyword arguments for every create_engine() call on an encrypted database.
ENGINE_OPTIONS: dict[str, object] = {"hide_parameters": True}

QUIET_LOGGERS = ("sqlalchemy.engine",)


def keep_records_out_of_logs() -> None:
    """Pin the SQL loggers to WARNING unless a level was set on them on purpose."""
    for name in QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET:
            logger.setLevel(logging.WARNING)


def error_summary(err: BaseException) -> str:
    """A log-safe description: the exception's type and SQLite error name, never its text."""
    orig = getattr(err, "orig", None) or err
    name = getattr(orig, "sqlite_errorname", None)
    kind = type(orig).__name__
    return f"{kind} {name}" if name else kind
