"""Loitering: one vessel slow for hours away from ports (Miller et al. 2018: average below 2 kn for
at least 8 h, more than 20 nm from shore; here from any known port or anchorage). Loitering
alone can mean a transfer with a ship that is not transmitting."""

from __future__ import annotations

import polars as pl

from chokepoint.maritime.events import make_events
from chokepoint.maritime.events.encounters import min_distance_km
from chokepoint.maritime.geo import METRES_PER_NM
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.tracks import segment_starts


def slow_runs(tracks: pl.DataFrame, max_speed_kn: float) -> pl.DataFrame:
    """Runs of consecutive positions of a segment below ``max_speed_kn``: segment, mmsi, t_start,
    t_end, positions, mean position and mean speed."""
    slow = pl.col("sog").fill_null(0.0) < max_speed_kn
    runs = tracks.with_columns(
        slow.alias("_slow"),
        ((slow != slow.shift(1)).fill_null(True) | segment_starts()).cum_sum().alias("_run"),
    ).filter(pl.col("_slow"))
    return (
        runs.group_by("_run")
        .agg(
            pl.col("segment").first(),
            pl.col("mmsi").first(),
            pl.col("t").min().alias("t_start"),
            pl.col("t").max().alias("t_end"),
            pl.len().alias("positions"),
            pl.col("lat").mean(),
            pl.col("lon").mean(),
            pl.col("sog").mean().round(2).alias("mean_speed_kn"),
        )
        .drop("_run")
    )


def detect_loitering(tracks: pl.DataFrame, ports: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """Loitering events (see the module docstring)."""
    runs = slow_runs(tracks, params.loiter_max_speed_kn).with_columns(
        ((pl.col("t_end") - pl.col("t_start")) / 3600).round(2).alias("hours")
    )
    runs = runs.filter(pl.col("hours") >= params.loiter_min_hours)
    runs = runs.with_columns(
        (min_distance_km(pl.col("lat"), pl.col("lon"), ports) * 1000 / METRES_PER_NM)
        .round(1)
        .alias("port_nm")
    ).filter(pl.col("port_nm") >= params.loiter_min_port_nm)
    runs = runs.with_columns(
        (0.4 + 0.4 * (pl.col("hours") / (3 * params.loiter_min_hours)).clip(0, 1)).alias("confidence")
    )
    return make_events(
        runs.sort("t_start", "mmsi"),
        "loitering",
        ["hours", "mean_speed_kn", "positions", "port_nm"],
        {"max_speed_kn": params.loiter_max_speed_kn, "min_hours": params.loiter_min_hours},
    )
