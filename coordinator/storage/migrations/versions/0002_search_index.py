"""search index: FTS5 tables for mothers, volunteers and local services, kept by triggers

Revision ID: 0002
Revises: 0001
Created: 2026-11-27

Each index is an external-content FTS5 table over a view (`<kind>_fts_source`) that derives
the searchable text from the record: names folded for letters unicode61 does not fold itself
(ł, ø, đ, ß...), postcodes also without their space, phone numbers also as digits only.
Triggers on the record's table keep the index current on every insert, update and delete,
whoever makes the change (forms, importer, demo generator, plain SQL). The index is filled
from the rows already there, so an upgraded database can be searched at once.

The definitions are written out here, not imported from the app: a migration is frozen.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZE = "unicode61 remove_diacritics 2"
# Prefix indexes make one- to three-letter search-as-you-type queries cheap.
PREFIX = "1 2 3"

# Letters without a Unicode decomposition, so remove_diacritics leaves them alone.
FOLDS = (("ł", "l"), ("Ł", "L"), ("ø", "o"), ("Ø", "O"), ("đ", "d"), ("Đ", "D"))
FOLDS += (("ı", "i"), ("ß", "ss"), ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"))
PHONE_NOISE = (" ", "+", "-", "(", ")", ".", "/")


def _fold(expr: str) -> str:
    for old, new in FOLDS:
        expr = f"replace({expr}, '{old}', '{new}')"
    return expr


def _digits(expr: str) -> str:
    for ch in PHONE_NOISE:
        expr = f"replace({expr}, '{ch}', '')"
    return expr


def _compact(expr: str) -> str:
    return f"replace({expr}, ' ', '')"


# kind -> (table, [(fts column, SQL expression over the row alias {r})])
INDEXES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "mother": (
        "mother",
        [
            ("full_name", _fold("{r}.full_name")),
            ("preferred_name", _fold("{r}.preferred_name")),
            ("postcode", "{r}.postcode"),
            ("postcode_compact", _compact("{r}.postcode")),
            ("phone", "{r}.phone"),
            ("phone_digits", _digits("{r}.phone")),
            ("referrer_name", _fold("{r}.referrer_name")),
            ("referrer_agency", _fold("{r}.referrer_agency")),
        ],
    ),
    "volunteer": (
        "volunteer",
        [
            ("full_name", _fold("{r}.full_name")),
            ("preferred_name", _fold("{r}.preferred_name")),
            ("postcode", "{r}.postcode"),
            ("postcode_compact", _compact("{r}.postcode")),
            ("phone", "{r}.phone"),
            ("phone_digits", _digits("{r}.phone")),
            ("email", "{r}.email"),
        ],
    ),
    "service": (
        "local_service",
        [
            ("name", _fold("{r}.name")),
            ("category", "(SELECT label FROM service_category WHERE id = {r}.category_id)"),
            ("area", _fold("{r}.area")),
            ("notes", _fold("{r}.notes")),
        ],
    ),
}
# The record columns each index reads: an UPDATE of any other column leaves the index alone.
WATCHED = {
    "mother": "id, full_name, preferred_name, postcode, phone, referrer_name, referrer_agency",
    "volunteer": "id, full_name, preferred_name, postcode, phone, email",
    "service": "id, name, category_id, area, notes",
}


def _exprs(columns: list[tuple[str, str]], row: str) -> str:
    return ", ".join(expr.format(r=row) for _, expr in columns)


def _statements(kind: str) -> list[str]:
    table, columns = INDEXES[kind]
    fts, source = f"{kind}_fts", f"{kind}_fts_source"
    names = ", ".join(name for name, _ in columns)
    view_cols = ", ".join(f"{expr.format(r=table)} AS {name}" for name, expr in columns)
    add_new = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {_exprs(columns, 'new')});"
    drop_old = (
        f"INSERT INTO {fts}({fts}, rowid, {names}) "
        f"VALUES ('delete', old.id, {_exprs(columns, 'old')});"
    )
    return [
        f"CREATE VIEW {source} AS SELECT {table}.id AS id, {view_cols} FROM {table}",
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{source}', "
        f"content_rowid='id', tokenize='{TOKENIZE}', prefix='{PREFIX}')",
        f"CREATE TRIGGER {fts}_after_insert AFTER INSERT ON {table} BEGIN {add_new} END",
        f"CREATE TRIGGER {fts}_after_delete AFTER DELETE ON {table} BEGIN {drop_old} END",
        f"CREATE TRIGGER {fts}_after_update AFTER UPDATE OF {WATCHED[kind]} ON {table} "
        f"BEGIN {drop_old} {add_new} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _category_label_trigger() -> str:
    """Renaming a service category re-indexes the services in it under the new label."""
    _, columns = INDEXES["service"]
    names = ", ".join(name for name, _ in columns)

    def values(label: str) -> str:
        return ", ".join(
            label if name == "category" else expr.format(r="s") for name, expr in columns
        )

    return (
        "CREATE TRIGGER service_fts_after_category_label AFTER UPDATE OF label "
        "ON service_category BEGIN "
        f"INSERT INTO service_fts(service_fts, rowid, {names}) "
        f"SELECT 'delete', s.id, {values('old.label')} FROM local_service s "
        "WHERE s.category_id = old.id; "
        f"INSERT INTO service_fts(rowid, {names}) "
        f"SELECT s.id, {values('new.label')} FROM local_service s "
        "WHERE s.category_id = new.id; "
        "END"
    )


def upgrade() -> None:
    for kind in INDEXES:
        for statement in _statements(kind):
            op.execute(statement)
    op.execute(_category_label_trigger())


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS service_fts_after_category_label")
    for kind in INDEXES:
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {kind}_fts_after_{event}")
        op.execute(f"DROP TABLE IF EXISTS {kind}_fts")
        op.execute(f"DROP VIEW IF EXISTS {kind}_fts_source")
