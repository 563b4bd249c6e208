"""REST under /v1/graph: same kernels as the CLI; unknown ids are 404, never 500."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from chokepoint.api.app import Settings, create_app
from chokepoint.network.generator import generate
from chokepoint.network.storage import import_file
from chokepoint.store import Store

KEY = {"X-API-Key": "k"}


def _client(store: Store, tmp_path: Path) -> TestClient:
    paths = generate(2_000, seed=3).write_registry(tmp_path / "reg")
    for path in (tmp_path / "reg", paths["listed"], paths["accounts"]):
        import_file(store, path)
    return TestClient(create_app(Settings(home=store.home, api_keys=frozenset({"k"}))))


def test_graph_endpoints(store: Store, tmp_path: Path) -> None:
    client = _client(store, tmp_path)
    assert client.get("/v1/graph/leads").status_code == 401
    ownership = client.get("/v1/graph/ownership", params={"rule": "ofac"}, headers=KEY).json()
    assert ownership["counts"]["blocked"] > 0
    blocked = next(v for v in ownership["verdicts"] if v["evidence"] != "listed")
    one = client.get(f"/v1/graph/ownership/{blocked['entity_id']}", headers=KEY).json()
    assert one["verdict"] == "blocked" and one["chain"][-1] == blocked["entity_id"] and one["contributions"]
    exposure = client.get("/v1/graph/exposure/cn-front-0", params={"k": 2}, headers=KEY).json()
    assert exposure["paths"]
    assert len(client.get("/v1/graph/leads", params={"top": 3}, headers=KEY).json()) == 3
    report = client.get("/v1/graph/chokepoints", params={"seeds": "DPRK", "top": 1}, headers=KEY).json()
    assert len(report["picks"]) == 1
    export = client.get("/v1/graph/export", params={"around": "cn-front-0"}, headers=KEY).json()
    assert export["elements"]["nodes"]
    assert len(client.get("/v1/graph/imports", headers=KEY).json()) == 3


def test_unknown_ids_and_bad_parameters(store: Store, tmp_path: Path) -> None:
    client = _client(store, tmp_path)
    assert client.get("/v1/graph/exposure/nobody", headers=KEY).status_code == 404
    assert client.get("/v1/graph/ownership", params={"rule": "uk"}, headers=KEY).status_code == 422
    assert client.get("/v1/graph/chokepoints", params={"seeds": "NOSUCH"}, headers=KEY).status_code == 400
