"""safe address and letter record: where letters to her may go, and what each letter held

Revision ID: 0006
Revises: 0005
Created: 2026-12-03

A mother who may not be written to at home can give a safe address (a friend's, a clinic);
letters then go there. A letter's record keeps the sections of a referral summary and who
made it in columns of their own rather than only in its note.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ADD COLUMN, not batch mode: rebuilding mother would drop the search triggers.
def upgrade() -> None:
    op.add_column("mother", sa.Column("safe_address", sa.Text(), nullable=True))
    op.add_column("letter_sent", sa.Column("sections", sa.String(), nullable=True))
    op.add_column("letter_sent", sa.Column("made_by", sa.String(), nullable=True))


def downgrade() -> None:
    op.drop_column("letter_sent", "made_by")
    op.drop_column("letter_sent", "sections")
    op.drop_column("mother", "safe_address")
