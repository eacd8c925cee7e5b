"""Publication dates from the many shapes sources give them."""
from __future__ import annotations

import re
import time
from datetime import date, datetime, timezone

from dateutil import parser as dateutil_parser

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def to_date(value: object) -> date | None:
    """A date from a date, datetime, struct_time, Unix time, or an ISO/RFC 2822/free-form string.

    The calendar date as written is kept (no conversion to UTC): a story
    published at 23:30 in Karachi was published that day in Karachi.
    Raises ValueError for a value that is present but cannot be read.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, tz=timezone.utc).date()  # Unix time in JSON exports
    if isinstance(value, str):
        text = value.strip()
        try:
            if _ISO_DAY.match(text):
                return date.fromisoformat(text[:10])
            return dateutil_parser.parse(text).date()
        except (ValueError, OverflowError):
            pass
    raise ValueError(f"unreadable date {value!r}")
