"""mother notes: a general notes field on the mother's record

Revision ID: 0003
Revises: 0002
Created: 2026-12-03

Coordinators keep a "Notes" column in their spreadsheets; the importer and the form need
somewhere to put it that is not the support plan or the safeguarding notes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# A plain ADD COLUMN, not batch mode: rebuilding the table would drop the search triggers.
def upgrade() -> None:
    op.add_column("mother", sa.Column("notes", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("mother", "notes")
