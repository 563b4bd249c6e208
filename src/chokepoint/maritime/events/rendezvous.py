"""Dark rendezvous: two vessels whose AIS gaps overlap and whose space-time prisms meet.

While dark between its last position ``p0`` (time ``t0``) and its next ``p1`` (``t1``), a vessel at
most ``v`` fast can be at ``x`` from ``t0 + |p0 x| / v`` (earliest arrival) until
``t1 - |x p1| / v`` (latest departure): the space-time prism (Hägerstrand 1970; Miller 1991,
"Modelling accessibility using space-time prism concepts within GIS"). Two vessels can have met
for ``d`` hours at ``x`` when both windows overlap by ``d``. The search evaluates a grid over the
intersection of both prisms' bounding boxes (local equirectangular plane) and keeps the point
with the longest shared window; a rendezvous needs ``rendezvous_min_hours``.

Long silences make large prisms, and large prisms meet many others, so two rules keep the
detector specific: a gap whose silence is already explained by an inferred DPRK port call is
not used, and each gap takes part in at most one rendezvous (its partner with the longest
shared window, assigned greedily from the longest window down).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from chokepoint.maritime.events import make_events
from chokepoint.maritime.geo import EARTH_RADIUS_M, KNOT_MPS
from chokepoint.maritime.params import EventParams

_GRID = 25


def _one_partner_each(rows: list[dict[str, object]]) -> pl.DataFrame:
    """Greedy assignment: longest shared window first, each gap used once."""
    used: set[object] = set()
    kept = []
    for row in sorted(rows, key=lambda r: (-float(r["shared_hours"]), str(r["_a"]), str(r["_b"]))):  # type: ignore[arg-type]
        if row["_a"] in used or row["_b"] in used:
            continue
        used.update((row["_a"], row["_b"]))
        kept.append({k: v for k, v in row.items() if not k.startswith("_")})
    return pl.DataFrame(kept) if kept else pl.DataFrame()


def _local_xy(lat: np.ndarray, lon: np.ndarray, lat0: float, lon0: float) -> tuple[np.ndarray, np.ndarray]:
    x = np.radians(lon - lon0) * EARTH_RADIUS_M * np.cos(np.radians(lat0))
    y = np.radians(lat - lat0) * EARTH_RADIUS_M
    return x, y


def best_meeting(
    a: dict[str, float], b: dict[str, float], speed_mps: float
) -> tuple[float, float, float, float, float]:
    """(shared hours, lat, lon, t_from, t_to) of the best meeting point of gaps ``a`` and ``b``."""
    lat0 = (a["lat"] + a["lat_next"] + b["lat"] + b["lat_next"]) / 4
    lon0 = (a["lon"] + a["lon_next"] + b["lon"] + b["lon_next"]) / 4
    boxes = []
    for g in (a, b):
        reach = speed_mps * (g["t_end"] - g["t_start"]) / 2
        x, y = _local_xy(np.array([g["lat"], g["lat_next"]]), np.array([g["lon"], g["lon_next"]]), lat0, lon0)
        boxes.append((x.mean() - reach, x.mean() + reach, y.mean() - reach, y.mean() + reach))
    x_lo, x_hi = max(boxes[0][0], boxes[1][0]), min(boxes[0][1], boxes[1][1])
    y_lo, y_hi = max(boxes[0][2], boxes[1][2]), min(boxes[0][3], boxes[1][3])
    if x_lo > x_hi or y_lo > y_hi:
        return 0.0, 0.0, 0.0, 0.0, 0.0
    gx, gy = np.meshgrid(np.linspace(x_lo, x_hi, _GRID), np.linspace(y_lo, y_hi, _GRID))
    arrive, leave = [], []
    for g in (a, b):
        x, y = _local_xy(np.array([g["lat"], g["lat_next"]]), np.array([g["lon"], g["lon_next"]]), lat0, lon0)
        d0 = np.hypot(gx - x[0], gy - y[0])
        d1 = np.hypot(gx - x[1], gy - y[1])
        arrive.append(g["t_start"] + d0 / speed_mps)
        leave.append(g["t_end"] - d1 / speed_mps)
    t_from = np.maximum(arrive[0], arrive[1])
    t_to = np.minimum(leave[0], leave[1])
    window = t_to - t_from
    k = int(np.argmax(window))
    best = float(window.flat[k])
    lat = lat0 + np.degrees(gy.flat[k] / EARTH_RADIUS_M)
    lon = lon0 + np.degrees(gx.flat[k] / (EARTH_RADIUS_M * np.cos(np.radians(lat0))))
    return best / 3600.0, float(lat), float(lon), float(t_from.flat[k]), float(t_to.flat[k])


def _could_meet(speed_mps: float, min_hours: float) -> pl.Expr:
    """Vectorised necessary conditions: the gaps overlap by ``min_hours`` and the prisms' bounding
    boxes (centre of the two ends, half the reachable distance, in degrees) intersect."""
    overlap = pl.min_horizontal("t_end", "t_end_right") - pl.max_horizontal("t_start", "t_start_right")
    metres_per_degree = EARTH_RADIUS_M * np.pi / 180

    def half_reach(suffix: str) -> pl.Expr:
        return speed_mps * (pl.col(f"t_end{suffix}") - pl.col(f"t_start{suffix}")) / 2 / metres_per_degree

    def centre(axis: str, suffix: str) -> pl.Expr:
        return (pl.col(f"{axis}{suffix}") + pl.col(f"{axis}_next{suffix}")) / 2

    reach = half_reach("") + half_reach("_right")
    cos_lat = (centre("lat", "").radians().cos()).clip(lower_bound=0.01)
    return (
        (overlap >= min_hours * 3600)
        & ((centre("lat", "") - centre("lat", "_right")).abs() <= reach)
        & ((centre("lon", "") - centre("lon", "_right")).abs() * cos_lat <= reach * 1.01)
    )


def detect_rendezvous(
    gaps: pl.DataFrame, params: EventParams, explained: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Dark rendezvous between ``gap`` events, leaving out gaps overlapping an ``explained`` event
    (``dark_port_call``) of the same vessel."""
    if explained is not None and explained.height:
        overlap = gaps.join(
            explained.select("mmsi", pl.col("start").alias("x_start"), pl.col("end").alias("x_end")),
            on="mmsi",
        )
        covered = overlap.filter((pl.col("start") < pl.col("x_end")) & (pl.col("x_start") < pl.col("end")))
        gaps = gaps.join(covered.select("event_id"), on="event_id", how="anti")
    if gaps.height < 2:
        return make_events(pl.DataFrame(), "dark_rendezvous", [])
    g = gaps.select(
        "event_id",
        "mmsi",
        pl.col("start").dt.epoch("s").alias("t_start"),
        pl.col("end").dt.epoch("s").alias("t_end"),
        "lat",
        "lon",
        pl.col("details").str.json_path_match("$.lat_next").cast(pl.Float64).alias("lat_next"),
        pl.col("details").str.json_path_match("$.lon_next").cast(pl.Float64).alias("lon_next"),
    ).with_row_index("i")
    pairs = g.join_where(
        g,
        pl.col("i") < pl.col("i_right"),
        pl.col("mmsi") != pl.col("mmsi_right"),
        pl.col("t_start") < pl.col("t_end_right"),
        pl.col("t_start_right") < pl.col("t_end"),
    )
    speed = params.dark_speed_kn * KNOT_MPS
    pairs = pairs.filter(_could_meet(speed, params.rendezvous_min_hours))
    rows = []
    keys = ["t_start", "t_end", "lat", "lon", "lat_next", "lon_next"]
    for r in pairs.iter_rows(named=True):
        a = {k: float(r[k]) for k in keys}
        b = {k: float(r[f"{k}_right"]) for k in keys}
        hours, lat, lon, t_from, t_to = best_meeting(a, b, speed)
        if hours >= params.rendezvous_min_hours:
            overlap_h = (min(a["t_end"], b["t_end"]) - max(a["t_start"], b["t_start"])) / 3600
            first, second = sorted((int(r["mmsi"]), int(r["mmsi_right"])))
            rows.append(
                {
                    "_a": r["event_id"],
                    "_b": r["event_id_right"],
                    "mmsi": first,
                    "other_mmsi": second,
                    "t_start": int(t_from),
                    "t_end": int(t_to),
                    "lat": lat,
                    "lon": lon,
                    "shared_hours": round(hours, 2),
                    "overlap_hours": round(overlap_h, 2),
                    "confidence": 0.4 + 0.4 * min(1.0, hours / (3 * params.rendezvous_min_hours)),
                }
            )
    return make_events(
        _one_partner_each(rows),
        "dark_rendezvous",
        ["shared_hours", "overlap_hours"],
        {"dark_speed_kn": params.dark_speed_kn, "min_hours": params.rendezvous_min_hours},
    )
