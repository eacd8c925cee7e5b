"""Schema: Alembic migrations create exactly the tables the models describe."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from wirecoder.store import DEFAULT_URL, Store, StoreError, resolve_url
from wirecoder.store import migrate
from wirecoder.store.schema import Base

TABLES = {"fetch_state", "articles", "stories", "signatures", "actors", "places", "events", "merged_events", "quotes",
          "figures", "alembic_version"}


def test_upgrade_creates_the_tables_at_the_head_revision(empty_url):
    store = Store(empty_url)
    with pytest.raises(StoreError, match="run `wirecoder db upgrade`"):
        store.check()
    store.upgrade()
    assert set(inspect(store.engine).get_table_names()) == TABLES
    assert store.revision() == migrate.head()
    store.check()
    store.upgrade()  # again: nothing to do, nothing breaks
    assert store.revision() == migrate.head()
    store.close()


def test_the_migrations_build_what_the_models_describe(store):
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_revision_0005_adds_the_reference_date_and_keeps_older_rows(store):
    """Down to 0004 the reference columns go, the article stays; back up, the article reads back
    with no reference date (written before the field existed), and new articles keep theirs."""
    from alembic import command
    from datetime import date
    from sqlalchemy import text as sql

    from store_fixtures import extraction, make_article

    old = make_article("Police dispersed a march in the capital on Monday.", published=date(2024, 5, 6))
    store.add(extraction(old.model_copy(update={"reference_date": date(2024, 5, 6),
                                                "reference_source": "published"})))
    with store.engine.connect() as conn, conn.begin():
        command.downgrade(migrate.config(conn), "0004")
    columns = {c["name"] for c in inspect(store.engine).get_columns("articles")}
    assert "published" in columns and not columns & {"reference_date", "reference_source"}
    with store.engine.connect() as conn:
        assert conn.execute(sql("SELECT count(*) FROM articles")).scalar() == 1
    store.upgrade()
    back = store.get_extraction(old.id).article
    assert (back.published, back.reference_date, back.reference_source) == (date(2024, 5, 6), None, None)


def test_the_url_comes_from_the_flag_then_the_environment_then_the_default(monkeypatch):
    monkeypatch.delenv("WIRECODER_DB", raising=False)
    assert resolve_url(None) == DEFAULT_URL == "sqlite:///./wirecoder.db"
    monkeypatch.setenv("WIRECODER_DB", "sqlite:///env.db")
    assert resolve_url(None) == "sqlite:///env.db"
    assert resolve_url("sqlite:///flag.db") == "sqlite:///flag.db"


def test_unusable_databases_give_one_line_errors():
    with pytest.raises(StoreError, match="not a usable database URL") as bad:
        Store("nosuchdb://x")
    assert "\n" not in str(bad.value)
    store = Store("postgresql+psycopg://wc:secret@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(StoreError) as down:
        store.check()
    assert "\n" not in str(down.value) and "secret" not in down.value.item
    assert down.value.item.startswith("postgresql+psycopg://wc:***@127.0.0.1:1/none")


RACE = """
import sys, time
from wirecoder.store import Store, StoreError
url, start = sys.argv[1], float(sys.argv[2])
store = Store(url)
time.sleep(max(0.0, start - time.time()))  # all processes begin together
try:
    store.upgrade()
except StoreError as exc:
    print(exc.reason, file=sys.stderr)
    sys.exit(1)
print(store.revision())
"""


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_processes_setting_up_one_fresh_database_at_once_all_succeed(backend):
    """Issue 16.11: migrations are serialised (advisory lock on PostgreSQL, write lock on SQLite)."""
    import subprocess
    import sys
    import time

    from wirecoder.store.testing import test_database

    for _ in range(2):  # with 4 processes starting together, the race was lost every round
        with test_database(backend) as url:
            start = time.time() + 3
            procs = [subprocess.Popen([sys.executable, "-c", RACE, url, str(start)], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True) for _ in range(4)]
            results = [p.communicate(timeout=120) for p in procs]
            failures = [err for p, (_, err) in zip(procs, results) if p.returncode != 0]
            assert not failures, failures
            assert {out.strip() for out, _ in results} == {migrate.head()}
            with Store(url) as store:
                store.check()
