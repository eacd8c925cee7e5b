"""The database commands of the `wirecoder` CLI: db, ingest, events, quotes, figures,
stats, export, serve.

Argument parsing and printing only; the work is done by wirecoder.store.Store.
`register(subparsers)` adds them to the lead's parser (wirecoder/serve/cli.py).
Errors: `wirecoder: error: ITEM: reason` on stderr, exit 1 if any item failed.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from typing import Any, Optional

from wirecoder import filters
from wirecoder.serve.console import error, iso_date
from wirecoder.serve.opening import db_option, open_store

FORMATS = ("table", "json", "jsonl", "csv")
# = wirecoder.store.export.FORMATS, spelt out: importing the store here would load SQLAlchemy
# for every command, `wirecoder extract` included (tests/serve/test_db_commands.py checks it).
EXPORT_FORMATS = ("jsonl", "csv", "geojson", "parquet")
EXTRACT_BATCH = 16  # articles parsed together by spaCy


# --- db upgrade ---------------------------------------------------------------------------

def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from wirecoder.store import display_url

    store = open_store(args, write=True)
    if store is None:
        return 1
    with store:
        print(f"wirecoder: {display_url(store.url)} is at revision {store.revision()}")
    return 0


# --- ingest -------------------------------------------------------------------------------

def _articles(args: argparse.Namespace, failed: Callable[[str, str], None]) -> Iterator[tuple[str, Any]]:
    """(origin, Article) for every article in the inputs; bad inputs go to `failed`."""
    from wirecoder.ingest import IngestError, iter_inputs
    from wirecoder.ingest.errors import origin_text
    from wirecoder.ingest.readers import read_named

    for arg in args.paths:  # one bad argument must not hide the others
        try:
            paths = list(iter_inputs([arg]))
        except IngestError as exc:
            failed(exc.item, exc.reason)
            continue
        for path in paths:
            for name, item in read_named(path, published=args.published):
                if isinstance(item, IngestError):
                    failed(item.item, item.reason)
                else:  # the origin names records as errors do ("a.jsonl#line 12")
                    yield origin_text(name), item


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _extracted(pairs: Iterable[tuple[str, Any]], published: Optional[date]) -> Iterator[tuple[str, Any, Any]]:
    """(origin, article, Extraction or the exception it raised), parsing in batches.

    A batch that fails is redone one article at a time, so one bad article
    fails alone.
    """
    for chunk in _chunks(pairs, EXTRACT_BATCH):
        # Imported at the first new article: spaCy takes seconds to load.
        from wirecoder.pipeline import extract_articles

        try:
            results: list = list(extract_articles([a for _, a in chunk], published))
        except Exception:  # noqa: BLE001 - find which article it was below
            results = []
            for _, article in chunk:
                try:
                    results.append(next(extract_articles([article], published)))
                except Exception as exc:  # noqa: BLE001 - reported per item, the batch goes on
                    results.append(exc)
        for (origin, article), result in zip(chunk, results):
            yield origin, article, result


def _reason(exc: BaseException) -> str:
    # An exception's own text may be long and says nothing about the input: name it only.
    return f"internal error {type(exc).__name__}; please report it"


def cmd_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from wirecoder.run.options import extraction_step
    from wirecoder.store import StoreError

    extracted = extraction_step(args, _extracted)  # here, --workers processes or a Dask cluster
    if extracted is None:
        return 1
    store = open_store(args, write=True)
    if store is None:
        return 1
    counts: Counter[str] = Counter()

    def failed(item: str, reason: str) -> None:
        counts["failed"] += 1
        with tqdm.external_write_mode(file=sys.stderr):  # the bar steps aside for the line
            error(item, reason)

    def unseen() -> Iterator[tuple[str, Any]]:
        # Articles already stored are not extracted again: the id is the text's hash.
        for origin, article in _articles(args, failed):
            if store.has_article(article.id):
                counts["exists"] += 1
                bar.update()
            else:
                yield origin, article

    with store, tqdm(unit=" articles", desc="ingest", disable=not sys.stderr.isatty(),
                     file=sys.stderr) as bar:
        try:
            for origin, article, result in extracted(unseen(), args.published):
                bar.update()
                if isinstance(result, BaseException):
                    failed(origin, f"extraction failed ({_reason(result)})")
                    continue
                try:
                    counts[store.add(result, origin=origin)] += 1
                except StoreError as exc:
                    failed(origin, f"not stored ({exc.reason})")
                except Exception as exc:  # noqa: BLE001 - one bad record must not stop the batch
                    failed(origin, f"not stored ({_reason(exc)})")
        except StoreError as exc:  # the database itself went away
            failed(exc.item, exc.reason)
        except ImportError as exc:  # loaded with the first new article, so reruns start fast
            failed("ingest", f"the extraction pipeline cannot be loaded ({' '.join(str(exc).split())})")
    total = counts["new"] + counts["exists"] + counts["failed"]
    print(f"wirecoder: {total} articles: {counts['new']} new, {counts['exists']} already stored, "
          f"{counts['failed']} failed")
    return 1 if counts["failed"] else 0


# --- query commands -----------------------------------------------------------------------

def _filters(args: argparse.Namespace):
    """The Filters of the options, or None after printing what is wrong with them."""
    from pydantic import ValidationError

    try:
        return filters.from_options(args)
    except ValidationError as exc:
        error(args.command, filters.problem(exc))
        return None


def _flatten(item: dict, prefix: str = "") -> dict[str, Any]:
    """Nested dicts as prefix_key columns (for CSV); lists are left out (mentions)."""
    flat: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "_"))
        elif not isinstance(value, list):
            flat[name] = value
    return flat


def _cut(value: Any, width: int) -> str:
    text = "-" if value is None or value == "" else str(value)
    return textwrap.shorten(text, width=width, placeholder="…") if len(text) > width else text


def _actor_label(actor: Optional[dict]) -> Optional[str]:
    if not actor:
        return None
    return actor.get("code") or actor.get("name")


# (header, width, how to get the cell) per query command.
Column = tuple[str, int, Callable[[dict], Any]]
TABLES: dict[str, list[Column]] = {
    "events": [
        ("ID", 5, lambda e: e["id"]), ("DATE", 10, lambda e: e["date"]),
        ("TYPE", 12, lambda e: ("NOT " if e["negated"] else "") + e["type"]),
        ("SOURCE", 10, lambda e: _actor_label(e["source"])), ("TARGET", 10, lambda e: _actor_label(e["target"])),
        ("PLACE", 16, lambda e: (e["place"] or {}).get("name")),
        ("ART", 3, lambda e: e["num_articles"]), ("SRC", 3, lambda e: e["num_sources"]),
        ("EVIDENCE", 60, lambda e: e["evidence"]["text"]),
    ],
    "quotes": [
        ("ID", 5, lambda q: q["id"]), ("PUBLISHED", 10, lambda q: q["evidence"]["article"]["published"]),
        ("SPEAKER", 24, lambda q: (q["speaker"] or {}).get("name")),
        ("CODE", 6, lambda q: (q["speaker"] or {}).get("code")),
        ("QUOTE", 70, lambda q: ("" if q["direct"] else "~") + q["text"]),
    ],
    "figures": [
        ("ID", 5, lambda f: f["id"]), ("PUBLISHED", 10, lambda f: f["evidence"]["article"]["published"]),
        ("KIND", 10, lambda f: f["kind"]), ("MIN", 7, lambda f: f["min"]), ("MAX", 7, lambda f: f["max"]),
        ("SUBJECT", 18, lambda f: f["subject"]), ("CLAIMED BY", 16, lambda f: (f["claimed_by"] or {}).get("name")),
        ("EVIDENCE", 50, lambda f: f["evidence"]["text"]),
    ],
}


def _print_table(kind: str, items: list[dict], total: int) -> None:
    columns = TABLES[kind]
    print("  ".join(f"{h:<{w}}" for h, w, _ in columns).rstrip())
    for item in items:
        print("  ".join(f"{_cut(get(item), w):<{w}}" for _, w, get in columns).rstrip())
    print(f"({len(items)} of {total} {kind})")


def _print_items(kind: str, fmt: str, items: list[dict], total: int) -> None:
    out = sys.stdout
    if fmt == "table":
        _print_table(kind, items, total)
    elif fmt == "json":
        json.dump({"items": items, "total": total}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    else:
        if kind == "events":  # the same flat columns as `wirecoder export --format csv`
            from wirecoder.store.export import COLUMN_NAMES, flat_row

            rows, names = [flat_row(i) for i in items], list(COLUMN_NAMES)
        else:
            rows = [_flatten(i) for i in items]
            names = list(dict.fromkeys(k for r in rows for k in r))
        writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _read(args: argparse.Namespace, fetch: Callable[[Any], Any]) -> Any:
    """fetch(store) on the existing store, or None after printing why not."""
    store = open_store(args)
    if store is None:
        return None
    from wirecoder.store import StoreError

    with store:
        try:
            return fetch(store)
        except StoreError as exc:
            error(exc.item, exc.reason)
            return None


def _query(kind: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        chosen = _filters(args)
        if chosen is None:
            return 2
        found = _read(args, lambda store: getattr(store, f"query_{kind}")(
            chosen, limit=args.limit or None, offset=args.offset))
        if found is None:
            return 1
        _print_items(kind, args.format, *found)
        return 0
    return run


def cmd_stats(args: argparse.Namespace) -> int:
    stats = _read(args, lambda store: store.stats())
    if stats is None:
        return 1
    if args.format == "json":
        print(json.dumps(stats, indent=2))
    else:
        width = max(map(len, stats))
        for key, value in stats.items():
            print(f"{key:<{width}}  {value:>8}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from wirecoder.store import StoreError

    target = args.output or "-"
    if target == "-" and args.format == "parquet" and sys.stdout.isatty():
        error("export", "Parquet is binary: give --output FILE or redirect stdout")
        return 1
    chosen = _filters(args)
    if chosen is None:
        return 2
    store = open_store(args)
    if store is None:
        return 1
    with store:
        try:
            if target == "-":
                sys.stdout.flush()
                n = store.export(args.format, sys.stdout.buffer, chosen)
                sys.stdout.buffer.flush()
            else:
                n = store.export(args.format, target, chosen, bom=args.format == "csv")
        except OSError as exc:
            error(target, exc.strerror or str(exc))
            return 1
        except StoreError as exc:
            error(exc.item, exc.reason)
            return 1
    where = "stdout" if target == "-" else target
    note = " (events with coordinates)" if args.format == "geojson" else ""
    print(f"wirecoder: exported {n} merged events{note} to {where}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from wirecoder.serve.api import create_app
    from wirecoder.store import display_url

    store = open_store(args, write=True)
    if store is None:
        return 1
    print(f"wirecoder: serving {display_url(store.url)} on http://{args.host}:{args.port} "
          f"(API docs at /docs)", file=sys.stderr)
    with store:
        uvicorn.run(create_app(store), host=args.host, port=args.port, log_level=args.log_level)
    return 0


# --- the parser ---------------------------------------------------------------------------

def _count(value: str) -> int:
    """A --limit or --offset: a whole number the database can take."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not 0 <= n <= filters.MAX_ID:
        raise argparse.ArgumentTypeError(f"must be between 0 and {filters.MAX_ID}: {value}")
    return n


def _page_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=_count, default=100, metavar="N", help="at most N items (0: all; default 100)")
    p.add_argument("--offset", type=_count, default=0, metavar="N", help="skip the first N items")
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="table for people; json ({items, total}), jsonl or csv for programs")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the database commands to the `wirecoder` parser."""
    p = subparsers.add_parser("db", help="manage the database schema",
                              description="Manage the database schema (Alembic migrations).")
    db = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    q = db.add_parser("upgrade", help="create or migrate the tables to the current version",
                      description="Create the tables, or migrate them to this version of wirecoder.")
    db_option(q)
    q.set_defaults(func=cmd_db_upgrade)
    from wirecoder.serve import commands_check  # `db check`
    commands_check.register(db)

    p = subparsers.add_parser(
        "ingest", help="extract articles and store them in the database",
        description="Extract every article and store it (one transaction per article). Articles "
                    "already stored are skipped; syndicated copies are grouped into stories and "
                    "reports of the same event merged.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    db_option(p)
    p.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD",
                   help="publication date that relative dates count from (overrides the article's own)")
    from wirecoder.run.options import add_scale_options

    add_scale_options(p)  # --workers, --scheduler
    p.set_defaults(func=cmd_ingest)

    p = subparsers.add_parser("events", help="list merged events",
                              description="List merged events (reports of one event across sentences, "
                                          "syndicated copies and articles count once).")
    db_option(p)
    filters.add_options(p, "events")
    _page_options(p)
    p.set_defaults(func=_query("events"))

    p = subparsers.add_parser("quotes", help="list quotes",
                              description="List quotes; a quote repeated by copies of one story counts once.")
    db_option(p)
    filters.add_options(p, "quotes")
    _page_options(p)
    p.set_defaults(func=_query("quotes"))

    p = subparsers.add_parser("figures", help="list figures (killed, injured, ...)",
                              description="List figures; repeated by copies of one story, they count once.")
    db_option(p)
    filters.add_options(p, "figures")
    _page_options(p)
    p.set_defaults(func=_query("figures"))

    p = subparsers.add_parser("stats", help="count what the database holds",
                              description="Count articles, stories, events, merged events, quotes, "
                                          "figures and places.")
    db_option(p)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_stats)

    p = subparsers.add_parser(
        "export", help="export merged events (JSON Lines, CSV, GeoJSON, Parquet)",
        description="Export merged events. CSV and Parquet have one row per event with flat columns; "
                    "GeoJSON holds the events with coordinates as points; JSON Lines has every report.")
    db_option(p)
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    filters.add_options(p, "events")
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser("serve", help="serve the HTTP API",
                              description="Serve the HTTP API (OpenAPI docs at /docs). Reads are open; "
                                          "POST /api/articles needs the bearer token in $WIRECODER_TOKEN.")
    db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))
    p.set_defaults(func=cmd_serve)
