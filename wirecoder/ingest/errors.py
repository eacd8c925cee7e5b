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
