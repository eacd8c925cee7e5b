"""The record format: the committed JSON Schema is the one the models generate."""
import json
from pathlib import Path

import jsonschema

from wirecoder.models import Article, Extraction, json_schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "wirecoder" / "data" / "extraction.schema.json"


def test_committed_schema_matches_models():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(), "run `wirecoder schema > wirecoder/data/extraction.schema.json`"


def test_schema_rejects_a_record_missing_required_fields():
    record = Extraction(article=Article(id="ab" * 32, text="Body.")).to_json_dict()
    jsonschema.validate(record, json_schema())
    del record["article"]["text"]
    try:
        jsonschema.validate(record, json_schema())
    except jsonschema.ValidationError as exc:
        assert "text" in exc.message
    else:
        raise AssertionError("schema accepted an article without text")


def test_record_uses_spec_field_names():
    record = Extraction(article=Article(id="x", text="t")).to_json_dict()
    assert record["schema"] == "wirecoder.extraction/1"
    assert list(record) == ["schema", "article", "actors", "events", "quotes", "figures", "places"]
