"""What every command module of the CLI shares (house-style errors, date arguments), kept
apart from cli.py so command modules need not import the entry point that registers them."""
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
    print(f"wirecoder: error: {item}: {reason}", file=sys.stderr)
