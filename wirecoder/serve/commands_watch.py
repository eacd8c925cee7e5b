"""`wirecoder watch`: poll RSS/Atom feeds and store the new articles they link to.

Argument parsing and printing only; the work is done by wirecoder.run.watch.
`register(subparsers)` adds the command to the `wirecoder` parser.
"""
from __future__ import annotations

import argparse
import re
import sys
import threading

from wirecoder.serve.console import error, iso_date


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
DEFAULT_EVERY_S = 900.0  # 15 minutes: most news sites update their feeds no faster


def parse_interval(value: str) -> float:
    """Seconds in "90", "30s", "15m", "2h" or "1d"; ValueError otherwise."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value.lower())
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"not an interval (like 30s, 15m, 2h): {value!r}")
    return float(match.group(1)) * _UNITS[match.group(2) or "s"]


def _interval(value: str) -> float:
    try:
        return parse_interval(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _open_store(db: str | None):
    from wirecoder.store import Store, StoreError, resolve_url

    try:
        store = Store(resolve_url(db))
        store.upgrade()
        return store
    except StoreError as exc:
        error(exc.item, exc.reason)
        return None


def cmd_watch(args: argparse.Namespace) -> int:
    from wirecoder.run.watch import is_url, stop_on_signals

    missing = [s for s in args.feeds if not is_url(s) and not _exists(s)]
    for source in missing:
        error(source, "no such file (give a feed URL or a feed file)")
    if missing:
        return 1
    stop = threading.Event()
    restore = stop_on_signals(stop)
    try:
        return _watch(args, stop)
    finally:
        restore()


def _watch(args: argparse.Namespace, stop: threading.Event) -> int:
    from wirecoder.ingest.fetch import HOST_DELAY_S, Fetcher
    from wirecoder.run.watch import Watcher

    store = _open_store(args.db)
    if store is None:
        return 1
    failed = 0

    def on_error(line: str) -> None:
        nonlocal failed
        failed += 1
        print(line, file=sys.stderr, flush=True)

    delay = HOST_DELAY_S if args.delay is None else args.delay
    with store, Fetcher(host_delay=delay, stop=stop) as fetcher:
        watcher = Watcher(args.feeds, store, fetcher, published=args.published, error=on_error,
                          progress=sys.stderr.isatty())
        polls = watcher.run(args.every, once=args.once)
    if stop.is_set():
        print(f"wirecoder: watch: stopped after {polls} polls", file=sys.stderr, flush=True)
        return 0
    return 1 if failed else 0


def _exists(path: str) -> bool:
    from pathlib import Path

    return Path(path).is_file()


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "watch", help="poll RSS/Atom feeds and store the new articles they link to",
        description="Poll each feed (a URL, or a feed file) every --every, fetch the article pages "
                    "of entries not seen before (robots.txt respected, one request per host per "
                    "--delay), extract and store them. What was fetched is remembered in the "
                    "database, so a restart fetches and stores nothing twice. Ctrl-C or SIGTERM "
                    "stops after the current article.")
    p.add_argument("feeds", nargs="+", metavar="FEED_URL_OR_FILE")
    p.add_argument("--every", type=_interval, default=DEFAULT_EVERY_S, metavar="INTERVAL",
                   help="time between polls: 30s, 15m, 2h (default 15m)")
    p.add_argument("--once", action="store_true", help="poll once and exit")
    p.add_argument("--delay", type=float, default=None, metavar="SECONDS",
                   help="wait between two requests to one host (default 1)")
    p.add_argument("--db", metavar="URL",
                   help="database URL (default: $WIRECODER_DB, else sqlite:///./wirecoder.db)")
    p.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD",
                   help="publication date that relative dates count from (overrides the feed's)")
    p.set_defaults(func=cmd_watch)
