"""attention indexes: the Today page's rules read only the rows that can raise an alert

Revision ID: 0005
Revises: 0004
Created: 2026-12-03

Partial indexes (no new tables, no table rebuilt): contacts whose concern or follow-up is
still open; contacts made, by match and time (last contact, contact in the last four
weeks); consents given and not withdrawn, by review date.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_contact_open_follow_up",
        "contact",
        ["match_id"],
        sqlite_where=sa.text(
            "follow_up_done_on IS NULL AND (concerns IS NOT NULL OR follow_up IS NOT NULL)"
        ),
    )
    op.create_index(
        "ix_contact_made_by_match",
        "contact",
        ["match_id", "contact_at"],
        sqlite_where=sa.text("outcome = 'made'"),
    )
    op.create_index(
        "ix_consent_review_on",
        "consent",
        ["review_on"],
        sqlite_where=sa.text("given = 1 AND withdrawn_on IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_consent_review_on", table_name="consent")
    op.drop_index("ix_contact_made_by_match", table_name="contact")
    op.drop_index("ix_contact_open_follow_up", table_name="contact")
