"""Every store test runs on SQLite and on PostgreSQL.

Each test module gets its own database (a temp SQLite file, a fresh
PostgreSQL schema); each test starts from empty tables. Outside CI an
unreachable PostgreSQL skips its half; with CI=true it fails.
"""
from __future__ import annotations

import pytest

from store_fixtures import clear
from wirecoder.store import Store
from wirecoder.store.testing import BACKENDS, test_database


@pytest.fixture(scope="module", params=BACKENDS)
def db_url(request):
    with test_database(request.param) as url:
        yield url


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    s.upgrade()
    clear(s)
    yield s
    s.close()


@pytest.fixture(params=BACKENDS)
def empty_url(request):
    """A database with no tables at all, on each back end."""
    with test_database(request.param) as url:
        yield url
