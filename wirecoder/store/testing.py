"""Throw-away databases for tests and benchmarks, on SQLite or PostgreSQL.

    with temporary_database("postgresql") as url:
        store = Store(url); store.upgrade(); ...

PostgreSQL gets a schema of its own (dropped afterwards), selected through the
connection's search_path, so parallel runs on one server never collide.
"""
from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

PG_ENV = "WIRECODER_TEST_PG"
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BACKENDS = ("sqlite", "postgresql")


class DatabaseUnavailable(Exception):
    """The PostgreSQL server cannot be reached."""


def postgres_url() -> str:
    """The server tests use: $WIRECODER_TEST_PG, else the local one."""
    return os.environ.get(PG_ENV) or PG_DEFAULT


def with_search_path(url: str, schema: str) -> str:
    """The URL with the connection option `search_path=schema` (psycopg `options`)."""
    parsed = make_url(url)
    return parsed.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False)


@contextmanager
def temporary_schema(url: str | None = None, prefix: str = "wirecoder_tmp") -> Iterator[str]:
    """A fresh PostgreSQL schema; yields a URL whose connections use it."""
    url = url or postgres_url()
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        admin.dispose()
        reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
        raise DatabaseUnavailable(f"{make_url(url).render_as_string()}: {reason}") from None
    try:
        yield with_search_path(url, schema)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def temporary_sqlite(directory: str | Path | None = None) -> Iterator[str]:
    with tempfile.TemporaryDirectory(dir=directory, prefix="wirecoder-") as tmp:
        yield f"sqlite:///{Path(tmp) / 'wirecoder.db'}"


@contextmanager
def temporary_database(backend: str) -> Iterator[str]:
    """An empty database URL on `backend` ("sqlite" or "postgresql")."""
    if backend == "sqlite":
        with temporary_sqlite() as url:
            yield url
    elif backend == "postgresql":
        with temporary_schema() as url:
            yield url
    else:
        raise ValueError(f"unknown backend {backend!r} (choose from {', '.join(BACKENDS)})")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


@contextmanager
def test_database(backend: str) -> Iterator[str]:
    """temporary_database for pytest: an unreachable PostgreSQL skips, or fails when CI=true."""
    import pytest

    try:
        with temporary_database(backend) as url:
            yield url
    except DatabaseUnavailable as exc:
        if in_ci():
            pytest.fail(f"PostgreSQL is required in CI (CI=true): {exc}")
        pytest.skip(f"PostgreSQL not reachable: {exc}")


test_database.__test__ = False  # not a test, whatever pytest thinks of the name
