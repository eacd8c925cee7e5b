"""The `wirecoder` command line: argument parsing and printing only.

Every command is a thin layer over the Python API (wirecoder.pipeline,
wirecoder.store). Errors follow one house style: `wirecoder: error: ITEM:
reason` on stderr, no traceback; exit 1 when any item failed (the other
items still come out), 2 for usage errors.
"""
from __future__ import annotations

import argparse
import json
import sys

from wirecoder import __version__
from wirecoder.serve.console import error, iso_date

__all__ = ["main", "build_parser", "error", "iso_date"]  # error, iso_date: re-exported for commands


def cmd_extract(args: argparse.Namespace) -> int:
    # Imported here: spaCy loads only for commands that need it.
    from wirecoder.ingest import IngestError, iter_inputs
    from wirecoder.ingest.readers import read_named
    from wirecoder.serve.commands_db import _extracted, _reason
    from wirecoder.serve.render import render_table

    failed = 0
    records = []

    def articles():
        nonlocal failed
        for arg in args.paths:  # one bad argument must not hide the others
            try:
                paths = list(iter_inputs([arg]))
            except IngestError as exc:
                error(exc.item, exc.reason)
                failed += 1
                continue
            for path in paths:
                for name, item in read_named(path, published=args.published):
                    if isinstance(item, IngestError):
                        error(item.item, item.reason)
                        failed += 1
                    else:
                        yield name, item

    out = sys.stdout
    # _extracted redoes a failed batch an article at a time: one bad article fails alone.
    for name, _, rec in _extracted(articles(), args.published):
        if isinstance(rec, BaseException):
            error(name, f"extraction failed ({_reason(rec)})")
            failed += 1
            continue
        if args.format == "jsonl":
            out.write(json.dumps(rec.to_json_dict(), ensure_ascii=False) + "\n")
        elif args.format == "table":
            out.write(render_table(rec) + "\n\n")
        else:
            records.append(rec.to_json_dict())
    if args.format == "json":
        payload = records[0] if len(records) == 1 else records
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return 1 if failed else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from wirecoder.models import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wirecoder",
        description="Turn English news into source-attributed PLOVER events, quotes, figures and places.")
    parser.add_argument("--version", action="version", version=f"wirecoder {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("extract", help="extract records from articles (text, HTML, JSON Lines, feeds, WARC)",
                       description="Extract events, quotes, figures and places from each article. "
                                   "A directory means every supported file in it.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=["json", "jsonl", "table"], default="json",
                   help="json: one object for one article (a list for several); jsonl: one line "
                        "per article; table: a summary for people (default: json)")
    p.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD",
                   help="publication date that relative dates count from (overrides the article's own)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("schema", help="print the JSON Schema of the extraction record",
                       description="Print the JSON Schema generated from wirecoder's record models.")
    p.set_defaults(func=cmd_schema)

    # The database commands (ingest, events, serve, ...) live beside the store.
    from wirecoder.serve import commands_db

    commands_db.register(sub)
    from wirecoder.serve import commands_watch

    commands_watch.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
