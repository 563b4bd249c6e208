"""``POST /v1/screen``: one query or a batch; every bad input is a 4xx, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from chokepoint.api.app import Settings, create_app
from chokepoint.store import Store

KEY = {"X-API-Key": "k1"}


@pytest.fixture
def client(loaded_store: Store) -> TestClient:
    app = create_app(Settings(home=loaded_store.home, api_keys=frozenset({"k1"})))
    return TestClient(app, raise_server_exceptions=False)


def test_single_query(client: TestClient) -> None:
    response = client.post(
        "/v1/screen", json={"query": {"name": "Ri Che-son", "schema": "Person"}}, headers=KEY
    )
    assert response.status_code == 200, response.text
    matches = response.json()["results"][0]["matches"]
    assert {m["source_id"] for m in matches} == {"KPi.002", "12216"}
    assert matches[0]["explanation"]


def test_batch_keeps_order_and_ids(client: TestClient) -> None:
    queries = [{"id": "a", "name": "KIM JONG UN"}, {"id": "b", "name": "Korea Ryonbong General Corp"}]
    response = client.post("/v1/screen", json={"queries": queries, "limit": 2}, headers=KEY)
    assert [r["query_id"] for r in response.json()["results"]] == ["a", "b"]


def test_missing_key_is_401(client: TestClient) -> None:
    assert client.post("/v1/screen", json={"query": {"name": "x"}}).status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        {"query": {"name": ""}},
        {"query": {"name": "   "}},
        {"query": {"name": "x" * 10_000}},
        {"query": {"name": "Kim\u0007Jong"}},
        {"query": {"name": "Vlаdimir"}},
        {"query": {"name": "Kim", "birth_date": "last year"}},
        {"query": {"name": "Kim"}, "queries": [{"name": "Kim"}]},
        {"queries": []},
        {"queries": [{"name": "Kim"}] * 1001},
        {"query": {"name": "Kim", "favourite": "colour"}},
    ],
)
def test_bad_queries_are_422(client: TestClient, body: dict[str, object]) -> None:
    response = client.post("/v1/screen", json=body, headers=KEY)
    assert response.status_code == 422, response.text


def test_invalid_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/v1/screen", content=b"{not json", headers={**KEY, "Content-Type": "application/json"}
    )
    assert response.status_code == 422


def test_empty_store_is_a_clear_4xx(tmp_path: object, store: Store) -> None:
    client = TestClient(create_app(Settings(home=store.home, auth=False)), raise_server_exceptions=False)
    response = client.post("/v1/screen", json={"query": {"name": "Kim"}})
    assert 400 <= response.status_code < 500
