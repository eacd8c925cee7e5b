"""Exports: flat CSV/Parquet for pandas and Excel, GeoJSON for QGIS, JSON Lines with every report."""
from __future__ import annotations

import csv
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from store_fixtures import OMDURMAN, clear, copies, other_outlet
from wirecoder.store import Filters, Store


@pytest.fixture(scope="module")
def filled(db_url):
    store = Store(db_url)
    store.upgrade()
    clear(store)
    for ex in [*copies(), other_outlet()]:
        store.add(ex)
    yield store
    store.close()


def exported(store: Store, fmt: str, **kw) -> bytes:
    out = io.BytesIO()
    store.export(fmt, out, **kw)
    return out.getvalue()


def test_csv_has_one_flat_row_per_merged_event(filled):
    rows = list(csv.DictReader(io.StringIO(exported(filled, "csv").decode("utf-8"))))
    assert len(rows) == filled.stats()["merged_events"] == 4
    for column in ("source_code", "source_name", "source_sector", "target_code", "target_name", "lat", "lon",
                   "evidence_text", "num_articles", "num_sources", "article_url"):
        assert column in rows[0]
    shelling = next(r for r in rows if r["type"] == "ASSAULT" and r["source_code"] == "SDNREB")
    assert shelling["source_name"] == "Rapid Support Forces" and shelling["source_sector"] == "REB"
    assert (float(shelling["lat"]), float(shelling["lon"])) == (OMDURMAN.lat, OMDURMAN.lon)
    assert (shelling["num_articles"], shelling["num_sources"], shelling["num_copies"]) == ("2", "4", "4")
    assert shelling["evidence_text"].startswith("The paramilitary Rapid Support Forces shelled the market")


def test_csv_for_excel_starts_with_a_byte_order_mark(filled, tmp_path):
    path = tmp_path / "events.csv"
    assert filled.export("csv", path, bom=True) == 4
    assert path.read_bytes().startswith(b"\xef\xbb\xbfevent_id,type,")


def test_geojson_points_are_lon_lat(filled):
    data = json.loads(exported(filled, "geojson"))
    assert data["type"] == "FeatureCollection"
    # Only the events with a place that has coordinates: the shelling and the strikes on Khartoum.
    assert len(data["features"]) == 2
    shelling = next(f for f in data["features"] if f["properties"]["source_code"] == "SDNREB")
    assert shelling["geometry"] == {"type": "Point", "coordinates": [OMDURMAN.lon, OMDURMAN.lat]}
    assert shelling["properties"]["date"] == "2023-06-20"


def test_parquet_has_typed_flat_columns(filled):
    table = pq.read_table(io.BytesIO(exported(filled, "parquet")))
    assert table.num_rows == 4
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("lat").type == pa.float64()
    assert table.schema.field("num_articles").type == pa.int64()
    assert sorted(table.column("type").to_pylist()) == ["ACCUSE", "ASSAULT", "ASSAULT", "REQUEST"]
    empty = pq.read_table(io.BytesIO(exported(filled, "parquet", filters=Filters(type="PROTEST"))))
    assert empty.num_rows == 0 and "source_code" in empty.column_names


def test_jsonl_keeps_every_report(filled):
    lines = [json.loads(line) for line in exported(filled, "jsonl").decode().splitlines()]
    assert len(lines) == 4
    shelling = next(e for e in lines if e["num_copies"] == 4)
    assert len(shelling["reports"]) == 4
    assert {r["event"]["type"] for r in shelling["reports"]} == {"ASSAULT"}
    assert exported(filled, "jsonl", filters=Filters(actor="UN")).count(b"\n") == 1


def test_unknown_format_is_refused(filled):
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        filled.export("xlsx", io.BytesIO())
