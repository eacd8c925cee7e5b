"""Alembic environment, run programmatically by wirecoder.store.migrate.

The caller hands over an open connection in `config.attributes["connection"]`,
so migrations run on exactly the database (and PostgreSQL search_path) the
store uses; there is no alembic.ini.
"""
from __future__ import annotations

from alembic import context

from wirecoder.store.schema import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("wirecoder migrations run through wirecoder.store.migrate (`wirecoder db upgrade`)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: later migrations rebuild tables in batch mode.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
