"""Great-circle geometry in metres, as Polars expressions and numpy functions (WGS84 sphere)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

EARTH_RADIUS_M = 6_371_008.8
"""Mean Earth radius (IUGG), metres."""
METRES_PER_NM = 1852.0
"""One international nautical mile, metres."""
KNOT_MPS = METRES_PER_NM / 3600.0
"""One knot, metres per second."""

Floats = npt.NDArray[np.float64]


def haversine_m(lat1: pl.Expr, lon1: pl.Expr, lat2: pl.Expr, lon2: pl.Expr) -> pl.Expr:
    """Great-circle distance in metres between two points given in degrees."""
    p1, p2 = lat1.radians(), lat2.radians()
    dphi = p2 - p1
    dlmb = (lon2 - lon1).radians()
    a = (dphi / 2).sin().pow(2) + p1.cos() * p2.cos() * (dlmb / 2).sin().pow(2)
    return 2 * EARTH_RADIUS_M * a.sqrt().clip(upper_bound=1.0).arcsin()


def haversine_np(lat1: Floats, lon1: Floats, lat2: Floats, lon2: Floats) -> Floats:
    """:func:`haversine_m` for numpy arrays (broadcasting)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    result: Floats = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return result


def bearing_deg(lat1: Floats, lon1: Floats, lat2: Floats, lon2: Floats) -> Floats:
    """Initial great-circle bearing from point 1 to point 2, degrees true in [0, 360)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dl = np.radians(lon2 - lon1)
    y = np.sin(dl) * np.cos(p2)
    x = np.cos(p1) * np.sin(p2) - np.sin(p1) * np.cos(p2) * np.cos(dl)
    result: Floats = (np.degrees(np.arctan2(y, x)) + 360.0) % 360.0
    return result
