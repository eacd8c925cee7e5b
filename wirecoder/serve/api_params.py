"""What the API's list endpoints share (api.py and api_aggregates.py): the page of results,
the paging parameters, and the filter dependencies generated from wirecoder/filters.py.
Kept apart from api.py so that the aggregate router, which api.create_app mounts, does not
import api.py back."""
from __future__ import annotations

import inspect
from typing import Annotated, Any, Callable, Optional

from fastapi import Query
from pydantic import BaseModel, Field

from wirecoder.filters import MAX_ID, Filters, query_model

MAX_LIMIT = 1000


class Page(BaseModel):
    items: list[dict[str, Any]]
    total: int
    next: Optional[str] = Field(None, description="relative URL of the next page; null on the last one")


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="items to skip")]


def filters_dependency(kind: str) -> Callable[..., Filters]:
    """A FastAPI dependency reading list `kind`'s filters from the query string."""
    model = query_model(kind)

    def dependency(params) -> Filters:
        return Filters(**params.model_dump(exclude_none=True))

    # Set the signature itself: the model is made at run time, not named in the source.
    dependency.__signature__ = inspect.Signature([inspect.Parameter(
        "params", inspect.Parameter.KEYWORD_ONLY, annotation=Annotated[model, Query()])],
        return_annotation=Filters)
    dependency.__name__ = f"{kind}_filters"
    return dependency


event_filters = filters_dependency("events")
quote_filters = filters_dependency("quotes")
figure_filters = filters_dependency("figures")
place_filters = filters_dependency("places")
story_filters = filters_dependency("stories")
