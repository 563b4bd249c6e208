"""Tracks: positions sorted per MMSI and split into kinematically plausible segments.

Two hulls broadcasting one MMSI (or a spoofer borrowing it) produce positions that no single
ship could join: the implied speed between them exceeds :data:`SEGMENT_MAX_SPEED_KN`. Segments
are built the way GFW's gpsdio-segment does it: each position joins the open segment it can be
reached from at a plausible speed (the most recently heard one), otherwise it opens a new one.

Only MMSIs with at least one implausible step need that sequential pass; the rest (almost all
traffic) get segment 0 from one vectorised pass. ``segment`` ids are ``mmsi * 100 + k``.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from chokepoint.maritime.geo import KNOT_MPS, haversine_m, haversine_np
from chokepoint.maritime.params import EventParams

_MAX_OPEN_SEGMENTS = 50


def prepare(positions: pl.DataFrame) -> pl.DataFrame:
    """Timed positions sorted by (mmsi, timestamp), exact duplicates dropped, ``t`` in epoch seconds."""
    return (
        positions.filter(pl.col("timestamp").is_not_null())
        .unique(subset=["mmsi", "timestamp", "lat", "lon"], keep="first", maintain_order=False)
        .sort("mmsi", "timestamp")
        .with_columns((pl.col("timestamp").dt.epoch("us") // 1_000_000).alias("t"))
    )


def _implausible(params: EventParams) -> pl.Expr:
    dt = (pl.col("t") - pl.col("t").shift(1)).over("mmsi")
    dist = haversine_m(pl.col("lat").shift(1), pl.col("lon").shift(1), pl.col("lat"), pl.col("lon")).over(
        "mmsi"
    )
    fast = dist > params.segment_max_speed_kn * KNOT_MPS * dt.clip(lower_bound=1)
    return (fast & (dist > params.segment_noise_m)).fill_null(False)


def segment(positions: pl.DataFrame, params: EventParams | None = None) -> pl.DataFrame:
    """Prepared positions with a ``segment`` column (Int64); see the module docstring."""
    params = params or EventParams()
    tracks = prepare(positions)
    tracks = tracks.with_columns(_implausible(params).alias("_jump"))
    contested = tracks.group_by("mmsi").agg(pl.col("_jump").any().alias("_contested"))
    tracks = tracks.join(contested, on="mmsi", how="left").drop("_jump")
    plain = tracks.filter(~pl.col("_contested")).with_columns((pl.col("mmsi") * 100).alias("segment"))
    hard = tracks.filter(pl.col("_contested"))
    if len(hard):
        k = _assign_segments(
            hard["mmsi"].to_numpy(),
            hard["t"].to_numpy().astype(np.float64),
            hard["lat"].to_numpy(),
            hard["lon"].to_numpy(),
            params,
        )
        hard = hard.with_columns((pl.col("mmsi") * 100 + pl.Series(k)).alias("segment"))
    else:
        hard = hard.with_columns((pl.col("mmsi") * 100).alias("segment"))
    return pl.concat([plain, hard]).drop("_contested").sort("mmsi", "timestamp")


def _assign_segments(
    mmsi: np.ndarray, t: np.ndarray, lat: np.ndarray, lon: np.ndarray, params: EventParams
) -> np.ndarray:
    """Greedy gpsdio-style assignment for the positions of contested MMSIs (sorted by mmsi, t)."""
    out = np.zeros(len(t), dtype=np.int64)
    max_mps = params.segment_max_speed_kn * KNOT_MPS
    last_t: list[float] = []
    last_lat: list[float] = []
    last_lon: list[float] = []
    current = -1
    for i in range(len(t)):
        if mmsi[i] != current:
            current, last_t, last_lat, last_lon = mmsi[i], [], [], []
        if last_t:
            dist = haversine_np(np.array(last_lat), np.array(last_lon), lat[i], lon[i])
            dt = np.maximum(t[i] - np.array(last_t), 1.0)
            speed = dist / dt
            ok = (speed <= max_mps) | (dist <= params.segment_noise_m)
            if ok.any() or len(last_t) >= _MAX_OPEN_SEGMENTS:
                # the hull heard most recently that could have got here is the one continuing
                choice = int(np.argmin(np.where(ok, dt, np.inf))) if ok.any() else int(np.argmin(dist))
                out[i] = choice
                last_t[choice], last_lat[choice], last_lon[choice] = t[i], lat[i], lon[i]
                continue
        out[i] = len(last_t)
        last_t.append(t[i])
        last_lat.append(lat[i])
        last_lon.append(lon[i])
    return out


def segment_summary(tracks: pl.DataFrame) -> pl.DataFrame:
    """One row per segment and UTC day: mmsi, day, first/last time and position, positions.

    Per day, so that summaries (and the findings built on them) do not depend on how a long run
    is cut into partitions.
    """
    return (
        tracks.with_columns((pl.col("t") // 86_400).alias("day"))
        .group_by("segment", "day")
        .agg(
            pl.col("mmsi").first(),
            pl.len().alias("positions"),
            pl.col("t").first().alias("t_first"),
            pl.col("t").last().alias("t_last"),
            pl.col("lat").first().alias("lat_first"),
            pl.col("lon").first().alias("lon_first"),
            pl.col("lat").last().alias("lat_last"),
            pl.col("lon").last().alias("lon_last"),
        )
        .sort("segment", "day")
    )
