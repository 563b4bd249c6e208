"""``/v1/maritime``: upload an AIS file, read the saved analysis, look up vessels."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from chokepoint.api.app import Settings, create_app

KEY = {"X-API-Key": "k"}


def client(home: Path) -> TestClient:
    return TestClient(create_app(Settings(home=home, api_keys=frozenset({"k"}))))


def test_upload_detect_and_look_up(shared_data: Path, tmp_path: Path) -> None:
    api = client(tmp_path)
    body = (shared_data / "ais" / "aisdb_test_data_noaa_20230101.csv").read_bytes()
    found = api.post("/v1/maritime/events?save=true", content=body, headers=KEY)
    assert found.status_code == 200, found.text
    assert found.json()["report"]["positions"] == 1000
    listed = api.get("/v1/maritime/events", params={"type": "spoofing"}, headers=KEY)
    assert listed.status_code == 200 and listed.json()["count"] >= 1
    mmsi = listed.json()["events"][0]["mmsi"]
    vessel = api.get(f"/v1/maritime/vessels/{mmsi}", headers=KEY)
    assert vessel.status_code == 200 and vessel.json()["vessels"][0]["mmsi"] == mmsi


def test_bad_input_is_422_and_missing_analysis_404(tmp_path: Path) -> None:
    api = client(tmp_path)
    assert api.post("/v1/maritime/events", content=b"hello world", headers=KEY).status_code == 422
    assert api.post("/v1/maritime/events?format=xml", content=b"x", headers=KEY).status_code == 422
    assert api.get("/v1/maritime/vessels/412000001", headers=KEY).status_code == 404
    assert api.get("/v1/maritime/events", headers=KEY).status_code == 404
    assert api.get("/v1/maritime/events").status_code == 401
