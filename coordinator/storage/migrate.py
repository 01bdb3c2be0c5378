"""Alembic, driven from code: the app and tests run migrations on an open connection.

Revisions live in coordinator/storage/migrations/versions, one per schema change, written in
batch mode so SQLite tables can be altered. A database whose revision this code does not know
was made by a newer version and is refused (see vault.open_vault).

For developers: `python -m coordinator.storage.migrate revision "message"` writes a new
revision by comparing the models with a scratch database at the current head.
"""

from __future__ import annotations

import re
import sys
import tempfile
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: Schema objects made by migrations alone, with no model: the FTS5 search indexes, their
#: shadow tables, source views and triggers (revision 0002). Autogenerate leaves them alone.
_SEARCH_INDEX = re.compile(r"^(mother|volunteer|service)_fts(_\w+)?$")


def is_search_index(name: str | None) -> bool:
    return bool(name) and _SEARCH_INDEX.match(name) is not None


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic hook: compare everything except the search index objects."""
    return not (type_ == "table" and is_search_index(name))


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None, "no migrations found"
    return head


def is_known(revision: str) -> bool:
    return any(rev.revision == revision for rev in _script().walk_revisions())


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the database, or None when it has no alembic_version table."""
    has_table = connection.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).scalar()
    if not has_table:
        return None
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, target: str = "head") -> None:
    command.upgrade(alembic_config(connection), target)


def _new_revision(message: str) -> None:  # pragma: no cover - developer tool
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/scratch.db")
        with engine.begin() as con:
            upgrade(con)
            cfg = alembic_config(con)
            count = sum(1 for _ in ScriptDirectory.from_config(cfg).walk_revisions())
            command.revision(cfg, message=message, autogenerate=True, rev_id=f"{count + 1:04d}")
        engine.dispose()


if __name__ == "__main__":  # pragma: no cover
    if len(sys.argv) == 3 and sys.argv[1] == "revision":
        _new_revision(sys.argv[2])
    else:
        print('usage: python -m coordinator.storage.migrate revision "message"')
        sys.exit(2)
