"""Schemathesis against the OpenAPI document of a running server (issues 15 and 16).

A real uvicorn on a loopback port over a SQLite database holding a few demo
articles; schemathesis reads /openapi.json from it and sends a bounded number
of generated requests to every operation, valid ones and invalid ones. It must
find no 5xx, no status code the document does not declare, and no response
that breaks its declared schema or content type. POST /api/articles runs with
the token, so generated articles go all the way through extraction.
"""
from __future__ import annotations

import pytest
import schemathesis
from schemathesis import GenerationMode
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import (content_type_conformance, not_a_server_error, response_schema_conformance,
                                 status_code_conformance)

from live_server import serving
from test_api import EXAMPLES, TOKEN
from wirecoder.serve.api import create_app
from wirecoder.serve.cli import main
from wirecoder.store import Store
from wirecoder.store.testing import test_database

EXAMPLES_PER_OPERATION = 8  # bounded: the whole module stays well under a minute


@pytest.fixture(scope="module")
def api_schema(nlp):
    with test_database("sqlite") as url:
        demo = sorted(EXAMPLES.glob("*.txt"))[:3]
        assert main(["ingest", *map(str, demo), "--db", url, "--published", "2024-03-18"]) == 0
        store = Store(url)
        with serving(create_app(store, token=TOKEN)) as base:
            yield schemathesis.openapi.from_url(f"{base}/openapi.json")
        store.close()


def test_the_api_keeps_to_its_openapi_document(api_schema):
    # Operation by operation with Hypothesis directly (schemathesis.pytest.from_fixture does not
    # work with this pytest); every operation runs, all failures are reported together.
    failures: dict[str, str] = {}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 9
    strategies = [(op, mode) for op in operations for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]
    for operation, mode in strategies:
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(
                headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60,
                checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                        response_schema_conformance])

        try:
            check()
        except Unsatisfiable:  # no parameters (GET /api/stats): nothing to make invalid
            assert mode is GenerationMode.NEGATIVE
        except Exception as exc:  # noqa: BLE001 - collected, then reported for every operation
            failures[f"{operation.label} ({mode.value})"] = str(exc)[:3000]
    print("schemathesis:", len(operations), "operations,", len(failures), "failing:", sorted(failures))
    assert not failures, "\n\n".join(f"{label}:\n{text}" for label, text in failures.items())
