"""Event detectors: one module per event type, each a pure function over Polars frames.

Every detector returns frames of :data:`EVENT_SCHEMA`; ``details`` is a JSON object with the
detector's measurements and parameters, so each event carries its own evidence.
"""

from __future__ import annotations

from typing import Any

import polars as pl

EVENT_TYPES = (
    "encounter",
    "gap",
    "dark_rendezvous",
    "loitering",
    "port_call",
    "dark_port_call",
    "spoofing",
    "identity_change",
)

EVENT_SCHEMA: dict[str, pl.DataType] = {
    "event_id": pl.String(),
    "type": pl.String(),
    "start": pl.Datetime("us", "UTC"),
    "end": pl.Datetime("us", "UTC"),
    "lat": pl.Float64(),
    "lon": pl.Float64(),
    "mmsi": pl.Int64(),
    "other_mmsi": pl.Int64(),
    "imo": pl.Int64(),
    "other_imo": pl.Int64(),
    "port": pl.String(),
    "confidence": pl.Float64(),
    "details": pl.String(),
}
"""The columns of every event frame (and of ``chokepoint maritime events`` CSV output)."""


def empty_events() -> pl.DataFrame:
    return pl.DataFrame(schema=EVENT_SCHEMA)


def _epoch_to_time(column: str) -> pl.Expr:
    return pl.from_epoch(pl.col(column), time_unit="s").dt.replace_time_zone("UTC")


def make_events(
    frame: pl.DataFrame, kind: str, details: list[str], extra: dict[str, Any] | None = None
) -> pl.DataFrame:
    """Shape a detector's rows into :data:`EVENT_SCHEMA`.

    ``frame`` has ``t_start``/``t_end`` (epoch seconds), ``lat``, ``lon``, ``mmsi``, ``confidence``
    and optionally ``other_mmsi`` and ``port``; ``details`` names the columns that go into the
    JSON details, ``extra`` adds constant details (the parameters used).
    """
    if frame.is_empty():
        return empty_events()
    cols = set(frame.columns)
    detail_exprs = [pl.col(c) for c in details] + [pl.lit(v).alias(k) for k, v in (extra or {}).items()]
    other = pl.col("other_mmsi") if "other_mmsi" in cols else pl.lit(None, pl.Int64)
    out = frame.select(
        pl.concat_str(
            [
                pl.lit(kind),
                pl.col("mmsi").cast(pl.String),
                other.cast(pl.String).fill_null(""),
                pl.col("t_start").cast(pl.String),
            ],
            separator="-",
        ).alias("event_id"),
        pl.lit(kind).alias("type"),
        _epoch_to_time("t_start").alias("start"),
        _epoch_to_time("t_end").alias("end"),
        pl.col("lat").cast(pl.Float64).round(5),
        pl.col("lon").cast(pl.Float64).round(5),
        pl.col("mmsi").cast(pl.Int64),
        other.cast(pl.Int64).alias("other_mmsi"),
        pl.lit(None, pl.Int64).alias("imo"),
        pl.lit(None, pl.Int64).alias("other_imo"),
        (pl.col("port") if "port" in cols else pl.lit(None, pl.String)).alias("port"),
        pl.col("confidence").cast(pl.Float64).clip(0.0, 1.0).round(3),
        pl.struct(detail_exprs).struct.json_encode().alias("details"),
    )
    return out.select(pl.col(c).cast(t) for c, t in EVENT_SCHEMA.items())
