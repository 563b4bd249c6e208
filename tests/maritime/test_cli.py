"""``chokepoint maritime``: ingest, events (CSV and GeoJSON), vessel, generate; clean errors."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from chokepoint.cli import app

runner = CliRunner()


@pytest.fixture
def scenario_dir(shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CHOKEPOINT_SHARED_DATA", str(shared_data))
    out = tmp_path / "gen"
    result = runner.invoke(
        app, ["maritime", "generate", "-o", str(out), "--seed", "5", "--background", "15", "--days", "3"]
    )
    assert result.exit_code == 0, result.output
    return out


def test_ingest_writes_parquet(shared_data: Path, tmp_path: Path) -> None:
    nm4 = shared_data / "ais" / "aisdb_test_data_20211101.nm4"
    result = runner.invoke(app, ["maritime", "ingest", str(nm4), "-o", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    written = json.loads(result.stdout)
    assert pl.read_parquet(written[0]["positions_file"]).height == written[0]["positions"]


def test_events_csv_geojson_and_vessel(scenario_dir: Path, tmp_path: Path) -> None:
    home, out, geo = tmp_path / "home", tmp_path / "events.csv", tmp_path / "events.geojson"
    positions = scenario_dir / "scenario-5.positions.parquet"
    args = ["maritime", "events", str(positions), "-o", str(out), "--geojson", str(geo), "--home", str(home)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    events = pl.read_csv(out)
    assert events.columns == [
        "event_id",
        "type",
        "start",
        "end",
        "lat",
        "lon",
        "mmsi",
        "other_mmsi",
        "imo",
        "other_imo",
        "port",
        "confidence",
        "details",
    ]
    assert events["start"][0].endswith("Z")
    assert json.loads(geo.read_text())["type"] == "FeatureCollection"
    mmsi = str(events.filter(pl.col("type") == "encounter")["mmsi"][0])
    shown = runner.invoke(app, ["maritime", "vessel", mmsi, "--home", str(home), "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["vessels"][0]["events"]


def test_errors_are_one_line_not_tracebacks(tmp_path: Path) -> None:
    from chokepoint.cli import main

    notes = tmp_path / "notes.txt"
    notes.write_text("nothing here\n")
    with pytest.raises(SystemExit) as exit_info:
        import sys

        sys.argv = ["chokepoint", "maritime", "events", str(notes), "-o", str(tmp_path / "x.csv")]
        main()
    assert exit_info.value.code == 2
    result = runner.invoke(app, ["maritime", "vessel", "123456789", "--home", str(tmp_path / "none")])
    assert result.exit_code != 0 and "run chokepoint maritime events first" in str(result.exception)


def test_parameters_can_be_overridden_per_run(shared_data: Path, tmp_path: Path) -> None:
    csv = shared_data / "ais" / "aisdb_test_data_noaa_20230101.csv"
    out = tmp_path / "e.csv"
    ok = runner.invoke(
        app,
        [
            "maritime",
            "events",
            str(csv),
            "-o",
            str(out),
            "--param",
            "gap_min_hours=6",
            "--home",
            str(tmp_path),
        ],
    )
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(app, ["maritime", "events", str(csv), "-o", str(out), "--param", "warp_speed=9"])
    assert bad.exit_code != 0 and "warp_speed" in bad.output


def test_dask_run_writes_the_same_events(scenario_dir: Path, tmp_path: Path) -> None:
    positions = scenario_dir / "scenario-5.positions.parquet"
    single, distributed = tmp_path / "single.csv", tmp_path / "dask.csv"
    home = ["--home", str(tmp_path / "home")]
    assert runner.invoke(app, ["maritime", "events", str(positions), "-o", str(single), *home]).exit_code == 0
    result = runner.invoke(
        app,
        [
            "maritime",
            "events",
            str(scenario_dir),
            "-o",
            str(distributed),
            "--dask",
            "local",
            "--regions",
            "2",
            *home,
        ],
    )
    assert result.exit_code == 0, result.output
    assert pl.read_csv(distributed).equals(pl.read_csv(single))
    nmea = runner.invoke(
        app, ["maritime", "events", str(Path(__file__)), "-o", str(single), "--dask", "local"]
    )
    assert nmea.exit_code != 0
