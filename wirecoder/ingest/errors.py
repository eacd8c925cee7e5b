"""The one exception the ingest stage raises or yields."""
from __future__ import annotations


class IngestError(Exception):
    """One bad item: str(err) is a one-line reason; .item names the file or file#record.

    Readers yield these instead of raising so a batch goes on past one bad
    file or record; the CLI prints ``f"{err.item}: {err}"``.
    """

    def __init__(self, item: str, reason: str):
        # A reason must stay on one line: callers print it as a log line.
        self.item = str(item)
        self.reason = " ".join(str(reason).split())
        super().__init__(self.reason)

    def __str__(self) -> str:
        return self.reason

    def __repr__(self) -> str:
        return f"IngestError({self.item!r}, {self.reason!r})"

    def relabel(self, item: str) -> "IngestError":
        """The same reason attached to a more precise item name."""
        return IngestError(item, self.reason)


def printable(name: str) -> str:
    """A file or item name safe to print on one line.

    Control characters (a newline in a file name would start a forged second
    `wirecoder: error:` line) and bytes that are not UTF-8 (kept by Python as
    lone surrogates) are written as Python escapes: "a\\nb", "bad\\xffname".
    """
    if name.isprintable() and not _has_surrogates(name):
        return name
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the raw byte code - 0xDC00
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch == "\\" or ch.isprintable():
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def _has_surrogates(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def origin_text(name: str) -> str:
    """An item name as stored in the database, losslessly.

    Names that are valid Unicode are stored as they are. A name holding bytes
    that are not UTF-8 (possible on POSIX file systems) cannot go into a
    UTF-8 database as it is; it is stored as a file URI whose %XX escapes
    give back the exact bytes (urllib.parse.unquote_to_bytes).
    """
    if not _has_surrogates(name):
        return name
    import os
    from urllib.parse import quote_from_bytes

    absolute = name if name.startswith("/") else os.path.join(os.getcwd(), name)
    raw = absolute.encode("utf-8", "surrogateescape")
    return "file://" + quote_from_bytes(raw, safe="/#")
