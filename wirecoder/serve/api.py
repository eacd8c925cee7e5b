"""The HTTP API: a FastAPI app over one Store (`wirecoder serve`).

Reads are open; POST /api/articles (extract and store an article) needs
`Authorization: Bearer <token>` with the token the server was given
($WIRECODER_TOKEN). Without a configured token, submitting is disabled
(403); a missing or wrong token is 401. Lists are paginated:
{"items": [...], "total": N, "next": URL of the next page or null}.
OpenAPI docs are at /docs, the schema at /openapi.json.
"""
from __future__ import annotations

import os
import secrets
import threading
from datetime import date
from typing import Annotated, Any, Callable, Optional

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, model_validator

from wirecoder import __version__
from wirecoder.models import EventType, FigureKind
from wirecoder.store import Filters, Store, StoreError

TOKEN_ENV = "WIRECODER_TOKEN"
MAX_LIMIT = 1000

# auto_error=False: a missing header is our 401 (or 403 when submitting is off), not FastAPI's.
Credentials = Annotated[Optional[HTTPAuthorizationCredentials], Depends(HTTPBearer(auto_error=False))]


class Page(BaseModel):
    items: list[dict[str, Any]]
    total: int
    next: Optional[str] = Field(None, description="URL of the next page; null on the last one")


class ArticleIn(BaseModel):
    """An article to extract: plain `text` or an `html` page, with what is known about it."""

    title: Optional[str] = None
    text: Optional[str] = None
    html: Optional[str] = None
    url: Optional[str] = None
    published: Optional[date] = None
    source: Optional[str] = None

    @model_validator(mode="after")
    def _one_body(self) -> "ArticleIn":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of `text` and `html`")
        return self


class ArticleAdded(BaseModel):
    id: str
    status: str = Field(description='"new", or "exists" when the same text was stored before')
    story_id: int
    merged_event_ids: list[int]
    events: int
    quotes: int
    figures: int
    places: int
    href: str


# --- query parameters, one dependency per kind of list -------------------------------------

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
Since = Annotated[Optional[date], Query(description="on or after this date (YYYY-MM-DD)")]
Until = Annotated[Optional[date], Query(description="on or before this date (YYYY-MM-DD)")]
Story = Annotated[Optional[int], Query(description="only this story (syndicated copies)")]
ArticleId = Annotated[Optional[str], Query(description="only this article (sha256 id)")]


def event_filters(type: Annotated[Optional[EventType], Query(description="PLOVER event type")] = None,
                  actor: Annotated[Optional[str], Query(description="source or target actor code")] = None,
                  country: Annotated[Optional[str], Query(description="ISO3: where, or whose actors")] = None,
                  since: Since = None, until: Until = None,
                  place: Annotated[Optional[str], Query(description="place name or alias")] = None,
                  story: Story = None, article: ArticleId = None) -> Filters:
    return Filters(type=type, actor=actor, country=country, since=since, until=until, place=place,
                   story=story, article=article)


def quote_filters(actor: Annotated[Optional[str], Query(description="speaker's code")] = None,
                  country: Annotated[Optional[str], Query(description="speaker's country")] = None,
                  since: Since = None, until: Until = None, story: Story = None,
                  article: ArticleId = None) -> Filters:
    return Filters(actor=actor, country=country, since=since, until=until, story=story, article=article)


def figure_filters(kind: Annotated[Optional[FigureKind], Query(description="what is counted")] = None,
                   actor: Annotated[Optional[str], Query(description="claimant's code")] = None,
                   country: Annotated[Optional[str], Query(description="claimant's country")] = None,
                   since: Since = None, until: Until = None, story: Story = None,
                   article: ArticleId = None) -> Filters:
    return Filters(kind=kind, actor=actor, country=country, since=since, until=until, story=story,
                   article=article)


def place_filters(country: Annotated[Optional[str], Query(description="ISO3 of the place")] = None,
                  place: Annotated[Optional[str], Query(description="place name or alias")] = None,
                  since: Since = None, until: Until = None, story: Story = None,
                  article: ArticleId = None) -> Filters:
    return Filters(country=country, place=place, since=since, until=until, story=story, article=article)


def story_filters(since: Since = None, until: Until = None, article: ArticleId = None) -> Filters:
    return Filters(since=since, until=until, article=article)


def _page(request: Request, query: Callable, filters: Filters, limit: int, offset: int) -> Page:
    try:
        items, total = query(filters, limit=limit, offset=offset)
    except StoreError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"database: {exc}") from None
    more = offset + len(items) < total
    nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit)) if more else None
    return Page(items=items, total=total, next=nxt)


def _article(body: ArticleIn):
    """The submitted article (raises IngestError when there is none in it)."""
    from wirecoder.ingest import article_from_html, article_from_text

    meta = dict(title=body.title, url=body.url, source=body.source, published=body.published)
    if body.html is not None:
        return article_from_html(body.html, **meta)
    # A title given apart means the text is all body; otherwise its first line may be one.
    return article_from_text(body.text, detect_title=body.title is None, **meta)


def _extract(article, published: Optional[date]):
    """The article's Extraction (spaCy loads on the first submission)."""
    from wirecoder.pipeline import extract_articles

    return next(extract_articles([article], published))


def create_app(store: Store | str | None = None, *, token: Optional[str] = None) -> FastAPI:
    """The API over `store` (a Store, or a URL for one; default as for the CLI).

    `token`: the bearer token for POST /api/articles; default $WIRECODER_TOKEN.
    """
    if not isinstance(store, Store):
        store = Store(store)
    token = (token if token is not None else os.environ.get(TOKEN_ENV)) or None  # "" is no token
    extract_lock = threading.Lock()  # one extraction at a time: spaCy is loaded once, memory stays flat

    app = FastAPI(title="wirecoder", version=__version__,
                  description="Events, quotes, figures and places extracted from news, with the evidence "
                              "sentence of every record. Lists are paginated ({items, total, next}).")
    app.state.store = store

    def authorised(creds: Credentials) -> None:
        if token is None:
            raise HTTPException(status.HTTP_403_FORBIDDEN,
                                f"submitting articles is disabled: the server has no {TOKEN_ENV}")
        if creds is None or not secrets.compare_digest(creds.credentials.encode(), token.encode()):
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing or wrong bearer token",
                                headers={"WWW-Authenticate": "Bearer"})

    def found(value: Optional[dict], what: str) -> dict:
        if value is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no such {what}")
        return value

    @app.get("/api/events", response_model=Page, tags=["events"])
    def list_events(request: Request, filters: Annotated[Filters, Depends(event_filters)],
                    limit: Limit = 50, offset: Offset = 0) -> Page:
        """Merged events in date order; each counts once however many copies and articles report it."""
        return _page(request, store.query_events, filters, limit, offset)

    @app.get("/api/events/{event_id}", tags=["events"])
    def get_event(event_id: int) -> dict:
        """One merged event with every report: its event record, evidence sentence and article."""
        return found(store.get_event(event_id), "event")

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(article_id: str) -> dict:
        """The article's text and every record with its offsets, its story and merged event ids."""
        return found(store.get_article(article_id), "article")

    @app.post("/api/articles", tags=["articles"], response_model=ArticleAdded,
              status_code=status.HTTP_201_CREATED, dependencies=[Depends(authorised)],
              responses={200: {"description": "already stored"}, 401: {"description": "wrong token"},
                         403: {"description": "submitting disabled"}})
    def post_article(body: ArticleIn, response: Response) -> ArticleAdded:
        """Extract an article and store it (needs the bearer token)."""
        from wirecoder.ingest import IngestError

        try:
            article = _article(body)
            # The id is the text's hash: an article stored before is not extracted again.
            stored = store.get_article(article.id)
            added = "exists"
            if stored is None:
                with extract_lock:
                    extraction = _extract(article, body.published)
                added = store.add(extraction, origin="api")
                stored = store.get_article(article.id)
        except IngestError as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, str(exc)) from None
        except StoreError as exc:
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"database: {exc}") from None
        if added == "exists":
            response.status_code = status.HTTP_200_OK
        records = stored["extraction"]
        return ArticleAdded(id=article.id, status=added, story_id=stored["story_id"],
                            merged_event_ids=stored["merged_event_ids"],
                            events=len(records["events"]), quotes=len(records["quotes"]),
                            figures=len(records["figures"]), places=len(records["places"]),
                            href=f"/api/articles/{article.id}")

    @app.get("/api/quotes", response_model=Page, tags=["records"])
    def list_quotes(request: Request, filters: Annotated[Filters, Depends(quote_filters)],
                    limit: Limit = 50, offset: Offset = 0) -> Page:
        """Quotes with speakers; a quote repeated by copies of one story counts once."""
        return _page(request, store.query_quotes, filters, limit, offset)

    @app.get("/api/figures", response_model=Page, tags=["records"])
    def list_figures(request: Request, filters: Annotated[Filters, Depends(figure_filters)],
                     limit: Limit = 50, offset: Offset = 0) -> Page:
        """Figures (killed, injured, ...) with bounds; copies of one story count once."""
        return _page(request, store.query_figures, filters, limit, offset)

    @app.get("/api/places", response_model=Page, tags=["records"])
    def list_places(request: Request, filters: Annotated[Filters, Depends(place_filters)],
                    limit: Limit = 50, offset: Offset = 0) -> Page:
        """Places named in the articles, with coordinates and how many articles name them."""
        return _page(request, store.query_places, filters, limit, offset)

    @app.get("/api/stories", response_model=Page, tags=["articles"])
    def list_stories(request: Request, filters: Annotated[Filters, Depends(story_filters)],
                     limit: Limit = 50, offset: Offset = 0) -> Page:
        """Stories: groups of syndicated copies of one wire story."""
        return _page(request, store.query_stories, filters, limit, offset)

    @app.get("/api/stats", tags=["stats"])
    def stats() -> dict[str, int]:
        """Counts; records of syndicated copies count once per story."""
        try:
            return store.stats()
        except StoreError as exc:
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"database: {exc}") from None

    # The dashboard: its aggregate endpoints, then its static files at `/` (last: it matches all).
    from wirecoder.serve import api_aggregates, web

    app.include_router(api_aggregates.router)
    web.mount(app)
    return app
