"""The list filters, defined once: the CLI options and the API query parameters come from here.

`Filters` is what every query reads (wirecoder.store.queries); its fields
carry their checks (bounded lengths, no control characters, ids inside the
database's integer range), so a bad value is refused the same way on the
command line, over HTTP and in Python, before any database sees it. `LISTS`
says which filters each list takes and what they mean for it; the CLI
(`add_options`, wirecoder/serve/commands_db.py) and the API
(`query_model`, wirecoder/serve/api.py) are generated from it.

No SQLAlchemy here: `wirecoder --help` and `wirecoder extract` must not load it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import typing
from typing import Annotated, Any, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model, field_validator

from wirecoder.models import EventType, FigureKind
from wirecoder.serve.console import iso_date

# Every id the store hands out fits a PostgreSQL `integer`; larger ones cannot exist.
MAX_ID = 2**31 - 1
# Longest filter value: place names and codes are short, and a long LIKE pattern is costly
# (SQLite refuses patterns over 50,000 bytes outright).
MAX_FILTER_CHARS = 200
ARTICLE_ID_CHARS = 64  # sha256, hex

# Printable text only: NUL and other control characters are refused (PostgreSQL cannot store NUL).
Printable = Annotated[str, StringConstraints(min_length=1, max_length=MAX_FILTER_CHARS,
                                             pattern=r"^[^\x00-\x1f\x7f]+$")]
ArticleIdText = Annotated[str, StringConstraints(min_length=1, max_length=ARTICLE_ID_CHARS,
                                                 pattern=r"^[0-9a-fA-F]+$")]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class _Normalise(BaseModel):
    """Codes are upper case in the data and kinds lower case: accept "ukr" and "Killed" too.

    Also the base of the per-list query models, so they normalise alike.
    """

    @field_validator("type", "actor", "country", mode="before", check_fields=False)
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("kind", mode="before", check_fields=False)
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("article", mode="before", check_fields=False)
    @classmethod
    def _lower_hex(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value


class Filters(_Normalise):
    """What the CLI flags and API query parameters select; None means any.

    Which list reads which filter, and how, is in LISTS.
    """

    model_config = ConfigDict(extra="forbid")  # a misspelt filter in Python code fails loudly

    type: Optional[EventType] = None
    actor: Optional[Printable] = None
    country: Optional[Printable] = None
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    place: Optional[Printable] = None
    story: Optional[Id] = None
    article: Optional[ArticleIdText] = None
    kind: Optional[FigureKind] = None

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(cls.model_fields)


_SINCE, _UNTIL = "on or after this date (YYYY-MM-DD)", "on or before this date (YYYY-MM-DD)"
_STORY, _ARTICLE = "only this story (syndicated copies)", "only this article (its sha256 id)"
# Quotes, figures and places are dated by their article's publication date.
_DATES = {"since": "published " + _SINCE, "until": "published " + _UNTIL, "story": _STORY,
          "article": _ARTICLE}

# list -> {filter: what it means for that list}. The order is the order of the options.
LISTS: dict[str, dict[str, str]] = {
    "events": {"type": "PLOVER event type", "actor": "source or target actor code (AZE, UN, ...)",
               "country": "ISO3: where it happened, or whose actors", "place": "place name or alias",
               "since": "happened " + _SINCE, "until": "happened " + _UNTIL,
               "story": _STORY, "article": _ARTICLE},
    "quotes": {"actor": "speaker's code", "country": "speaker's country (ISO3)", **_DATES},
    "figures": {"kind": "what is counted", "actor": "code of who gave the figure",
                "country": "country of who gave the figure (ISO3)", **_DATES},
    "places": {"country": "ISO3 of the place", "place": "place name or alias", **_DATES},
    "stories": {"since": _SINCE, "until": _UNTIL, "article": _ARTICLE},
}


def query_model(kind: str) -> type[BaseModel]:
    """A model with only the filters of list `kind`, each described for that list (API query)."""
    fields: dict[str, Any] = {}
    for name, help_text in LISTS[kind].items():
        info = Filters.model_fields[name]
        # The checks live in the annotation (Optional[Printable], ...), which is kept as it is.
        fields[name] = (info.annotation, Field(None, description=help_text))
    return create_model(f"{kind.title()}Filters", __base__=_Normalise, **fields)


# --- the command line -----------------------------------------------------------------------

def _choices(annotation) -> Optional[tuple[str, ...]]:
    for arg in typing.get_args(annotation) or (annotation,):
        if typing.get_origin(arg) is typing.Literal:
            return typing.get_args(arg)
    return None


def _base_type(annotation) -> type:
    for arg in typing.get_args(annotation) or (annotation,):
        if arg is type(None):
            continue
        while typing.get_origin(arg) is Annotated:
            arg = typing.get_args(arg)[0]
        return arg
    return str


def add_options(parser: argparse.ArgumentParser, kind: str) -> None:
    """Add list `kind`'s filters to `parser` as --name options (checked again by Filters)."""
    for name, help_text in LISTS[kind].items():
        annotation = Filters.model_fields[name].annotation
        choices = _choices(annotation)
        if choices is not None:
            case = str.upper if choices[0].isupper() else str.lower  # the data's own case
            parser.add_argument(f"--{name}", type=case, choices=choices, metavar=name.upper(),
                                help=f"{help_text} ({' '.join(choices)})")
            continue
        base = _base_type(annotation)
        if base is dt.date:
            parser.add_argument(f"--{name}", type=iso_date, metavar="YYYY-MM-DD", help=help_text)
        elif base is int:
            parser.add_argument(f"--{name}", type=int, metavar="ID", help=help_text)
        else:
            parser.add_argument(f"--{name}", metavar=name.upper(), help=help_text)


def from_options(args: argparse.Namespace) -> Filters:
    """The Filters of parsed options (raises pydantic.ValidationError on a bad value)."""
    return Filters(**{name: getattr(args, name) for name in Filters.names()
                      if getattr(args, name, None) is not None})


def problem(exc) -> str:
    """A pydantic ValidationError as one line: `--story: Input should be ...`."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()))
        parts.append(f"--{where}: {err['msg']}" if where else err["msg"])
    return "; ".join(parts)
