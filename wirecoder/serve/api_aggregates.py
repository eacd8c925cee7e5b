"""The dashboard's endpoints: aggregates over the selected events, search and downloads.

Every endpoint takes the event filters of /api/events (type, actor, country,
since, until, place, story, article) plus `q`, a text search over evidence
sentences, actor names and place names; the dashboard's views all ask
with the same selection, so they agree. The counting is done in SQL
(wirecoder.store.aggregates).
"""
from __future__ import annotations

from typing import Annotated, Any, Callable, Literal, Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.datastructures import URL

from wirecoder.serve.api_params import Limit, Offset, Page, event_filters
from wirecoder.filters import MAX_FILTER_CHARS
from wirecoder.store import Filters, Store
from wirecoder.store import aggregates

router = APIRouter(prefix="/api")

# Printable text only, as every filter (wirecoder.filters): NUL cannot reach the database.
Search = Annotated[Optional[str], Query(max_length=MAX_FILTER_CHARS, pattern=r"^[^\x00-\x1f\x7f]+$",
                                        description="text in the evidence, actor or place names")]
Selected = Annotated[Filters, Depends(event_filters)]


def _run(request: Request, compute: Callable[..., Any], *args: Any) -> Any:
    """One read session; a database failure is the app's 503 (without the database's text)."""
    store: Store = request.app.state.store
    with store._read() as session:
        return compute(session, *args)


@router.get("/aggregates/types", tags=["aggregates"])
def type_counts(request: Request, filters: Selected, q: Search = None) -> dict:
    """Merged events per PLOVER type (every type, zeros included) and the total."""
    return _run(request, aggregates.type_counts, filters, q)


@router.get("/aggregates/timeline", tags=["aggregates"])
def timeline(request: Request, filters: Selected, q: Search = None) -> list[dict]:
    """Merged events per day and type: [{date, type, count}] in date order."""
    return _run(request, aggregates.timeline, filters, q)


@router.get("/aggregates/actor-pairs", tags=["aggregates"])
def actor_pairs(request: Request, filters: Selected, q: Search = None,
                limit: Annotated[int, Query(ge=1, le=500)] = 60) -> list[dict]:
    """Who acts on whom, most frequent pairs first, with cooperative and conflictual counts."""
    return _run(request, aggregates.actor_pairs, filters, q, limit)


@router.get("/aggregates/places", tags=["aggregates"])
def places(request: Request, filters: Selected, q: Search = None,
           limit: Annotated[int, Query(ge=1, le=10000)] = 2000) -> list[dict]:
    """Where the selected events happened: coordinates with event, report and article counts."""
    return _run(request, aggregates.places, filters, q, limit)


@router.get("/search/events", response_model=Page, tags=["events"])
def search_events(request: Request, filters: Selected, q: Search = None,
                  limit: Limit = 50, offset: Offset = 0) -> Page:
    """Merged events as /api/events lists them, with the text search `q` applied too."""
    items, total = _run(request, aggregates.query_events, filters, q, limit, offset)
    more = offset + len(items) < total
    here = URL(path=request.url.path, query=request.url.query)  # relative, as in api._page
    nxt = str(here.include_query_params(offset=offset + limit, limit=limit)) if more else None
    return Page(items=items, total=total, next=nxt)


@router.get("/search/events/download", tags=["events"],
            responses={200: {"content": {"text/csv": {}, "application/geo+json": {}}}})
def download(request: Request, filters: Selected, q: Search = None,
             format: Literal["csv", "geojson"] = "csv") -> Response:
    """Exactly the selected events as CSV (the columns of `wirecoder export`) or GeoJSON points.

    Written whole before it is sent: the read session stays short, and an error is a 503,
    not a truncated file.
    """
    import io

    from wirecoder.store import export

    store: Store = request.app.state.store
    buffer = io.BytesIO()
    with store._read() as session:
        items = aggregates.iter_events(session, filters, q)
        if format == "csv":
            export.write_csv(buffer, items, bom=True)
        else:
            export.write_geojson(buffer, items)
    media = "text/csv; charset=utf-8" if format == "csv" else "application/geo+json"
    name = f"wirecoder-events.{format}"
    return Response(buffer.getvalue(), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


__all__ = ["router"]
