"""What every `wirecoder` command prints the same way: the error line and date arguments.

A module of its own so that cli.py (the parser) and the command modules it
registers both import it, and not each other.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def error(item: str, reason: str) -> None:
    """`wirecoder: error: ITEM: reason` on stderr, one line: names may hold newlines or
    non-UTF-8 bytes, so both parts are escaped (a name cannot forge a second line)."""
    from wirecoder.ingest.errors import printable

    print(f"wirecoder: error: {printable(item)}: {printable(reason)}", file=sys.stderr)
