"""The normalised AIS schema: one Parquet layout for positions and one for static reports.

Every reader (NMEA 0183, MarineCadastre CSV, Danish Maritime Authority CSV) produces these two
frames. Units: degrees WGS84, knots, degrees true, metres, UTC timestamps (microseconds).
AIS "not available" sentinels become nulls here, once, so no kernel downstream has to know them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from chokepoint.errors import InputError

POSITION_SCHEMA: dict[str, pl.DataType] = {
    "mmsi": pl.Int64(),
    "timestamp": pl.Datetime("us", "UTC"),
    "lat": pl.Float64(),
    "lon": pl.Float64(),
    "sog": pl.Float32(),
    "cog": pl.Float32(),
    "heading": pl.Int16(),
    "nav_status": pl.Int8(),
}
"""Position reports: AIS types 1/2/3 (Class A), 18/19 (Class B), 27 (long range) and CSV rows."""

STATIC_SCHEMA: dict[str, pl.DataType] = {
    "mmsi": pl.Int64(),
    "timestamp": pl.Datetime("us", "UTC"),
    "imo": pl.Int64(),
    "name": pl.String(),
    "call_sign": pl.String(),
    "ship_type": pl.Int16(),
    "length": pl.Float32(),
    "width": pl.Float32(),
    "draught": pl.Float32(),
    "destination": pl.String(),
}
"""Static and voyage reports: AIS types 5 and 24 and the static columns of CSV rows."""

LAT_UNAVAILABLE = 91.0
LON_UNAVAILABLE = 181.0
SOG_UNAVAILABLE = 102.3
COG_UNAVAILABLE = 360.0
HEADING_UNAVAILABLE = 511
NAV_STATUS_UNDEFINED = 15
"""AIS "not available" values (ITU-R M.1371-5, message 1 table)."""

IMO_PLACEHOLDER_MAX = 1_000_000
"""IMO numbers are seven digits; 0, 1, 999999 and the like (MarineCadastre ``IMO0000001``) are fillers."""


class AisFormatError(InputError):
    """An AIS file that cannot be read at all (missing, unknown layout, not text)."""


@dataclass
class ReadReport:
    """What a reader saw: lines read, records kept, bad lines (counted, first few kept) and untimed lines."""

    path: str
    format: str
    lines: int = 0
    positions: int = 0
    statics: int = 0
    bad: int = 0
    untimed: int = 0
    bad_examples: list[str] = field(default_factory=list)

    def add_bad(self, record: str, reason: str, keep: int = 5) -> None:
        self.bad += 1
        if len(self.bad_examples) < keep:
            self.bad_examples.append(f"{record}: {reason}")

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "format": self.format,
            "lines": self.lines,
            "positions": self.positions,
            "statics": self.statics,
            "bad": self.bad,
            "untimed": self.untimed,
            "bad_examples": self.bad_examples,
        }


@dataclass
class AisFrames:
    """The two normalised frames a reader returns, with its report."""

    positions: pl.DataFrame
    statics: pl.DataFrame
    report: ReadReport


def empty_positions() -> pl.DataFrame:
    return pl.DataFrame(schema=POSITION_SCHEMA)


def empty_statics() -> pl.DataFrame:
    return pl.DataFrame(schema=STATIC_SCHEMA)


def clean_positions(frame: pl.DataFrame) -> pl.DataFrame:
    """Cast to :data:`POSITION_SCHEMA` and turn sentinels and out-of-range values into nulls.

    Rows without a usable latitude and longitude are dropped: a position report without a
    position carries nothing the detectors can use (its static part is kept by the reader).
    """
    out = frame.select(
        pl.col(name).cast(dtype, strict=False) if name in frame.columns else pl.lit(None, dtype).alias(name)
        for name, dtype in POSITION_SCHEMA.items()
    )
    out = out.with_columns(
        pl.when(pl.col("lat").abs() <= 90).then(pl.col("lat")).alias("lat"),
        pl.when(pl.col("lon").abs() <= 180).then(pl.col("lon")).alias("lon"),
        pl.when((pl.col("sog") >= 0) & (pl.col("sog") < 102.25)).then(pl.col("sog")).alias("sog"),
        pl.when((pl.col("cog") >= 0) & (pl.col("cog") < COG_UNAVAILABLE)).then(pl.col("cog")).alias("cog"),
        pl.when((pl.col("heading") >= 0) & (pl.col("heading") < 360))
        .then(pl.col("heading"))
        .alias("heading"),
        pl.when((pl.col("nav_status") >= 0) & (pl.col("nav_status") < NAV_STATUS_UNDEFINED))
        .then(pl.col("nav_status"))
        .alias("nav_status"),
    )
    return out.filter(
        pl.col("lat").is_not_null() & pl.col("lon").is_not_null() & pl.col("mmsi").is_not_null()
    )


def clean_statics(frame: pl.DataFrame) -> pl.DataFrame:
    """Cast to :data:`STATIC_SCHEMA`.

    Blank strings, dummy IMO numbers (IMO0000001 and the like) and zero dimensions become nulls.
    """
    out = frame.select(
        pl.col(name).cast(dtype, strict=False) if name in frame.columns else pl.lit(None, dtype).alias(name)
        for name, dtype in STATIC_SCHEMA.items()
    )
    text = [c for c, t in STATIC_SCHEMA.items() if t == pl.String()]
    out = out.with_columns(
        [
            pl.col(c).str.replace_all("@", "").str.strip_chars().str.to_uppercase().replace("", None).alias(c)
            for c in text
        ]
        + [
            pl.when(pl.col("imo") >= IMO_PLACEHOLDER_MAX).then(pl.col("imo")).alias("imo"),
            pl.when(pl.col("ship_type") > 0).then(pl.col("ship_type")).alias("ship_type"),
        ]
        + [pl.when(pl.col(c) > 0).then(pl.col(c)).alias(c) for c in ("length", "width", "draught")]
    )
    return out.filter(pl.col("mmsi").is_not_null())


def write_frames(frames: AisFrames, out_dir: Path, stem: str) -> tuple[Path, Path]:
    """Write ``<stem>.positions.parquet`` and ``<stem>.statics.parquet`` into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pos = out_dir / f"{stem}.positions.parquet"
    sta = out_dir / f"{stem}.statics.parquet"
    frames.positions.write_parquet(pos)
    frames.statics.write_parquet(sta)
    return pos, sta


def read_parquet_frames(path: Path) -> AisFrames:
    """Read normalised Parquet: a ``*.positions.parquet`` file (and its statics sibling) or a folder."""
    report = ReadReport(path=str(path), format="parquet")
    if path.is_dir():
        pos_files = sorted(path.glob("*.positions.parquet"))
        sta_files = sorted(path.glob("*.statics.parquet"))
    elif path.name.endswith(".statics.parquet"):
        pos_files, sta_files = [], [path]
    else:
        pos_files = [path]
        sibling = path.with_name(path.name.replace(".positions.parquet", ".statics.parquet"))
        sta_files = [sibling] if sibling != path and sibling.exists() else []
    try:
        positions = pl.concat([pl.read_parquet(p) for p in pos_files]) if pos_files else empty_positions()
        statics = pl.concat([pl.read_parquet(p) for p in sta_files]) if sta_files else empty_statics()
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise AisFormatError(path, None, f"not readable as normalised AIS Parquet: {exc}") from exc
    missing = [c for c in POSITION_SCHEMA if c not in positions.columns]
    if missing:
        raise AisFormatError(path, None, f"Parquet lacks position columns {missing}")
    positions = positions.select(pl.col(c).cast(t) for c, t in POSITION_SCHEMA.items())
    statics = clean_statics(statics) if len(statics) else empty_statics()
    report.positions, report.statics, report.lines = (
        len(positions),
        len(statics),
        len(positions) + len(statics),
    )
    return AisFrames(positions, statics, report)
