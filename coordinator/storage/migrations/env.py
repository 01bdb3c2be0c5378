"""Alembic environment: migrations always run on a connection given by the caller."""

from alembic import context

from coordinator.models import Base
from coordinator.storage.migrate import include_name

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through coordinator.storage.migrate, with a connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
