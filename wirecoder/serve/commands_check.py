"""`wirecoder db check`: verify the database's integrity and say what is wrong (exit 1 if anything).

Read only: it never repairs, so it is safe to run beside a running ingest.
"""
from __future__ import annotations

import argparse

from wirecoder.serve.console import error
from wirecoder.serve.opening import db_option, open_store


def cmd_db_check(args: argparse.Namespace) -> int:
    from wirecoder.store import StoreError, display_url
    from wirecoder.store.integrity import check

    store = open_store(args)  # also checks the schema is at the current revision
    if store is None:
        return 1
    name = display_url(store.url)
    with store:
        try:
            with store._read() as session:
                problems = check(session)
            stats = store.stats()
        except StoreError as exc:
            error(exc.item, exc.reason)
            return 1
    for problem in problems:
        error(name, str(problem))
    if problems:
        return 1
    counts = ", ".join(f"{n} {what}" for what, n in stats.items())
    print(f"wirecoder: {name}: no problems found ({counts})")
    return 0


def register(db_subparsers: argparse._SubParsersAction) -> None:
    """Add `check` to the `wirecoder db` actions."""
    q = db_subparsers.add_parser(
        "check", help="verify the database's integrity (orphan rows, duplicates, counters)",
        description="Check every rule a database written by `wirecoder ingest` keeps: no orphan "
                    "rows, no article or event stored twice, merged-event counters equal to their "
                    "reports, evidence offsets inside the text, ids equal to the text's hash. "
                    "Prints one line per broken rule; exit 1 when any is broken.")
    db_option(q)
    q.set_defaults(func=cmd_db_check)
