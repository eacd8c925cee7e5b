"""Opening the database for a CLI command: the --db option and `open_store`, shared by the
database commands (commands_db.py) and `db check` (commands_check.py)."""
from __future__ import annotations

import argparse
from pathlib import Path

from wirecoder.serve.console import error


def open_store(args: argparse.Namespace, *, write: bool = False):
    """The Store named by --db / $WIRECODER_DB / default, or None after printing why not.

    Writers (ingest, serve, db upgrade) create or migrate the schema; readers
    require it and never create an empty database file by looking.
    """
    from wirecoder.store import Store, StoreError, display_url, resolve_url

    url = resolve_url(args.db)
    try:
        if not write:
            require_sqlite_file(url)
        store = Store(url)
        if write:
            store.upgrade()
        else:
            store.check()
        return store
    except StoreError as exc:
        error(exc.item, exc.reason)
    except FileNotFoundError as exc:
        error(display_url(url), str(exc))
    return None


def require_sqlite_file(url: str) -> None:
    """Raise FileNotFoundError when `url` names an SQLite file that does not exist: readers never create one."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # Store reports it
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        if not Path(parsed.database).exists():
            raise FileNotFoundError(f"no database file {parsed.database} "
                                    "(run `wirecoder ingest` or `wirecoder db upgrade` first)")


def db_option(p: argparse.ArgumentParser) -> None:
    """Add --db, the database a command opens, to `p`."""
    p.add_argument("--db", metavar="URL",
                   help="database URL, e.g. sqlite:///events.db or postgresql+psycopg://user@host/db "
                        "(default: $WIRECODER_DB, else sqlite:///./wirecoder.db)")
