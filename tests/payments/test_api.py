"""``POST /v1/payments/screen``: pacs XML or MT text in, alerts out; bad input is a 422, never a 500."""

from __future__ import annotations

from fastapi.testclient import TestClient

from chokepoint.api.app import Settings, create_app
from chokepoint.store import Store

from .test_iso20022 import PACS009_COV
from .test_mt import MT202COV


def _client(store: Store) -> TestClient:
    return TestClient(create_app(Settings(home=store.home, api_keys=frozenset({"k"}))))


def test_screen_mt_and_pacs_bodies(listed_store: Store) -> None:
    client = _client(listed_store)
    mt = client.post("/v1/payments/screen", content=MT202COV, headers={"X-API-Key": "k"})
    assert mt.status_code == 200
    assert "sanctioned-party" in {a["rule"] for a in mt.json()["alerts"]}
    pacs = client.post(
        "/v1/payments/screen",
        content=PACS009_COV,
        headers={"X-API-Key": "k", "Content-Type": "application/xml"},
    )
    assert pacs.status_code == 200 and pacs.json()["messages"] == 1
    assert "dprk-phone" in {a["rule"] for a in pacs.json()["alerts"]}


def test_bad_bodies_are_422_and_keys_are_required(listed_store: Store) -> None:
    client = _client(listed_store)
    assert client.post("/v1/payments/screen", content=b"hello").status_code == 401
    bad = client.post("/v1/payments/screen", content=b"hello", headers={"X-API-Key": "k"})
    assert bad.status_code == 422 and "neither ISO 20022" in bad.json()["detail"]
    hostile = b'<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><Document>&e;</Document>'
    refused = client.post("/v1/payments/screen", content=hostile, headers={"X-API-Key": "k"})
    assert refused.status_code == 422 and "hostile" in refused.json()["detail"]
