"""Port calls at DPRK ports, seen and inferred.

* ``port_call``: a segment stays within ``port_call_radius_km`` of a port for at least
  ``port_call_min_hours`` (runs of consecutive in-port positions).
* ``dark_port_call``: a vessel goes dark within ``dark_call_approach_km`` of a DPRK port with its
  course pointing at the port, and the silence is long enough to sail there at
  ``dark_speed_kn``, stay ``dark_call_min_stay_hours`` and sail to where it reappears. The port
  needing the shortest detour is named; ``other_ports`` lists the others the silence also fits.
"""

from __future__ import annotations

import math

import numpy as np
import polars as pl

from chokepoint.maritime.events import make_events
from chokepoint.maritime.geo import KNOT_MPS, bearing_deg, haversine_m, haversine_np
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.tracks import along, segment_starts

_CONFIDENCE = {"high": 0.9, "medium": 0.8, "low": 0.65}


def nearest_port(tracks: pl.DataFrame, ports: pl.DataFrame) -> pl.DataFrame:
    """``tracks`` with ``port`` and ``port_km`` (nearest port and its distance, km) added."""
    dists = [
        haversine_m(pl.col("lat"), pl.col("lon"), pl.lit(lat), pl.lit(lon)) / 1000
        for lat, lon in ports.select("lat", "lon").iter_rows()
    ]
    names = pl.Series(ports["port"].to_list(), dtype=pl.String)
    nearest = tracks.with_columns(pl.concat_list(dists).alias("_d"))
    return (
        nearest.with_columns(
            pl.col("_d").list.arg_min().alias("_k"), pl.col("_d").list.min().alias("port_km")
        )
        .with_columns(
            pl.col("_k")
            .replace_strict(list(range(len(names))), names.to_list(), return_dtype=pl.String)
            .alias("port")
        )
        .drop("_d", "_k")
    )


def near_any(places: pl.DataFrame, radius_km: float) -> pl.Expr:
    """True for rows inside a lat/lon box around any place that holds its ``radius_km`` circle
    (cheap comparisons that spare the trigonometry for the few rows near a port)."""
    boxes = []
    for lat, lon in places.select("lat", "lon").iter_rows():
        dlat = radius_km / 111.0
        dlon = radius_km / (111.0 * max(0.01, math.cos(math.radians(lat))))
        boxes.append(
            pl.col("lat").is_between(lat - dlat, lat + dlat)
            & pl.col("lon").is_between(lon - dlon, lon + dlon)
        )
    return pl.any_horizontal(boxes) if boxes else pl.lit(False)


def detect_port_calls(tracks: pl.DataFrame, ports: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """Observed port calls (see the module docstring)."""
    if ports.is_empty() or tracks.is_empty():
        return make_events(pl.DataFrame(), "port_call", [])
    box = near_any(ports, params.port_call_radius_km)
    # rows away from every port are left out, so a run also breaks where rows were skipped
    near = nearest_port(tracks.with_row_index("_row").filter(box), ports)
    inside = pl.col("port_km") <= params.port_call_radius_km
    near = near.with_columns(
        (
            segment_starts()
            | (pl.col("_row") != pl.col("_row").shift(1) + 1).fill_null(True)
            | (inside != inside.shift(1)).fill_null(True)
            | (pl.col("port") != pl.col("port").shift(1)).fill_null(True)
        )
        .cum_sum()
        .alias("_run"),
        inside.alias("_in"),
    ).filter(pl.col("_in"))
    calls = near.group_by("_run").agg(
        pl.col("mmsi").first(),
        pl.col("port").first(),
        pl.col("t").min().alias("t_start"),
        pl.col("t").max().alias("t_end"),
        pl.len().alias("positions"),
        pl.col("lat").mean(),
        pl.col("lon").mean(),
    )
    calls = calls.with_columns(((pl.col("t_end") - pl.col("t_start")) / 3600).round(2).alias("hours")).filter(
        pl.col("hours") >= params.port_call_min_hours
    )
    conf = ports.select(
        "port", pl.col("confidence").replace_strict(_CONFIDENCE, default=0.6).alias("confidence")
    )
    calls = calls.join(conf, on="port", how="left")
    return make_events(
        calls.sort("t_start", "mmsi"),
        "port_call",
        ["hours", "positions"],
        {"radius_km": params.port_call_radius_km},
    )


def _other_feasible_ports(detour: np.ndarray, chosen: np.ndarray, names: list[str]) -> list[list[str]]:
    """For each inferred call, the other ports the silence also fits, shortest detour first
    (ports in line on one approach, such as Nampo and Songnim, cannot be told apart)."""
    out = []
    for row, best in zip(detour, chosen, strict=True):
        order = [int(j) for j in np.argsort(row) if np.isfinite(row[j]) and j != best]
        out.append([names[j] for j in order])
    return out


def detect_dark_port_calls(tracks: pl.DataFrame, ports: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """Inferred port calls hidden in AIS gaps (see the module docstring)."""
    if ports.is_empty() or tracks.is_empty():
        return make_events(pl.DataFrame(), "dark_port_call", [])
    speed = params.dark_speed_kn * KNOT_MPS
    min_gap = params.dark_call_min_stay_hours * 3600
    cand = tracks.with_columns(
        along("t", 1).alias("t_next"),
        along("lat", 1).alias("lat_next"),
        along("lon", 1).alias("lon_next"),
        along("lat", -1).alias("lat_prev"),
        along("lon", -1).alias("lon_prev"),
    ).filter((pl.col("t_next") - pl.col("t")) >= min_gap)
    if cand.is_empty():
        return make_events(cand, "dark_port_call", [])
    lat0, lon0 = cand["lat"].to_numpy(), cand["lon"].to_numpy()
    lat1, lon1 = cand["lat_next"].to_numpy(), cand["lon_next"].to_numpy()
    dt = (cand["t_next"] - cand["t"]).to_numpy().astype(np.float64)
    cog = cand["cog"].to_numpy().astype(np.float64)
    prev_lat = cand["lat_prev"].fill_null(np.nan).to_numpy()
    prev_lon = cand["lon_prev"].fill_null(np.nan).to_numpy()
    track_course = bearing_deg(prev_lat, prev_lon, lat0, lon0)
    course = np.where(np.isnan(cog), track_course, cog)
    p_lat, p_lon = ports["lat"].to_numpy()[None, :], ports["lon"].to_numpy()[None, :]
    d_in = haversine_np(lat0[:, None], lon0[:, None], p_lat, p_lon)
    d_out = haversine_np(p_lat, p_lon, lat1[:, None], lon1[:, None])
    slack = dt[:, None] - (d_in + d_out) / speed - min_gap
    to_port = bearing_deg(lat0[:, None], lon0[:, None], p_lat, p_lon)
    off = np.abs((course[:, None] - to_port + 180.0) % 360.0 - 180.0)
    near = d_in <= params.dark_call_approach_km * 1000
    aligned = off <= params.dark_call_max_heading_deg
    ok = near & aligned & (slack >= 0) & (d_in > params.port_call_radius_km * 1000)
    detour = np.where(ok, d_in + d_out, np.inf)
    best = np.argmin(detour, axis=1)
    rows = np.nonzero(np.isfinite(detour[np.arange(len(best)), best]))[0]
    if len(rows) == 0:
        return make_events(pl.DataFrame(), "dark_port_call", [])
    k = best[rows]
    port_conf = ports["confidence"].replace_strict(_CONFIDENCE, default=0.6).to_numpy()
    alignment = 1 - off[rows, k] / params.dark_call_max_heading_deg
    back = d_out[rows, k] <= params.dark_call_approach_km * 1000
    found = pl.DataFrame(
        {
            "mmsi": cand["mmsi"].to_numpy()[rows],
            "t_start": cand["t"].to_numpy()[rows],
            "t_end": cand["t_next"].to_numpy()[rows],
            "lat": ports["lat"].to_numpy()[k],
            "lon": ports["lon"].to_numpy()[k],
            "port": ports["port"].to_numpy()[k],
            "hours": np.round(dt[rows] / 3600, 2),
            "approach_km": np.round(d_in[rows, k] / 1000, 1),
            "reappear_km": np.round(d_out[rows, k] / 1000, 1),
            "heading_offset_deg": np.round(off[rows, k], 1),
            "spare_hours": np.round(slack[rows, k] / 3600, 2),
            "last_lat": lat0[rows],
            "last_lon": lon0[rows],
            "confidence": port_conf[k] * (0.6 + 0.25 * alignment + 0.15 * back),
            "other_ports": _other_feasible_ports(detour[rows], k, ports["port"].to_list()),
        }
    )
    return make_events(
        found.sort("t_start", "mmsi"),
        "dark_port_call",
        [
            "hours",
            "approach_km",
            "reappear_km",
            "heading_offset_deg",
            "spare_hours",
            "last_lat",
            "last_lon",
            "other_ports",
        ],
        {"dark_speed_kn": params.dark_speed_kn, "min_stay_hours": params.dark_call_min_stay_hours},
    )
