"""references and matching rules: "M0042"/"V0007" on people, searchable; per-project rules

Revision ID: 0004
Revises: 0003
Created: 2026-12-03

Every mother and volunteer gets a short, stable reference, numbered in id order for the
records already there; the counters new numbers come from start after them. The search
indexes of mothers and volunteers (revision 0002) are made again with the reference as one
more column: their views and triggers are dropped and created explicitly, and the indexes
refilled. The tables themselves are only added to (no batch rebuild: it would drop the
triggers). A project's matching rules get their own tables.

The definitions are written out here (or taken from the frozen revision 0002), not imported
from the app: a migration is frozen.
"""

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

search_index = importlib.import_module("coordinator.storage.migrations.versions.0002_search_index")
PEOPLE = {"mother": "M", "volunteer": "V"}
# The column added to the 0002 definitions of these two indexes.
REFERENCE_COLUMN = ("reference", "{r}.reference")


def _drop_index(kind: str) -> None:
    for event in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS {kind}_fts_after_{event}")
    op.execute(f"DROP TABLE IF EXISTS {kind}_fts")
    op.execute(f"DROP VIEW IF EXISTS {kind}_fts_source")


def _make_index(kind: str, with_reference: bool) -> None:
    """The 0002 index of this kind, with the reference as one more column (or without)."""
    table, columns = search_index.INDEXES[kind]
    watched = search_index.WATCHED[kind]
    if with_reference:
        columns = [*columns, REFERENCE_COLUMN]
        watched = f"{watched}, reference"
    fts, source = f"{kind}_fts", f"{kind}_fts_source"
    names = ", ".join(name for name, _ in columns)
    view_cols = ", ".join(f"{expr.format(r=table)} AS {name}" for name, expr in columns)
    new_values, old_values = (
        search_index._exprs(columns, "new"),
        search_index._exprs(columns, "old"),
    )
    add_new = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new_values});"
    drop_old = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old_values});"
    for statement in (
        f"CREATE VIEW {source} AS SELECT {table}.id AS id, {view_cols} FROM {table}",
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{source}', "
        f"content_rowid='id', tokenize='{search_index.TOKENIZE}', prefix='{search_index.PREFIX}')",
        f"CREATE TRIGGER {fts}_after_insert AFTER INSERT ON {table} BEGIN {add_new} END",
        f"CREATE TRIGGER {fts}_after_delete AFTER DELETE ON {table} BEGIN {drop_old} END",
        f"CREATE TRIGGER {fts}_after_update AFTER UPDATE OF {watched} ON {table} "
        f"BEGIN {drop_old} {add_new} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ):
        op.execute(statement)


def upgrade() -> None:
    op.create_table(
        "reference_counter",
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("last_number", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.CheckConstraint(
            "last_number >= 0", name=op.f("ck_reference_counter_last_number_non_negative")
        ),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_reference_counter")),
    )
    for table, prefix in PEOPLE.items():
        # Plain ADD COLUMN, not batch mode: rebuilding the table would drop its triggers.
        op.add_column(table, sa.Column("reference", sa.String(), nullable=True))
        op.execute(
            f"UPDATE {table} SET reference = (SELECT '{prefix}' || printf('%04d', n) FROM "
            f"(SELECT id, row_number() OVER (ORDER BY id) AS n FROM {table}) AS numbered "
            f"WHERE numbered.id = {table}.id)"
        )
        op.create_index(op.f(f"ix_{table}_reference"), table, ["reference"], unique=True)
        op.execute(
            f"INSERT INTO reference_counter (kind, last_number) "
            f"SELECT '{table}', count(*) FROM {table}"
        )
        _drop_index(table)
        _make_index(table, with_reference=True)

    # The weight each criterion had when a match was proposed (the rationale keeps it).
    op.add_column("match_criterion_score", sa.Column("weight", sa.Integer(), nullable=True))
    op.create_table(
        "matching_rule",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.String(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column(
            "direction",
            sa.Enum(
                "same",
                "different",
                "none",
                name="direction",
                native_enum=False,
                create_constraint=True,
                length=9,
            ),
            server_default="none",
            nullable=False,
        ),
        sa.CheckConstraint("weight BETWEEN 0 AND 10", name=op.f("ck_matching_rule_weight_range")),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_matching_rule_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "criterion", name=op.f("pk_matching_rule")),
    )
    op.create_table(
        "matching_setting",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("induction_required", sa.Boolean(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "language_required_for_interpreter",
            sa.Boolean(),
            server_default=sa.text("1"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_matching_setting_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", name=op.f("pk_matching_setting")),
    )
    op.create_table(
        "matching_required_training",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("training_module_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_matching_required_training_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["training_module_id"],
            ["training_module.id"],
            name=op.f("fk_matching_required_training_training_module_id_training_module"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "project_id", "training_module_id", name=op.f("pk_matching_required_training")
        ),
    )
    op.create_index(
        op.f("ix_matching_required_training_training_module_id"),
        "matching_required_training",
        ["training_module_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_matching_required_training_training_module_id"))
    op.drop_table("matching_required_training")
    op.drop_table("matching_setting")
    op.drop_table("matching_rule")
    op.drop_column("match_criterion_score", "weight")
    for table in PEOPLE:
        _drop_index(table)
        op.drop_index(op.f(f"ix_{table}_reference"), table_name=table)
        op.drop_column(table, "reference")
        _make_index(table, with_reference=False)
    op.drop_table("reference_counter")
