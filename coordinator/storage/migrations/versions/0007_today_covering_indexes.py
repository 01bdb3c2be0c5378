"""today covering indexes: Today's rules read index pages only, not whole records

Revision ID: 0007
Revises: 0006
Created: 2026-12-03

Indexes only (no table rebuilt). Each holds every column its rule reads, so that on a
large database the page cache keeps a few thousand small index pages rather than
decrypting a mother's or a contact's whole record again for three of its fields. (A
column a partial index's condition tests is held too: SQLite reads the record to test
`IS NULL` otherwise.)

- mothers by stage, with the dates the referral rules compare and the names they show;
- consents due for review, with whose and which they are (replaces the 0005 index);
- safeguarding concerns still open, with whose and to whom escalated;
- supervision actions not done, with what, whose and from which session;
- contacts made, by time, with their match and medium (dependency);
- contacts whose concern or follow-up is open, with what was said (replaces 0005's).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_FOLLOW_UP = "follow_up_done_on IS NULL AND (concerns IS NOT NULL OR follow_up IS NOT NULL)"
CONSENT_IN_FORCE = "given = 1 AND withdrawn_on IS NULL"


def upgrade() -> None:
    op.create_index(
        "ix_mother_stage_today",
        "mother",
        [
            "stage",
            "referral_received_on",
            "stage_changed_on",
            "baby_dob",
            "project_id",
            "reference",
            "preferred_name",
            "full_name",
        ],
    )
    op.drop_index("ix_consent_review_on", table_name="consent")
    op.create_index(
        "ix_consent_review_on",
        "consent",
        ["review_on", "mother_id", "kind", "withdrawn_on"],
        sqlite_where=sa.text(CONSENT_IN_FORCE),
    )
    op.create_index(
        "ix_safeguarding_concern_open",
        "safeguarding_concern",
        ["raised_on", "mother_id", "escalated_to", "resolved_on"],
        sqlite_where=sa.text("resolved_on IS NULL"),
    )
    op.create_index(
        "ix_supervision_action_open",
        "supervision_action",
        ["due_on", "id", "session_id", "volunteer_id", "owner", "text", "done_on"],
        sqlite_where=sa.text("done_on IS NULL"),
    )
    op.create_index(
        "ix_contact_made_at",
        "contact",
        ["contact_at", "match_id", "medium"],
        sqlite_where=sa.text("outcome = 'made'"),
    )
    op.drop_index("ix_contact_open_follow_up", table_name="contact")
    op.create_index(
        "ix_contact_open_follow_up",
        "contact",
        ["match_id", "contact_at", "concerns", "follow_up", "follow_up_done_on"],
        sqlite_where=sa.text(OPEN_FOLLOW_UP),
    )


def downgrade() -> None:
    op.drop_index("ix_contact_open_follow_up", table_name="contact")
    op.create_index(
        "ix_contact_open_follow_up", "contact", ["match_id"], sqlite_where=sa.text(OPEN_FOLLOW_UP)
    )
    op.drop_index("ix_contact_made_at", table_name="contact")
    op.drop_index("ix_supervision_action_open", table_name="supervision_action")
    op.drop_index("ix_safeguarding_concern_open", table_name="safeguarding_concern")
    op.drop_index("ix_consent_review_on", table_name="consent")
    op.create_index(
        "ix_consent_review_on", "consent", ["review_on"], sqlite_where=sa.text(CONSENT_IN_FORCE)
    )
    op.drop_index("ix_mother_stage_today", table_name="mother")
