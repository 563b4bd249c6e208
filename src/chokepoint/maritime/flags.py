"""Flag states from MMSI numbers: the ITU Maritime Identification Digits (MID) table.

The table is data (``data/mid.csv``: mid, ISO 3166 alpha-2 code, name), transcribed from ITU-R
M.585 / the ITU MARS MID list. A ship station MMSI is ``MIDxxxxxx``; other forms (coast stations
``00MID…``, group ``0MID…``, SAR aircraft ``111MID…``, AtoN ``99MID…``, craft associated with a
parent ship ``98MID…``) carry their MID further in. Non-ship MMSIs have no flag of their own.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import polars as pl


@cache
def mid_table() -> pl.DataFrame:
    """The MID table: ``mid`` (Int32), ``flag`` (lower-case ISO alpha-2, FtM style) and ``country``."""
    text = resources.files("chokepoint.maritime").joinpath("data/mid.csv").read_bytes()
    table = pl.read_csv(text, schema={"mid": pl.Int32(), "iso2": pl.String(), "country": pl.String()})
    return table.select("mid", pl.col("iso2").str.to_lowercase().alias("flag"), "country")


def mid_of(mmsi: pl.Expr) -> pl.Expr:
    """The MID of a ship station MMSI (nine digits, first digit 2–7), else null."""
    is_ship = (mmsi >= 200_000_000) & (mmsi < 800_000_000)
    return pl.when(is_ship).then((mmsi // 1_000_000).cast(pl.Int32))


def with_flag(frame: pl.DataFrame, mmsi_column: str = "mmsi") -> pl.DataFrame:
    """``frame`` with ``mid_flag`` (lower-case ISO code, null when the MID is unallocated) added."""
    table = mid_table().select("mid", pl.col("flag").alias("mid_flag"))
    mids = frame.with_columns(mid_of(pl.col(mmsi_column)).alias("_mid"))
    return mids.join(table, left_on="_mid", right_on="mid", how="left").drop("_mid")


def flag_of_mmsi(mmsi: int) -> str | None:
    """The flag (lower-case ISO alpha-2) an MMSI claims through its MID, or None."""
    if not 200_000_000 <= mmsi < 800_000_000:
        return None
    rows = mid_table().filter(pl.col("mid") == mmsi // 1_000_000)
    return str(rows["flag"][0]) if len(rows) else None
