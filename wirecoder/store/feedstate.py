"""What `wirecoder watch` remembers between polls and restarts: one row per URL.

A feed's row keeps the ETag and Last-Modified of its last 200 response (sent
back as a conditional GET, so an unchanged feed costs a 304); a page's row
says it was dealt with (stored, already stored, refused by robots.txt, gone),
so a restart neither fetches it again nor stores it twice. Pages that failed
for a passing reason (timeout, 503) get no row and are tried at the next poll.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, Optional

from sqlalchemy import DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from wirecoder.store.schema import Base

Kind = Literal["feed", "page"]


class FetchStateRow(Base):
    __tablename__ = "fetch_state"
    url: Mapped[str] = mapped_column(Text, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    status: Mapped[Optional[int]] = mapped_column(Integer)  # HTTP status of the last answer, if any
    outcome: Mapped[str] = mapped_column(Text)  # "stored", "exists", "disallowed by robots.txt", ...
    etag: Mapped[Optional[str]] = mapped_column(Text)
    last_modified: Mapped[Optional[str]] = mapped_column(Text)
    article_id: Mapped[Optional[str]] = mapped_column(String(64))
    checked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True)
class Validators:
    etag: Optional[str]
    last_modified: Optional[str]


class FetchState:
    """Fetch state kept in a Store's database (the table comes with `store.upgrade()`)."""

    def __init__(self, store):
        self.engine = store.engine

    def validators(self, url: str) -> Validators:
        with Session(self.engine) as s:
            row = s.get(FetchStateRow, url)
            return Validators(row.etag, row.last_modified) if row else Validators(None, None)

    def seen(self, url: str) -> bool:
        with Session(self.engine) as s:
            return s.scalar(select(FetchStateRow.url).where(FetchStateRow.url == url,
                                                            FetchStateRow.kind == "page")) is not None

    def record(self, url: str, kind: Kind, outcome: str, *, status: Optional[int] = None,
               etag: Optional[str] = None, last_modified: Optional[str] = None,
               article_id: Optional[str] = None) -> None:
        with Session(self.engine) as s, s.begin():
            s.merge(FetchStateRow(url=url, kind=kind, outcome=outcome, status=status, etag=etag,
                                  last_modified=last_modified, article_id=article_id,
                                  checked_at=dt.datetime.now(dt.timezone.utc)))

    def outcomes(self, kind: Kind = "page") -> dict[str, str]:
        """url -> outcome for every URL of this kind (for reports and tests)."""
        with Session(self.engine) as s:
            return dict(s.execute(select(FetchStateRow.url, FetchStateRow.outcome)
                                  .where(FetchStateRow.kind == kind)).all())
