"""Identity changes: an MMSI that starts calling itself something else, and a hull that takes
up a new MMSI.

* ``same_mmsi``: consecutive identity runs of one MMSI with a different IMO number, name or call
  sign (RYE SONG GANG 1 repainted as SONG HAE keeps its transponder but not its name);
* ``mmsi_handover``: one MMSI falls silent and, within ``handover_max_hours``, a never-seen MMSI
  starts transmitting where the first could have sailed at ``dark_speed_kn``, with the same hull
  length and beam (within ``handover_max_dim_diff``). Tracks that begin or end at the edges of
  the data window, or last less than an hour, are not candidates.
"""

from __future__ import annotations

import polars as pl

from chokepoint.maritime.events import make_events
from chokepoint.maritime.geo import KNOT_MPS, haversine_m
from chokepoint.maritime.identity import identity_changes
from chokepoint.maritime.params import EventParams

_EDGE_SECONDS = 3600
_MIN_TRACK_SECONDS = 3600
"""Both MMSIs must have been tracked for an hour: single sightings (snapshots) are not tracks."""


def detect_renames(history: pl.DataFrame, tracks: pl.DataFrame) -> pl.DataFrame:
    """``same_mmsi`` identity changes, placed at the vessel's position at the change (as-of join)."""
    changes = identity_changes(history)
    if changes.is_empty():
        return make_events(changes, "identity_change", [])
    changes = changes.with_columns(pl.col("timestamp").dt.epoch("s").alias("t")).sort("t")
    where = tracks.select("mmsi", "t", "lat", "lon").sort("t")
    placed = changes.join_asof(where, on="t", by="mmsi", strategy="nearest", check_sortedness=False).filter(
        pl.col("lat").is_not_null()
    )
    fields = ["imo", "name", "call_sign"]
    changed = pl.concat_list(
        [pl.when(pl.col(f"old_{f}").ne_missing(pl.col(f"new_{f}"))).then(pl.lit(f)) for f in fields]
    ).list.drop_nulls()
    placed = placed.with_columns(
        pl.col("t").alias("t_start"),
        pl.col("t").alias("t_end"),
        changed.alias("changed"),
        pl.lit("same_mmsi").alias("kind"),
        (
            0.6
            + 0.2
            * (pl.col("old_imo").ne_missing(pl.col("new_imo")) & pl.col("new_imo").is_not_null()).cast(
                pl.Float64
            )
        ).alias("confidence"),
    )
    return make_events(
        placed.sort("t_start", "mmsi"),
        "identity_change",
        ["kind", "changed", *[f"old_{f}" for f in fields], *[f"new_{f}" for f in fields]],
    )


def vessel_spans(tracks: pl.DataFrame) -> pl.DataFrame:
    """Per MMSI: first and last time and position (combinable across partitions by min/max)."""
    return tracks.group_by("mmsi").agg(
        pl.col("t").min().alias("t_first"),
        pl.col("t").max().alias("t_last"),
        pl.col("lat").sort_by("t").first().alias("lat_first"),
        pl.col("lon").sort_by("t").first().alias("lon_first"),
        pl.col("lat").sort_by("t").last().alias("lat_last"),
        pl.col("lon").sort_by("t").last().alias("lon_last"),
    )


def merge_spans(spans: pl.DataFrame) -> pl.DataFrame:
    """Combine per-partition :func:`vessel_spans` into one row per MMSI."""
    return spans.group_by("mmsi").agg(
        pl.col("t_first").min(),
        pl.col("t_last").max(),
        pl.col("lat_first").sort_by("t_first").first(),
        pl.col("lon_first").sort_by("t_first").first(),
        pl.col("lat_last").sort_by("t_last").last(),
        pl.col("lon_last").sort_by("t_last").last(),
    )


def detect_handovers(spans: pl.DataFrame, history: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """``mmsi_handover`` identity changes between vessels (see the module docstring)."""
    if spans.height < 2:
        return make_events(pl.DataFrame(), "identity_change", [])
    window_start, window_end = spans["t_first"].min(), spans["t_last"].max()
    dims = history.group_by("mmsi").agg(
        pl.col("length").drop_nulls().median(), pl.col("width").drop_nulls().median()
    )
    s = spans.join(dims, on="mmsi", how="left")
    tracked = (pl.col("t_last") - pl.col("t_first")) >= _MIN_TRACK_SECONDS
    ended = s.filter(tracked & (pl.col("t_last") < pl.lit(window_end) - _EDGE_SECONDS))
    began = s.filter(tracked & (pl.col("t_first") > pl.lit(window_start) + _EDGE_SECONDS))
    pairs = ended.join_where(
        began,
        pl.col("t_last") < pl.col("t_first_right"),
        pl.col("t_first_right") - pl.col("t_last") <= params.handover_max_hours * 3600,
        pl.col("mmsi") != pl.col("mmsi_right"),
    )
    dist = haversine_m(
        pl.col("lat_last"), pl.col("lon_last"), pl.col("lat_first_right"), pl.col("lon_first_right")
    )
    dt = pl.col("t_first_right") - pl.col("t_last")
    same_dim = (
        (pl.col("length") - pl.col("length_right")).abs() <= params.handover_max_dim_diff * pl.col("length")
    ) & ((pl.col("width") - pl.col("width_right")).abs() <= params.handover_max_dim_diff * pl.col("width"))
    pairs = pairs.with_columns(dist.alias("dist_m"), dt.alias("dt"), same_dim.alias("same_hull")).filter(
        (pl.col("dist_m") <= params.dark_speed_kn * KNOT_MPS * pl.col("dt") + 5000)
        & pl.col("same_hull")
        & (pl.col("t_first") < pl.col("t_first_right"))
    )
    # each vanished MMSI and each new MMSI takes part in at most one handover: the closest in time
    pairs = (
        pairs.sort("dt")
        .unique(subset=["mmsi"], keep="first", maintain_order=True)
        .unique(subset=["mmsi_right"], keep="first", maintain_order=True)
    )
    found = pairs.select(
        "mmsi",
        pl.col("mmsi_right").alias("other_mmsi"),
        pl.col("t_last").alias("t_start"),
        pl.col("t_first_right").alias("t_end"),
        pl.col("lat_first_right").alias("lat"),
        pl.col("lon_first_right").alias("lon"),
        (pl.col("dt") / 3600).round(2).alias("silent_hours"),
        (pl.col("dist_m") / 1000).round(1).alias("distance_km"),
        pl.col("length"),
        pl.col("width"),
        pl.lit("mmsi_handover").alias("kind"),
        (0.6 + 0.3 * (1 - pl.col("dt") / (params.handover_max_hours * 3600))).alias("confidence"),
    )
    return make_events(
        found.sort("t_start", "mmsi"),
        "identity_change",
        ["kind", "silent_hours", "distance_km", "length", "width"],
    )
