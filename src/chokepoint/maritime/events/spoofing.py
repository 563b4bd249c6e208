"""Spoofing and identity anomalies, one ``spoofing`` event per finding (``details.kind``):

* ``duplicate_mmsi``: two long segments of one MMSI active at the same time (two hulls),
  reported per UTC day of overlap;
* ``impossible_speed``: a short segment beside a long one on the same day (a position no hull
  could reach);
* ``invalid_mid``: a ship-station MMSI whose MID is not allocated to any flag;
* ``invalid_imo``: a broadcast IMO number failing its check digit.

MID/flag mismatches need a declared flag from elsewhere (the sanctions lists) and are added by
:mod:`chokepoint.maritime.sanctions`.
"""

from __future__ import annotations

import polars as pl

from chokepoint.maritime.events import empty_events, make_events
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.tracks import segment_summary


def detect_segment_anomalies(tracks: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """``duplicate_mmsi`` and ``impossible_speed`` findings from the segmentation."""
    summary = segment_summary(tracks)
    counts = summary.group_by("mmsi", "day").agg(pl.len().alias("segments"))
    multi = summary.join(counts, on=["mmsi", "day"]).filter(pl.col("segments") > 1)
    if multi.is_empty():
        return empty_events()
    long = multi.filter(pl.col("positions") >= params.spoof_min_segment_positions)
    short = multi.filter(pl.col("positions") < params.spoof_min_segment_positions)
    pairs = long.join(long, on=["mmsi", "day"], suffix="_b").filter(
        (pl.col("segment") < pl.col("segment_b"))
        & (pl.col("t_first") < pl.col("t_last_b"))
        & (pl.col("t_first_b") < pl.col("t_last"))
    )
    dup = (
        pairs.group_by("mmsi", "day")
        .agg(
            pl.max_horizontal("t_first", "t_first_b").min().alias("t_start"),
            pl.min_horizontal("t_last", "t_last_b").max().alias("t_end"),
            pl.col("lat_first_b").sort_by("t_first_b", "segment_b").first().alias("lat"),
            pl.col("lon_first_b").sort_by("t_first_b", "segment_b").first().alias("lon"),
            (pl.col("segment_b").n_unique() + 1).alias("hulls"),
        )
        .with_columns(pl.lit("duplicate_mmsi").alias("kind"), pl.lit(0.85).alias("confidence"))
    )
    jumps = short.select(
        "mmsi",
        pl.col("t_first").alias("t_start"),
        pl.col("t_last").alias("t_end"),
        pl.col("lat_first").alias("lat"),
        pl.col("lon_first").alias("lon"),
        pl.col("positions").alias("hulls"),
        pl.lit("impossible_speed").alias("kind"),
        pl.lit(0.7).alias("confidence"),
        "day",
    ).join(long.select("mmsi", "day").unique(), on=["mmsi", "day"], how="semi")
    found = pl.concat([dup.select(jumps.columns), jumps])
    return make_events(
        found.sort("t_start", "mmsi"),
        "spoofing",
        ["kind", "hulls"],
        {"max_speed_kn": params.segment_max_speed_kn},
    )


def detect_identity_anomalies(history: pl.DataFrame, spans: pl.DataFrame) -> pl.DataFrame:
    """``invalid_mid`` and ``invalid_imo`` findings, one per MMSI (and IMO), placed at the MMSI's
    first position (``spans`` from :func:`~chokepoint.maritime.events.identity_changes.vessel_spans`)."""
    ship = (pl.col("mmsi") >= 200_000_000) & (pl.col("mmsi") < 800_000_000)
    bad_mid = (
        history.filter(ship & pl.col("mid_flag").is_null())
        .group_by("mmsi")
        .agg(
            pl.col("first_seen").min(),
            pl.col("last_seen").max(),
            pl.lit("invalid_mid").alias("kind"),
            pl.lit(None, pl.Int64).alias("claimed_imo"),
        )
    )
    bad_imo = (
        history.filter(pl.col("imo").is_not_null() & ~pl.col("imo_valid"))
        .group_by("mmsi", "imo")
        .agg(pl.col("first_seen").min(), pl.col("last_seen").max(), pl.lit("invalid_imo").alias("kind"))
        .rename({"imo": "claimed_imo"})
        .select(bad_mid.columns)
    )
    first = spans.select("mmsi", pl.col("lat_first").alias("lat"), pl.col("lon_first").alias("lon"))
    found = pl.concat([bad_mid, bad_imo]).join(first, on="mmsi", how="inner")
    found = found.with_columns(
        pl.col("first_seen").dt.epoch("s").alias("t_start"),
        pl.col("last_seen").dt.epoch("s").alias("t_end"),
        pl.lit(0.6).alias("confidence"),
    )
    return make_events(found.sort("t_start", "mmsi"), "spoofing", ["kind", "claimed_imo"])
