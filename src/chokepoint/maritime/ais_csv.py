"""Decoded-AIS CSV files to the normalised frames: MarineCadastre (both layouts) and the Danish
Maritime Authority (DMA) ``aisdk`` files.

Each layout is a table of facts: which header column holds which normalised field and how its
time is written. Columns are found by name, not position, so the MarineCadastre 2024+ layout
(longitude before latitude, snake_case names) and the legacy 17-column layout share one reader.

* MarineCadastre legacy (NOAA/BOEM, to 2023): ``MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,
  VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass``;
  ISO times, IMO as ``IMO9307839``.
* MarineCadastre 2024+: ``mmsi,base_date_time,longitude,latitude,sog,cog,heading,vessel_name,imo,
  call_sign,vessel_type,status,length,width,draft,cargo,transceiver``.
* DMA: ``# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,...`` with
  ``dd/mm/yyyy HH:MM:SS`` times, text navigational status and ``Unknown`` for missing values.

Rows whose MMSI or time cannot be parsed are bad lines: counted and reported, never fatal.
Static columns repeat on every row; only rows where a vessel's static values change are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from chokepoint.maritime.schema import (
    STATIC_SCHEMA,
    AisFormatError,
    AisFrames,
    ReadReport,
    clean_positions,
    clean_statics,
)


@dataclass(frozen=True)
class CsvLayout:
    """One CSV layout: its name, the header key that identifies it, column names and time format."""

    name: str
    columns: dict[str, tuple[str, ...]]
    time_format: str | None

    def find(self, header: list[str]) -> dict[str, str]:
        """Normalised field -> the header column that holds it (absent fields are left out)."""
        keyed = {_key(h): h for h in header}
        found: dict[str, str] = {}
        for field_name, aliases in self.columns.items():
            for alias in aliases:
                if alias in keyed:
                    found[field_name] = keyed[alias]
                    break
        return found


def _key(column: str) -> str:
    return re.sub(r"[^a-z0-9]", "", column.lower())


MARINECADASTRE = CsvLayout(
    name="marinecadastre",
    columns={
        "mmsi": ("mmsi",),
        "timestamp": ("basedatetime",),
        "lat": ("lat", "latitude"),
        "lon": ("lon", "longitude"),
        "sog": ("sog",),
        "cog": ("cog",),
        "heading": ("heading",),
        "nav_status": ("status",),
        "imo": ("imo",),
        "name": ("vesselname",),
        "call_sign": ("callsign",),
        "ship_type": ("vesseltype",),
        "length": ("length",),
        "width": ("width",),
        "draught": ("draft",),
    },
    time_format=None,
)

DMA = CsvLayout(
    name="dma",
    columns={
        "mmsi": ("mmsi",),
        "timestamp": ("timestamp",),
        "lat": ("latitude",),
        "lon": ("longitude",),
        "sog": ("sog",),
        "cog": ("cog",),
        "heading": ("heading",),
        "nav_status": ("navigationalstatus",),
        "imo": ("imo",),
        "name": ("name",),
        "call_sign": ("callsign",),
        "ship_type": ("shiptype",),
        "length": ("length",),
        "width": ("width",),
        "draught": ("draught",),
        "destination": ("destination",),
    },
    time_format="%d/%m/%Y %H:%M:%S",
)

DMA_NAV_STATUS: dict[str, int] = {
    "under way using engine": 0,
    "at anchor": 1,
    "not under command": 2,
    "restricted manoeuverability": 3,
    "restricted maneuverability": 3,
    "constrained by her draught": 4,
    "moored": 5,
    "aground": 6,
    "engaged in fishing": 7,
    "under way sailing": 8,
    "reserved for future amendment [hsc]": 9,
    "reserved for future amendment [wig]": 10,
    "power-driven vessel towing astern": 11,
    "power-driven vessel pushing ahead or towing alongside": 12,
    "ais-sart": 14,
}
"""DMA writes the ITU-R M.1371 navigational status as its English label; these are the codes."""

DMA_SHIP_TYPE: dict[str, int] = {
    "fishing": 30,
    "towing": 31,
    "towing long/wide": 32,
    "dredging": 33,
    "diving": 34,
    "military": 35,
    "sailing": 36,
    "pleasure": 37,
    "wig": 20,
    "hsc": 40,
    "pilot": 50,
    "sar": 51,
    "tug": 52,
    "port tender": 53,
    "anti-pollution": 54,
    "law enforcement": 55,
    "medical": 58,
    "passenger": 60,
    "cargo": 70,
    "tanker": 80,
    "other": 90,
}
"""DMA ship type labels mapped to the first code of their ITU-R M.1371 ship-type group."""


def detect_layout(header: list[str]) -> CsvLayout | None:
    """The layout whose identifying columns the header carries, or None."""
    keys = {_key(h) for h in header}
    if "basedatetime" in keys and "mmsi" in keys:
        return MARINECADASTRE
    if "timestamp" in keys and "typeofmobile" in keys and "mmsi" in keys:
        return DMA
    return None


def _number(column: str) -> pl.Expr:
    return pl.col(column).str.strip_chars().str.replace(r"^IMO", "").cast(pl.Float64, strict=False)


def _time(column: str, layout: CsvLayout) -> pl.Expr:
    text = pl.col(column).str.strip_chars()
    parsed = (
        text.str.strptime(pl.Datetime("us"), layout.time_format, strict=False)
        if layout.time_format
        else text.str.replace(" ", "T").str.to_datetime(time_unit="us", strict=False)
    )
    return parsed.dt.replace_time_zone("UTC")


def _label(column: str, table: dict[str, int]) -> pl.Expr:
    return pl.col(column).str.strip_chars().str.to_lowercase().replace_strict(table, default=None)


def read_csv(path: Path, layout: CsvLayout | None = None) -> AisFrames:
    """Read a MarineCadastre or DMA CSV file (layout detected from its header unless given)."""
    try:
        raw = pl.read_csv(path, infer_schema=False, truncate_ragged_lines=True, quote_char='"')
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise AisFormatError(path, None, f"not readable as CSV: {exc}") from exc
    layout = layout or detect_layout(raw.columns)
    if layout is None:
        raise AisFormatError(path, "header", f"not a MarineCadastre or DMA AIS header: {raw.columns[:6]}")
    cols = layout.find(raw.columns)
    for needed in ("mmsi", "timestamp", "lat", "lon"):
        if needed not in cols:
            raise AisFormatError(path, "header", f"{layout.name} header lacks a {needed} column")
    report = ReadReport(path=str(path), format=layout.name, lines=len(raw))
    exprs: list[pl.Expr] = [pl.int_range(pl.len()).alias("_row")]
    for field_name, column in cols.items():
        if field_name == "timestamp":
            exprs.append(_time(column, layout).alias(field_name))
        elif field_name == "nav_status" and layout is DMA:
            exprs.append(_label(column, DMA_NAV_STATUS).alias(field_name))
        elif field_name == "ship_type" and layout is DMA:
            exprs.append(_label(column, DMA_SHIP_TYPE).alias(field_name))
        elif STATIC_SCHEMA.get(field_name) == pl.String():
            exprs.append(pl.col(column).alias(field_name))
        else:
            exprs.append(_number(column).alias(field_name))
    table = raw.select(exprs)
    ok = pl.col("mmsi").is_not_null() & pl.col("timestamp").is_not_null()
    for row in table.filter(~ok).head(5).iter_rows(named=True):
        report.add_bad(f"row {row['_row'] + 2}", "unparseable MMSI or time")
    report.bad = table.filter(~ok).height
    table = table.filter(ok).with_columns(pl.col("mmsi").cast(pl.Int64))
    positions = clean_positions(table).sort("mmsi", "timestamp")
    statics = _changes_only(clean_statics(table))
    report.positions, report.statics = len(positions), len(statics)
    return AisFrames(positions, statics, report)


def _changes_only(statics: pl.DataFrame) -> pl.DataFrame:
    """Keep the first row of each vessel and every row whose static values differ from the previous."""
    values = [c for c in STATIC_SCHEMA if c not in ("mmsi", "timestamp")]
    statics = statics.filter(pl.any_horizontal(pl.col(values).is_not_null())).sort("mmsi", "timestamp")
    changed = pl.any_horizontal([pl.col(c).ne_missing(pl.col(c).shift(1).over("mmsi")) for c in values]) | (
        pl.col("mmsi") != pl.col("mmsi").shift(1)
    ).fill_null(True)
    return statics.filter(changed)
