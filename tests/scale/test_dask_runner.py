"""The Dask runner gives the single-process results (LocalCluster, 2 threaded workers)."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from chokepoint.maritime.generator import generate
from chokepoint.maritime.pipeline import detect_events
from chokepoint.maritime.zones import east_asia_anchorages, read_ports
from chokepoint.scale.dask_runner import Box, days_of, lon_bands, run_events


def test_partitioned_by_day_and_region_equals_single_process(shared_data: Path, tmp_path: Path) -> None:
    ports = read_ports(shared_data / "dprk" / "ports.csv")
    scenario = generate(21, ports, background=25, days=3.0, sts=3, dark_sts=2, port_calls=3, identity_swaps=2)
    path = tmp_path / "day.positions.parquet"
    scenario.positions.write_parquet(path)
    single = detect_events(scenario.positions, scenario.statics, ports, east_asia_anchorages())
    boxes = [Box("west", -90.0, 90.01, -180.0, 126.0), Box("east", -90.0, 90.01, 126.0, 180.01)]
    distributed = run_events([path], scenario.statics, ports, east_asia_anchorages(), boxes=boxes)
    assert len(days_of([str(path)])) >= 3
    assert single.height > 20
    assert distributed.equals(single)


def test_lon_bands_cover_the_world_without_overlap() -> None:
    points = pl.DataFrame({"lat": [0.0] * 5, "lon": [-180.0, -90.0, 0.0, 89.9, 180.0]})
    hits = points.select(
        pl.sum_horizontal([b.contains(pl.col("lat"), pl.col("lon")).cast(pl.Int32) for b in lon_bands(4)])
    )
    assert hits.to_series().to_list() == [1, 1, 1, 1, 1]
