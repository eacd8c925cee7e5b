"""Export merged events as JSON Lines, CSV, GeoJSON or Parquet.

CSV and Parquet are flat, one row per merged event, so that pandas, Excel
and QGIS read them without unpacking: actor and place fields are columns
(`source_code`, `source_name`, ..., `lat`, `lon`) and the first report's
sentence is `evidence_text`. JSON Lines keeps everything: each merged event
with every report. GeoJSON holds the events that have coordinates, as
Points in lon/lat order (RFC 7946).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import IO, Any

FORMATS = ("jsonl", "csv", "geojson", "parquet")

_ACTOR_FIELDS = ("code", "name", "country", "sector", "role")

# (column, type): the one list of flat columns, in output order; types name pyarrow's.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "int64"), ("type", "string"), ("mode", "string"), ("negated", "bool_"),
    ("date", "date32"), ("date_precision", "string"),
    *((f"source_{k}", "string") for k in _ACTOR_FIELDS),
    *((f"target_{k}", "string") for k in _ACTOR_FIELDS),
    ("place_name", "string"), ("place_country", "string"), ("lat", "float64"), ("lon", "float64"),
    ("geonameid", "int64"),
    ("num_articles", "int64"), ("num_sources", "int64"), ("num_copies", "int64"), ("num_reports", "int64"),
    ("evidence_text", "string"), ("evidence_start", "int64"), ("evidence_end", "int64"),
    ("article_id", "string"), ("article_title", "string"), ("article_url", "string"),
    ("article_source", "string"), ("published", "date32"), ("story_id", "int64"),
)
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)


def arrow_schema():
    import pyarrow as pa  # only Parquet needs it (a slow import)

    return pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS])


def flat_row(item: dict) -> dict[str, Any]:
    """A merged event as returned by queries.query_events, flattened to COLUMN_NAMES."""
    row: dict[str, Any] = {"event_id": item["id"]}
    for k in ("type", "mode", "negated", "date_precision", "num_articles", "num_sources",
              "num_copies", "num_reports"):
        row[k] = item[k]
    row["date"] = date.fromisoformat(item["date"]) if item["date"] else None
    for role in ("source", "target"):
        actor = item[role] or {}
        for k in _ACTOR_FIELDS:
            row[f"{role}_{k}"] = actor.get(k)
    place = item["place"] or {}
    row.update(place_name=place.get("name"), place_country=place.get("country"), lat=place.get("lat"),
               lon=place.get("lon"), geonameid=place.get("geonameid"))
    ev = item["evidence"]
    art = ev["article"]
    row.update(evidence_text=ev["text"], evidence_start=ev["start"], evidence_end=ev["end"],
               article_id=art["id"], article_title=art["title"], article_url=art["url"],
               article_source=art["source"], story_id=art["story_id"],
               published=date.fromisoformat(art["published"]) if art["published"] else None)
    return row


def _text(out: IO[bytes], write: Callable[[IO[str]], int], bom: bool = False) -> int:
    # Text formats go through a wrapper so that one binary sink serves all formats.
    wrapper = io.TextIOWrapper(out, encoding="utf-8-sig" if bom else "utf-8", newline="")
    try:
        return write(wrapper)
    finally:
        wrapper.flush()
        wrapper.detach()


def _json_default(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def write_jsonl(out: IO[bytes], details: Iterable[dict]) -> int:
    def write(w: IO[str]) -> int:
        n = 0
        for n, item in enumerate(details, 1):
            w.write(json.dumps(item, ensure_ascii=False) + "\n")
        return n
    return _text(out, write)


def write_csv(out: IO[bytes], items: Iterable[dict], bom: bool = False) -> int:
    """`bom`: a UTF-8 byte order mark, which Excel needs to read UTF-8 (pandas skips it)."""
    def write(w: IO[str]) -> int:
        writer = csv.DictWriter(w, fieldnames=COLUMN_NAMES)
        writer.writeheader()
        n = 0
        for n, item in enumerate(items, 1):
            writer.writerow(flat_row(item))
        return n
    return _text(out, write, bom=bom)


def write_geojson(out: IO[bytes], items: Iterable[dict]) -> int:
    """A FeatureCollection of the events with coordinates (the others cannot be drawn)."""
    def write(w: IO[str]) -> int:
        w.write('{"type": "FeatureCollection", "features": [\n')
        n = 0
        for item in items:
            row = flat_row(item)
            if row["lat"] is None or row["lon"] is None:
                continue
            feature = {"type": "Feature", "id": row["event_id"],
                       "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                       "properties": row}
            w.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False, default=_json_default))
            n += 1
        w.write("\n]}\n")
        return n
    return _text(out, write)


def _batches(items: Iterable[dict], size: int = 1000) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for item in items:
        batch.append(flat_row(item))
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(out: IO[bytes], items: Iterable[dict]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        for batch in _batches(items):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
        if n == 0:  # still a valid file with the columns
            writer.write_table(schema.empty_table())
    return n
