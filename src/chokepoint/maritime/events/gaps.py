"""AIS gaps (dark periods): consecutive positions of one segment too far apart in time.

The global rule is GFW's (Welch et al. 2022): at least 12 h, starting and ending more than 50 nm
from shore. Regions (``zones.Region``) replace it with tighter rules where DPRK trade hides: the
shortest threshold of any region holding the start or the end applies, and inside a region the
shore condition is the region's (0 nm: gaps by the DPRK coast are what we look for).

Shore distance needs a coastline raster that Chokepoint does not ship. When positions carry a
``shore_nm`` column (the caller's lookup) the shore rule is applied; otherwise it is reported as
not applied, and gaps that start and end at the same known port are dropped instead (a ship
alongside with AIS off is not hiding).
"""

from __future__ import annotations

import polars as pl

from chokepoint.maritime.events import make_events
from chokepoint.maritime.events.encounters import min_distance_km
from chokepoint.maritime.geo import METRES_PER_NM, haversine_m
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.tracks import along


def gap_candidates(tracks: pl.DataFrame, min_hours: float) -> pl.DataFrame:
    """Consecutive positions of a segment at least ``min_hours`` apart, with both ends and last course."""
    has_shore = "shore_nm" in tracks.columns
    nxt = tracks.with_columns(
        along("t", 1).alias("t_next"),
        along("lat", 1).alias("lat_next"),
        along("lon", 1).alias("lon_next"),
        along("sog", 1).alias("sog_next"),
        along("cog", 1).alias("cog_next"),
        along("lat", -1).alias("lat_prev"),
        along("lon", -1).alias("lon_prev"),
        (along("shore_nm", 1) if has_shore else pl.lit(None, pl.Float64)).alias("shore_next"),
        (pl.col("shore_nm") if has_shore else pl.lit(None, pl.Float64)).alias("shore"),
    )
    gaps = nxt.filter((pl.col("t_next") - pl.col("t")) >= min_hours * 3600)
    return gaps.select(
        "mmsi",
        "segment",
        pl.col("t").alias("t_start"),
        pl.col("t_next").alias("t_end"),
        "lat",
        "lon",
        "lat_next",
        "lon_next",
        "lat_prev",
        "lon_prev",
        "sog",
        "cog",
        "sog_next",
        "cog_next",
        "shore",
        "shore_next",
    ).with_columns(
        ((pl.col("t_end") - pl.col("t_start")) / 3600).round(2).alias("hours"),
        (haversine_m(pl.col("lat"), pl.col("lon"), pl.col("lat_next"), pl.col("lon_next")) / METRES_PER_NM)
        .round(1)
        .alias("distance_nm"),
    )


def _rule(params: EventParams) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """Threshold hours, shore nm and region name for each candidate (shortest rule of start and end)."""
    hours = pl.lit(params.gap_min_hours)
    shore = pl.lit(params.gap_min_shore_nm)
    name = pl.lit(None, pl.String)
    for region in sorted(params.regions, key=lambda r: -r.gap_min_hours):
        inside = region.contains(pl.col("lat"), pl.col("lon")) | region.contains(
            pl.col("lat_next"), pl.col("lon_next")
        )
        better = inside & (pl.lit(region.gap_min_hours) <= hours)
        hours = pl.when(better).then(pl.lit(region.gap_min_hours)).otherwise(hours)
        shore = pl.when(better).then(pl.lit(region.gap_min_shore_nm)).otherwise(shore)
        name = pl.when(better).then(pl.lit(region.name)).otherwise(name)
    return hours, shore, name


def detect_gaps(tracks: pl.DataFrame, ports: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """Gap events under the global and regional rules (see the module docstring)."""
    floor = min([params.gap_min_hours, *[r.gap_min_hours for r in params.regions]])
    gaps = gap_candidates(tracks, floor)
    if gaps.is_empty():
        return make_events(gaps, "gap", [])
    hours, shore, name = _rule(params)
    gaps = gaps.with_columns(
        hours.alias("threshold_hours"), shore.alias("min_shore_nm"), name.alias("region")
    )
    gaps = gaps.filter(pl.col("hours") >= pl.col("threshold_hours"))
    shore_known = pl.col("shore").is_not_null() & pl.col("shore_next").is_not_null()
    gaps = gaps.filter(
        ~shore_known
        | ((pl.col("shore") > pl.col("min_shore_nm")) & (pl.col("shore_next") > pl.col("min_shore_nm")))
    ).with_columns(shore_known.alias("shore_rule_applied"))
    at_port = (min_distance_km(pl.col("lat"), pl.col("lon"), ports) <= params.port_call_radius_km) & (
        pl.col("distance_nm") < 1.0
    )
    gaps = gaps.filter(~at_port)
    implied = (pl.col("distance_nm") / pl.col("hours")).round(2)
    gaps = gaps.with_columns(
        implied.alias("implied_speed_kn"),
        (
            0.5
            + 0.4 * ((pl.col("hours") / pl.col("threshold_hours") - 1) / 3).clip(0, 1)
            + 0.1 * pl.col("region").is_not_null().cast(pl.Float64)
        ).alias("confidence"),
    )
    return make_events(
        gaps.sort("t_start", "mmsi"),
        "gap",
        [
            "hours",
            "distance_nm",
            "implied_speed_kn",
            "region",
            "threshold_hours",
            "shore_rule_applied",
            "lat_next",
            "lon_next",
        ],
    )
