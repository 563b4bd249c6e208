"""Vessel identity over time: who each MMSI said it was, and when.

Static reports are forward-filled per MMSI (a type 24 part A names the ship, part B gives the
call sign and hull) and cut into runs wherever the claimed IMO number, name or call sign changes.
Each run carries the flag implied by the MMSI's MID, the hull dimensions and whether its IMO
number passes the check-digit test.
"""

from __future__ import annotations

import polars as pl

from chokepoint.maritime.flags import with_flag
from chokepoint.maritime.imo import imo_valid_expr

IDENTITY_FIELDS = ("imo", "name", "call_sign")
"""The fields whose change starts a new identity run."""


def identity_history(statics: pl.DataFrame) -> pl.DataFrame:
    """One row per (mmsi, identity run): imo, name, call_sign, ship_type, length, width, mid_flag,
    imo_valid, first_seen, last_seen, reports (all times UTC)."""
    filled = statics.filter(pl.col("timestamp").is_not_null()).sort("mmsi", "timestamp")
    carry = ["imo", "name", "call_sign", "ship_type", "length", "width"]
    filled = filled.with_columns(pl.col(carry).forward_fill().over("mmsi"))
    changed = pl.any_horizontal(
        [pl.col(c).ne_missing(pl.col(c).shift(1)).over("mmsi") for c in IDENTITY_FIELDS]
    )
    first = pl.col("mmsi") != pl.col("mmsi").shift(1)
    filled = filled.with_columns((changed | first.fill_null(True)).cum_sum().alias("run"))
    runs = (
        filled.group_by("run")
        .agg(
            pl.col("mmsi").first(),
            pl.col("imo").last(),
            pl.col("name").last(),
            pl.col("call_sign").last(),
            pl.col("ship_type").drop_nulls().last(),
            pl.col("length").drop_nulls().median(),
            pl.col("width").drop_nulls().median(),
            pl.col("draught").drop_nulls().last(),
            pl.col("timestamp").min().alias("first_seen"),
            pl.col("timestamp").max().alias("last_seen"),
            pl.len().alias("reports"),
        )
        .sort("mmsi", "first_seen")
        .drop("run")
    )
    runs = with_flag(runs).with_columns(imo_valid_expr(pl.col("imo")).alias("imo_valid"))
    return runs


def identity_changes(history: pl.DataFrame) -> pl.DataFrame:
    """Consecutive identity runs of one MMSI that differ: mmsi, timestamp of the change, and the
    old and new imo/name/call_sign."""
    ordered = history.sort("mmsi", "first_seen")
    prev = {c: pl.col(c).shift(1).over("mmsi").alias(f"old_{c}") for c in IDENTITY_FIELDS}
    return (
        ordered.with_columns(*prev.values())
        .filter(pl.col("mmsi") == pl.col("mmsi").shift(1))
        .filter(
            pl.any_horizontal(
                [
                    pl.col(f"old_{c}").is_not_null()
                    & pl.col(c).is_not_null()
                    & (pl.col(f"old_{c}") != pl.col(c))
                    for c in IDENTITY_FIELDS
                ]
            )
        )
        .select(
            "mmsi",
            pl.col("first_seen").alias("timestamp"),
            *[pl.col(f"old_{c}") for c in IDENTITY_FIELDS],
            *[pl.col(c).alias(f"new_{c}") for c in IDENTITY_FIELDS],
        )
    )
