"""The positions behind each event: every report of the vessels involved from the event's start
to its end (for a gap: the last position before and the first after), ``EVIDENCE_MARGIN`` either
side."""

from __future__ import annotations

from datetime import timedelta

import polars as pl

EVIDENCE_MARGIN = timedelta(minutes=10)


def event_evidence(events: pl.DataFrame, positions: pl.DataFrame) -> pl.DataFrame:
    """``event_id, mmsi, timestamp, lat, lon, sog, cog`` for every event and vessel involved."""
    involved = pl.concat(
        [
            events.select("event_id", "mmsi", "start", "end"),
            events.filter(pl.col("other_mmsi").is_not_null()).select(
                "event_id", pl.col("other_mmsi").alias("mmsi"), "start", "end"
            ),
        ]
    )
    pos = positions.select("mmsi", "timestamp", "lat", "lon", "sog", "cog")
    joined = involved.join(pos, on="mmsi", how="inner").filter(
        pl.col("timestamp").is_between(pl.col("start") - EVIDENCE_MARGIN, pl.col("end") + EVIDENCE_MARGIN)
    )
    return joined.select("event_id", "mmsi", "timestamp", "lat", "lon", "sog", "cog").sort(
        "event_id", "mmsi", "timestamp"
    )
