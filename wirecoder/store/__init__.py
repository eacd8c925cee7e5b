"""The event database: extractions stored, syndicated copies grouped, events merged.

    from wirecoder.store import Store, Filters
    with Store() as store:           # --db URL, else $WIRECODER_DB, else ./wirecoder.db
        store.upgrade()
        store.add(extraction)
        items, total = store.query_events(Filters(actor="AZE"))

Modules: schema (tables), migrations/ (Alembic), codec (records <-> rows),
syndication (MinHash/LSH stories), merging (merged events), queries (reads),
export (files), store (the Store that ties them together).
"""
from wirecoder.store.queries import Filters
from wirecoder.store.store import DEFAULT_URL, ENV_VAR, Store, StoreError, display_url, resolve_url

__all__ = ["Store", "StoreError", "Filters", "resolve_url", "display_url", "DEFAULT_URL", "ENV_VAR"]

from wirecoder.store import feedstate as _feedstate  # noqa: E402,F401 - registers the fetch_state table
