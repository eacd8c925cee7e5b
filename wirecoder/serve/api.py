"""The HTTP API: a FastAPI app over one Store (`wirecoder serve`).

Reads are open; POST /api/articles (extract and store an article) needs
`Authorization: Bearer <token>` with the token the server was given
($WIRECODER_TOKEN). Without a configured token, submitting is disabled
(403); a missing or wrong token is 401. Lists are paginated:
{"items": [...], "total": N, "next": relative URL of the next page or null}.
OpenAPI docs are at /docs (served from the package: they work offline), the
schema at /openapi.json.

Every input is checked by a model before the database sees it (filters:
wirecoder/filters.py; ids inside the database's integer range, strings of
bounded length without control characters); a bad one is 422. Every error
is JSON {"detail": ...}: a database failure is 503 without the database's
own message (that goes to the server log), anything unexpected 500.
No CORS headers: browsers on other origins cannot read the API.
"""
from __future__ import annotations

import logging
import os
import secrets
import threading
from datetime import date
from typing import Annotated, Any, Callable, Optional

from fastapi import Depends, FastAPI, HTTPException, Path, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, Field, model_validator
from starlette.datastructures import URL

from wirecoder import __version__
from wirecoder.filters import ARTICLE_ID_CHARS, MAX_ID, Filters
from wirecoder.serve.api_params import (Limit, Offset, Page, event_filters, figure_filters, place_filters,
                                         quote_filters, story_filters)
from wirecoder.serve.limits import BodyLimit, MAX_BODY_BYTES, MAX_TEXT_CHARS
from wirecoder.store import Store, StoreError

TOKEN_ENV = "WIRECODER_TOKEN"
MAX_META_CHARS = 2000  # title, url, source of a submitted article
log = logging.getLogger("wirecoder.api")

# auto_error=False: a missing header is our 401 (or 403 when submitting is off), not FastAPI's.
Credentials = Annotated[Optional[HTTPAuthorizationCredentials], Depends(HTTPBearer(auto_error=False))]


class Problem(BaseModel):
    """Every error: a message (a list of field problems for 422)."""

    detail: Any


Meta = Annotated[Optional[str], Field(None, max_length=MAX_META_CHARS, pattern=r"^[^\x00]*$")]


class ArticleIn(BaseModel):
    """An article to extract: plain `text` or an `html` page, with what is known about it."""

    title: Meta = None
    text: Optional[str] = Field(None, min_length=1, max_length=MAX_TEXT_CHARS)
    html: Optional[str] = Field(None, min_length=1, max_length=MAX_BODY_BYTES)
    url: Meta = None
    published: Optional[date] = None
    source: Meta = None

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


# --- query parameters: the filters of each list, generated from wirecoder/filters.py -------

EventId = Annotated[int, Path(ge=1, le=MAX_ID, description="merged event id")]
ArticleId = Annotated[str, Path(min_length=1, max_length=ARTICLE_ID_CHARS, pattern="^[0-9a-fA-F]+$",
                                description="the article's sha256 id (hex)")]


def _page(request: Request, query: Callable, filters: Filters, limit: int, offset: int) -> Page:
    items, total = query(filters, limit=limit, offset=offset)
    more = offset + len(items) < total
    # Relative: a Host header (or a proxy in front) cannot point the link elsewhere.
    here = URL(path=request.url.path, query=request.url.query)
    nxt = str(here.include_query_params(offset=offset + limit, limit=limit)) if more else None
    return Page(items=items, total=total, next=nxt)


def _unusable(reason: str) -> HTTPException:
    """422 for an article that validates but holds nothing to extract, shaped like FastAPI's own
    422 (a list of problems), so that clients read one shape."""
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                         [{"type": "unusable_article", "loc": ["body"], "msg": reason}])


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

    # FastAPIOffline: FastAPI with /docs and /redoc served from the package's own copies of
    # Swagger UI and ReDoc instead of a CDN.
    app = FastAPIOffline(title="wirecoder", version=__version__,
                         description="Events, quotes, figures and places extracted from news, with the "
                                     "evidence sentence of every record. Lists are paginated "
                                     "({items, total, next}).",
                         responses={503: {"model": Problem, "description": "the database cannot answer"}})
    app.state.store = store
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    _error_handlers(app)

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

    not_found = {404: {"model": Problem, "description": "no such record"}}

    @app.get("/api/events", response_model=Page, tags=["events"])
    def list_events(request: Request, filters: Annotated[Filters, Depends(event_filters)],
                    limit: Limit = 50, offset: Offset = 0) -> Page:
        """Merged events in date order; each counts once however many copies and articles report it."""
        return _page(request, store.query_events, filters, limit, offset)

    @app.get("/api/events/{event_id}", tags=["events"], responses=not_found)
    def get_event(event_id: EventId) -> dict:
        """One merged event with every report: its event record, evidence sentence and article."""
        return found(store.get_event(event_id), "event")

    @app.get("/api/articles/{article_id}", tags=["articles"], responses=not_found)
    def get_article(article_id: ArticleId) -> dict:
        """The article's text and every record with its offsets, its story and merged event ids."""
        return found(store.get_article(article_id.lower()), "article")

    @app.post("/api/articles", tags=["articles"], response_model=ArticleAdded,
              status_code=status.HTTP_201_CREATED, dependencies=[Depends(authorised)],
              responses={200: {"model": ArticleAdded, "description": "already stored"},
                         400: {"model": Problem, "description": "the body is not JSON text"},
                         401: {"model": Problem, "description": "missing or wrong token"},
                         403: {"model": Problem, "description": "submitting disabled"},
                         413: {"model": Problem, "description": f"body over {MAX_BODY_BYTES:,} bytes"}})
    def post_article(body: ArticleIn, response: Response) -> ArticleAdded:
        """Extract an article and store it (needs the bearer token)."""
        from wirecoder.ingest import IngestError

        try:
            article = _article(body)
        except IngestError as exc:
            raise _unusable(exc.reason) from None
        if len(article.text) > MAX_TEXT_CHARS:  # an HTML page whose text alone is too long
            raise _unusable(f"article text over {MAX_TEXT_CHARS:,} characters")
        # The id is the text's hash: an article stored before is not extracted again. Looked up
        # inside the lock, so that the same article posted twice at once is extracted once.
        with extract_lock:
            added = "exists"
            if not store.has_article(article.id):
                added = store.add(_extract(article, body.published), origin="api")
        stored = store.get_article(article.id)
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
        return store.stats()

    # The dashboard: its aggregate endpoints, then its static files at `/` (last: it matches all).
    from wirecoder.serve import api_aggregates, web

    app.include_router(api_aggregates.router)
    web.mount(app)
    return app


def _error_handlers(app: FastAPI) -> None:
    """Errors as JSON, never a stack trace or the database's own words."""

    @app.exception_handler(StoreError)
    async def database_error(request: Request, exc: StoreError) -> JSONResponse:
        log.error("database error on %s %s: %s: %s", request.method, request.url.path, exc.item, exc.reason)
        return JSONResponse({"detail": "the database cannot answer now; try again later"},
                            status_code=status.HTTP_503_SERVICE_UNAVAILABLE)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own 422, less the `input` echo: a 1 MB text is not sent back.
        errors = [{k: v for k, v in e.items() if k not in ("input", "ctx", "url")} for e in exc.errors()]
        return JSONResponse({"detail": errors}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=status.HTTP_500_INTERNAL_SERVER_ERROR)
