"""The Store: one database of extractions, used by the CLI, the API and Python code.

    store = Store("postgresql+psycopg://postgres@127.0.0.1:5432/test")
    store.upgrade()
    store.add(extraction)            # "new" or "exists"
    items, total = store.query_events(Filters(type="ASSAULT"), limit=20)

Each add() is one transaction: the article, its records, its story and its
merged events are all written, or nothing is. Articles are keyed by their
content hash, so adding the same article again writes nothing.
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Literal, Optional

from sqlalchemy import create_engine, delete, event, select, text, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from wirecoder.models import Extraction
from wirecoder.store import codec, export, merging, migrate, queries
from wirecoder.store.queries import Filters
from wirecoder.store.schema import (ActorRow, ArticleRow, EventRow, FigureRow, PlaceRow, QuoteRow,
                                    SignatureRow, StoryRow)

DEFAULT_URL = "sqlite:///./wirecoder.db"
ENV_VAR = "WIRECODER_DB"
# Key of the PostgreSQL advisory lock that serialises writers (story and merge decisions
# read what earlier writers stored, so two writers must not decide at the same time).
_WRITE_LOCK_KEY = 0x77697265  # "wire"

Added = Literal["new", "exists"]


class StoreError(Exception):
    """A database that cannot be used: str(err) is a one-line reason, .item what it concerns."""

    def __init__(self, item: str, reason: str):
        self.item = item
        self.reason = " ".join(str(reason).split())
        super().__init__(self.reason)

    def __str__(self) -> str:
        return self.reason


def _syndication():
    # Imported on first write: datasketch loads scipy (a second of start-up that
    # `wirecoder events`, `stats` and the API's reads need not pay).
    from wirecoder.store import syndication

    return syndication


def _article(session: Session, article_id: str) -> Optional[ArticleRow]:
    return session.scalar(select(ArticleRow).where(ArticleRow.id == article_id))


def resolve_url(url: Optional[str] = None) -> str:
    """--db URL, else $WIRECODER_DB, else the embedded SQLite file ./wirecoder.db."""
    return url or os.environ.get(ENV_VAR) or DEFAULT_URL


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, json_serializer=_json_dumps, connect_args={"timeout": 30,
                                                                           "check_same_thread": False})
    on_disk = make_url(url).database not in (None, "", ":memory:")

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        # Let SQLAlchemy emit BEGIN itself (pysqlite's own transaction handling would
        # defer it and break transactional DDL and BEGIN IMMEDIATE).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        if on_disk:
            cur.execute("PRAGMA journal_mode = WAL")  # readers (the API) go on while a writer writes
            # With WAL, NORMAL cannot corrupt the database; a power cut may lose the last commits
            # (ingest is idempotent: run it again), and commits skip an fsync each.
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # Writers take the write lock up front: no deadlock between two deferred upgrades.
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

    return engine


def _json_dumps(value) -> str:
    # Non-ASCII names stay readable, and place-name search can match them in the JSON text.
    return json.dumps(value, ensure_ascii=False)


def make_engine(url: str) -> Engine:
    try:
        backend = make_url(url).get_backend_name()
        if backend == "sqlite":
            return _sqlite_engine(url)
        return create_engine(url, json_serializer=_json_dumps, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StoreError(display_url(url), f"not a usable database URL: {exc}") from None


class Store:
    """An event database (SQLite or PostgreSQL) holding extractions and what is derived from them."""

    def __init__(self, url: Optional[str] = None):
        self.url = resolve_url(url)
        self.engine = make_engine(self.url)
        self.is_postgres = self.engine.dialect.name == "postgresql"
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._index = None  # the LSH index of syndication.StoryIndex, built by the first add()
        self._write_lock = threading.Lock()  # one writer at a time per process (API threads)

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- schema -----------------------------------------------------------------------

    def upgrade(self, revision: str = "head") -> None:
        """Create or migrate the tables (Alembic); running it again does nothing."""
        with self._errors():
            migrate.upgrade(self.engine, revision)

    def revision(self) -> Optional[str]:
        with self._errors():
            return migrate.current(self.engine)

    def check(self) -> None:
        """Raise StoreError unless the schema is at the current revision."""
        current, head = self.revision(), migrate.head()
        if current != head:
            state = "has no wirecoder tables" if current is None else f"is at revision {current}, not {head}"
            raise StoreError(display_url(self.url), f"database {state}; run `wirecoder db upgrade`")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        # Connection and SQL failures become one-line StoreErrors naming the database.
        try:
            yield
        except SQLAlchemyError as exc:
            reason = str(exc.orig if getattr(exc, "orig", None) is not None else exc).splitlines()[0]
            raise StoreError(display_url(self.url), reason) from exc

    # --- writing ----------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One write transaction, exclusive among wirecoder writers on this database."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            with conn.begin():
                if self.is_postgres:
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _WRITE_LOCK_KEY})
                with Session(bind=conn, expire_on_commit=False) as session:
                    yield session
                    session.flush()

    def _story_index(self, session: Session):
        if self._index is None:
            self._index = _syndication().StoryIndex()
        self._index.sync(session)
        return self._index

    def has_article(self, article_id: str) -> bool:
        with self._read() as s:
            return _article(s, article_id) is not None

    def add(self, extraction: Extraction, origin: Optional[str] = None) -> Added:
        """Store one extraction: "new", or "exists" when its article is already stored.

        `origin` records where the article came from (a path, "file#3", "api").
        Raises StoreError when the database refuses; nothing is written then.
        """
        art = extraction.article
        syndication = _syndication()
        grams = syndication.shingles(art.text)
        signature = syndication.minhash(grams)
        with self._write_lock, self._errors():
            try:
                with self._write() as session:
                    if _article(session, art.id) is not None:
                        return "exists"
                    pk = self._insert(session, extraction, origin, grams, signature)
            except IntegrityError:
                if self.has_article(art.id):  # another process stored it in the meantime
                    return "exists"
                raise
            # Only after the commit: a rolled-back article must not be found as a copy.
            self._index.insert(pk, signature)
        return "new"

    def _insert(self, session: Session, extraction: Extraction, origin: Optional[str],
                grams: set[bytes], signature) -> int:
        """Write the article's rows; returns its key (articles.pk)."""
        now = datetime.now(timezone.utc)
        syndication = _syndication()
        stories = syndication.find_stories(session, self._story_index(session), grams, signature)
        if stories:
            story_id = stories[0]
            recount = self._join_stories(session, story_id, stories[1:])
        else:
            story = StoryRow(created_at=now)
            session.add(story)
            session.flush()
            story_id, recount = story.id, []
        rows = codec.to_rows(extraction, story_id=story_id, origin=origin, ingested_at=now)
        session.add(rows.article)
        session.add(SignatureRow(article=rows.article, scheme=syndication.SCHEME,
                                 minhash=syndication.to_bytes(signature)))
        session.add_all([*rows.actors, *rows.places, *rows.quotes, *rows.figures])
        merged_ids = merging.assign_reports(session, extraction.article, rows.events)
        session.add_all(row for _, row in rows.events)
        session.flush()
        merging.recount(session, [*merged_ids, *recount])
        return rows.article.pk

    @staticmethod
    def _join_stories(session: Session, keep: int, others: list[int]) -> list[int]:
        """Move the copies of `others` into story `keep` (the new article links them);
        returns the merged events whose copy counts change."""
        if not others:
            return []
        session.execute(update(ArticleRow).where(ArticleRow.story_id.in_(others)).values(story_id=keep))
        session.execute(delete(StoryRow).where(StoryRow.id.in_(others)))
        return list(session.scalars(select(EventRow.merged_id).distinct().join(
            ArticleRow, ArticleRow.pk == EventRow.article_pk).where(ArticleRow.story_id == keep)))

    # --- reading ----------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._errors(), self._sessions() as session:
            yield session

    @staticmethod
    def _extraction(s: Session, art: ArticleRow) -> Extraction:
        def of(row_cls):
            return list(s.scalars(select(row_cls).where(row_cls.article_pk == art.pk)))

        return codec.from_rows(art, of(ActorRow), of(PlaceRow), of(EventRow), of(QuoteRow), of(FigureRow))

    def get_extraction(self, article_id: str) -> Optional[Extraction]:
        """The stored extraction, equal to the one that was added."""
        with self._read() as s:
            art = _article(s, article_id)
            return None if art is None else self._extraction(s, art)

    def get_article(self, article_id: str) -> Optional[dict]:
        """The extraction (text and every record with offsets) plus where the store put it."""
        with self._read() as s:
            art = _article(s, article_id)
            if art is None:
                return None
            copies = list(s.scalars(select(ArticleRow.id).where(ArticleRow.story_id == art.story_id,
                                                                 ArticleRow.pk != art.pk)
                                    .order_by(ArticleRow.pk)))
            return {"extraction": self._extraction(s, art).to_json_dict(), "story_id": art.story_id,
                    "copies": copies, "merged_event_ids": queries.event_ids_of_article(s, art.pk),
                    "origin": art.origin, "ingested_at": art.ingested_at.isoformat()}

    def _page(self, query, filters: Optional[Filters], limit: Optional[int], offset: int
              ) -> tuple[list[dict], int]:
        with self._read() as s:
            return query(s, filters or Filters(), limit, offset)

    def query_events(self, filters: Optional[Filters] = None, limit: Optional[int] = 50,
                     offset: int = 0) -> tuple[list[dict], int]:
        """Merged events matching `filters`: (one page of items, total count); limit None: all."""
        return self._page(queries.query_events, filters, limit, offset)

    def get_event(self, merged_id: int) -> Optional[dict]:
        """One merged event with every report (event record, evidence, article)."""
        with self._read() as s:
            return queries.get_event(s, merged_id)

    def query_quotes(self, filters: Optional[Filters] = None, limit: Optional[int] = 50,
                     offset: int = 0) -> tuple[list[dict], int]:
        """Quotes, one per story (its copies counted in num_copies)."""
        return self._page(queries.query_quotes, filters, limit, offset)

    def query_figures(self, filters: Optional[Filters] = None, limit: Optional[int] = 50,
                      offset: int = 0) -> tuple[list[dict], int]:
        """Figures, one per story (its copies counted in num_copies)."""
        return self._page(queries.query_figures, filters, limit, offset)

    def query_places(self, filters: Optional[Filters] = None, limit: Optional[int] = 50,
                     offset: int = 0) -> tuple[list[dict], int]:
        """Places named in the articles, most-named first."""
        return self._page(queries.query_places, filters, limit, offset)

    def query_stories(self, filters: Optional[Filters] = None, limit: Optional[int] = 50,
                      offset: int = 0) -> tuple[list[dict], int]:
        """Stories (groups of syndicated copies) with their articles."""
        return self._page(queries.query_stories, filters, limit, offset)

    def stats(self) -> dict[str, int]:
        with self._read() as s:
            return queries.stats(s)

    # --- export -----------------------------------------------------------------------

    def iter_events(self, filters: Optional[Filters] = None, page: int = 500) -> Iterator[dict]:
        """Every matching merged event, fetched a page at a time."""
        offset = 0
        while True:
            items, _ = self.query_events(filters, limit=page, offset=offset)
            yield from items
            if len(items) < page:
                return
            offset += page

    def export(self, fmt: str, out: str | Path | IO[bytes], filters: Optional[Filters] = None,
               bom: bool = False) -> int:
        """Write the matching merged events to `out` (a path or a binary file); returns how many.

        `bom` adds a byte order mark to CSV so that Excel reads UTF-8.
        """
        if fmt not in export.FORMATS:
            raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(export.FORMATS)})")
        if isinstance(out, (str, Path)):
            with open(out, "wb") as fh:
                return self.export(fmt, fh, filters, bom)
        items = self.iter_events(filters)
        if fmt == "jsonl":
            return export.write_jsonl(out, (self.get_event(i["id"]) for i in items))
        if fmt == "csv":
            return export.write_csv(out, items, bom=bom)
        if fmt == "geojson":
            return export.write_geojson(out, items)
        return export.write_parquet(out, items)
