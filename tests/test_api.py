"""The REST API: API keys, size limits, entity lookups and clear 4xx errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chokepoint.api.app import Settings, create_app
from chokepoint.sources.load import load_source
from chokepoint.store import Store

KEY = "test-key-0123456789"


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "os-1", "schema": "Company", "properties": {"name": ["Paekho Trading"]}})
    )
    home = tmp_path / "home"
    load_source(Store(home), "ftm", path)
    return TestClient(create_app(Settings(home=home, api_keys=frozenset({KEY}))))


def test_missing_or_wrong_key_is_401(client: TestClient) -> None:
    assert client.get("/v1/entities/os-1").status_code == 401
    assert client.get("/v1/entities/os-1", headers={"X-API-Key": "wrong"}).status_code == 401


def test_entity_lookup_with_a_key(client: TestClient) -> None:
    response = client.get("/v1/entities/os-1", headers={"X-API-Key": KEY})
    assert response.status_code == 200
    assert response.json()["caption"] == "Paekho Trading"
    assert response.json()["provenance"]["source"] == "ftm"


def test_unknown_entity_is_404_and_bad_date_is_422(client: TestClient) -> None:
    headers = {"X-API-Key": KEY}
    assert client.get("/v1/entities/nope", headers=headers).status_code == 404
    assert client.get("/v1/entities/os-1?as_of=yesterday", headers=headers).status_code == 422


def test_oversized_bodies_are_refused_with_413(client: TestClient) -> None:
    response = client.post("/v1/lists", content=b"x" * (3 << 20), headers={"X-API-Key": KEY})
    assert response.status_code == 413


def test_health_and_openapi_need_no_key(client: TestClient) -> None:
    assert client.get("/health").json()["status"] == "ok"
    assert "/v1/entities/{entity_id}" in client.get("/openapi.json").json()["paths"]
