"""Alembic, run from code: `wirecoder db upgrade` and the checks before reading."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

MIGRATIONS = Path(__file__).with_name("migrations")
# PostgreSQL advisory lock (key pair) taken around migrations: "migr" and the schema's hash, so
# that two processes setting up one schema take turns and different schemas do not wait.
_MIGRATE_LOCK_CLASS = 0x6D696772  # "migr"
# How long a SQLite upgrade answered "database is locked" without waiting is tried again.
SQLITE_LOCKED_RETRY_SECONDS = 30.0


def config(connection: Optional[Connection] = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    return ScriptDirectory.from_config(config()).get_current_head()


def current(engine: Engine) -> Optional[str]:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to `revision`, one process at a time.

    Two processes setting up a fresh database at once would both see no
    tables and both create them: the loser failed with a duplicate key in
    pg_type (PostgreSQL) or "database is locked" (SQLite). The migration runs
    in one transaction that first takes a lock: an advisory transaction lock on
    PostgreSQL, the write lock (BEGIN IMMEDIATE, waiting up to the busy timeout)
    on SQLite. Whoever comes second finds the work done and does nothing.
    SQLite can still answer "locked" without waiting while a brand-new file is
    being switched to WAL by another process (seen on CI once in a few hundred
    starts); the migration is one transaction, so it is simply tried again.
    """
    deadline = time.monotonic() + SQLITE_LOCKED_RETRY_SECONDS
    while True:
        try:
            _upgrade_once(engine, revision)
            return
        except OperationalError as exc:
            if (engine.dialect.name != "sqlite" or "locked" not in str(exc.orig)
                    or time.monotonic() > deadline):
                raise
            time.sleep(0.05)


def _upgrade_once(engine: Engine, revision: str) -> None:
    with engine.connect() as conn:
        conn = conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:cls, hashtext(current_schema()))"),
                             {"cls": _MIGRATE_LOCK_CLASS})
            command.upgrade(config(conn), revision)
