"""Tracks: positions sorted per MMSI and split into kinematically plausible segments.

Two hulls broadcasting one MMSI (or a spoofer borrowing it) produce positions that no single
ship could join: the implied speed between them exceeds :data:`SEGMENT_MAX_SPEED_KN`. Segments
are built the way GFW's gpsdio-segment does it: each position joins the open segment it can be
reached from at a plausible speed (the most recently heard one), otherwise it opens a new one.

Only MMSIs with at least one implausible step need that sequential pass; the rest (almost all
traffic) get segment 0 from one vectorised pass. ``segment`` ids are ``mmsi * 100 + k``.
"""

from __future__ import annotations

import math

import numpy as np
import polars as pl

from chokepoint.maritime.geo import EARTH_RADIUS_M, KNOT_MPS, haversine_m
from chokepoint.maritime.params import EventParams

_MAX_OPEN_SEGMENTS = 50


def prepare(positions: pl.DataFrame) -> pl.DataFrame:
    """Timed positions sorted by (mmsi, timestamp), repeated reports dropped, ``t`` in epoch seconds.

    A repeated report is one with the same MMSI, time and position as the row before it (the same
    message heard by two receivers).
    """
    ordered = _by_vessel_and_time(positions.filter(pl.col("timestamp").is_not_null()))
    repeated = (
        (pl.col("mmsi") == pl.col("mmsi").shift(1))
        & (pl.col("timestamp") == pl.col("timestamp").shift(1))
        & (pl.col("lat") == pl.col("lat").shift(1))
        & (pl.col("lon") == pl.col("lon").shift(1))
    ).fill_null(False)
    return ordered.filter(~repeated).with_columns(
        (pl.col("timestamp").dt.epoch("us") // 1_000_000).alias("t")
    )


_KEY_TIME_BITS = 33
"""Milliseconds since the earliest report fit in 33 bits for 99 days; MMSIs (< 2**30) in the rest."""


def _by_vessel_and_time(frame: pl.DataFrame) -> pl.DataFrame:
    """Sorted by (mmsi, timestamp at millisecond resolution), ties in input order.

    One Int64 key sorts about twice as fast as two columns; data spanning more than 99 days, or
    odd MMSIs, take the two-column sort.
    """
    ms = pl.col("timestamp").dt.epoch("ms")
    bounds = frame.select(
        (ms.max() - ms.min()).alias("span"),
        pl.col("mmsi").min().alias("lo"),
        pl.col("mmsi").max().alias("hi"),
    )
    span, lo, hi = bounds.row(0)
    if span is None or span >= 1 << _KEY_TIME_BITS or lo < 0 or hi >= 1 << (63 - _KEY_TIME_BITS):
        return frame.sort("mmsi", "timestamp", maintain_order=True)
    key = pl.col("mmsi") * (1 << _KEY_TIME_BITS) + (ms - ms.min())
    return frame.with_columns(key.alias("_key")).sort("_key", maintain_order=True).drop("_key")


def _jumping_mmsis(tracks: pl.DataFrame, params: EventParams) -> pl.Series:
    """MMSIs with a step no single hull could make (``tracks`` sorted by mmsi, t).

    A jump must exceed the noise distance, so steps moving less than that in both latitude and
    longitude degrees are ruled out cheaply before any trigonometry.
    """
    noise_deg = params.segment_noise_m / (EARTH_RADIUS_M * math.pi / 180)
    steps = tracks.select(
        "mmsi",
        "lat",
        "lon",
        (pl.col("t") - pl.col("t").shift(1)).alias("dt"),
        pl.col("lat").shift(1).alias("lat0"),
        pl.col("lon").shift(1).alias("lon0"),
        (pl.col("mmsi") == pl.col("mmsi").shift(1)).alias("same"),
    )
    moved = steps.filter(
        pl.col("same")
        & (
            ((pl.col("lat") - pl.col("lat0")).abs() > noise_deg)
            | ((pl.col("lon") - pl.col("lon0")).abs() > noise_deg)
        )
    )
    dist = haversine_m(pl.col("lat0"), pl.col("lon0"), pl.col("lat"), pl.col("lon"))
    fast = (dist > params.segment_max_speed_kn * KNOT_MPS * pl.col("dt").clip(lower_bound=1)) & (
        dist > params.segment_noise_m
    )
    return moved.filter(fast)["mmsi"].unique()


def segment(positions: pl.DataFrame, params: EventParams | None = None) -> pl.DataFrame:
    """Prepared positions with a ``segment`` column (Int64); see the module docstring.

    Each segment's reports are contiguous and in time order (uncontested MMSIs first, then the
    segments of contested ones), so detectors can look along a track with :func:`along`.
    """
    params = params or EventParams()
    tracks = prepare(positions)
    jumped = _jumping_mmsis(tracks, params)
    plain_segment = (pl.col("mmsi") * 100).alias("segment")
    if jumped.is_empty():
        return tracks.with_columns(plain_segment)
    contested = pl.col("mmsi").is_in(jumped.implode())
    hard = tracks.filter(contested)
    k = _assign_segments(
        hard["mmsi"].to_numpy(),
        hard["t"].to_numpy().astype(np.float64),
        hard["lat"].to_numpy(),
        hard["lon"].to_numpy(),
        params,
    )
    hard = hard.with_columns((pl.col("mmsi") * 100 + pl.Series(k)).alias("segment")).sort("segment", "t")
    return pl.concat([tracks.filter(~contested).with_columns(plain_segment), hard])


def along(column: str, step: int) -> pl.Expr:
    """``column`` of the report ``step`` rows later (``-1``: the one before) in the same segment,
    null at a segment's ends. Needs frames ordered as :func:`segment` returns them."""
    same = pl.col("segment").shift(-step) == pl.col("segment")
    return pl.when(same).then(pl.col(column).shift(-step))


def segment_starts() -> pl.Expr:
    """True on the first report of each segment (frames ordered as :func:`segment` returns them)."""
    return (pl.col("segment") != pl.col("segment").shift(1)).fill_null(True)


def _assign_segments(
    mmsi: np.ndarray, t: np.ndarray, lat: np.ndarray, lon: np.ndarray, params: EventParams
) -> np.ndarray:
    """Greedy gpsdio-style assignment for the positions of contested MMSIs (sorted by mmsi, t).

    Plain Python over plain floats: only contested MMSIs come here and each has few open
    segments, where numpy's per-call overhead would dominate.
    """
    out = np.zeros(len(t), dtype=np.int64)
    max_mps = params.segment_max_speed_kn * KNOT_MPS
    noise = params.segment_noise_m
    open_segments: list[list[float]] = []  # [t, lat, lon] of each segment's last position
    current = -1
    for i, (m, ti, la, lo) in enumerate(
        zip(mmsi.tolist(), t.tolist(), lat.tolist(), lon.tolist(), strict=True)
    ):
        if m != current:
            current, open_segments = m, []
        best, best_dt, nearest, nearest_d = -1, math.inf, 0, math.inf
        for k, (tk, lak, lok) in enumerate(open_segments):
            d = _haversine(lak, lok, la, lo)
            dt = max(ti - tk, 1.0)
            if (d <= max_mps * dt or d <= noise) and dt < best_dt:
                best, best_dt = k, dt
            if d < nearest_d:
                nearest, nearest_d = k, d
        if best < 0 and len(open_segments) >= _MAX_OPEN_SEGMENTS:
            best = nearest
        if best < 0:
            best = len(open_segments)
            open_segments.append([ti, la, lo])
        else:
            # the hull heard most recently that could have got here is the one continuing
            open_segments[best] = [ti, la, lo]
        out[i] = best
    return out


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(1.0, a)))


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
