"""incident event_date: the local day of the event

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 23:10:00.000000

Why a column: timelines and per-day counts group by the day the event happened where it happened (ACLED's
event_date), which is not the UTC day of ``time_start``; it needs the time span's zone, kept in ``record``.
Existing rows are filled from their stored record.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from warlog.schema import TimeSpan

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("event_date", sa.String(length=10), nullable=True))
        batch_op.create_index("ix_incidents_event_date", ["event_date"], unique=False)
    incidents = sa.table(
        "incidents", sa.column("id", sa.String()), sa.column("record", sa.JSON()),
        sa.column("event_date", sa.String()),
    )
    conn = op.get_bind()
    for incident_id, record in conn.execute(sa.select(incidents.c.id, incidents.c.record)).all():
        time = (record or {}).get("time")
        day = TimeSpan.model_validate(time).local_date() if time else None
        if day is not None:
            conn.execute(
                incidents.update().where(incidents.c.id == incident_id).values(event_date=day.isoformat())
            )


def downgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index("ix_incidents_event_date")
        batch_op.drop_column("event_date")
