"""Decoded-AIS CSV files to the normalised frames: MarineCadastre (both layouts), the Danish
Maritime Authority (DMA) ``aisdk`` files, and any other CSV whose header names an MMSI, a time, a
latitude and a longitude (``GENERIC``).

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
    """A strptime format; None for plain ISO 8601; ``"any"`` for ISO with a zone or Unix epochs."""

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

GENERIC = CsvLayout(
    name="csv",
    columns={
        "mmsi": ("mmsi", "sourcemmsi", "userid"),
        "timestamp": (
            "timestamp", "timestamputc", "basedatetime", "datetime", "time", "timeutc", "ts", "receivedat",
            "msgtime", "postime", "date",
        ),
        "lat": ("lat", "latitude", "y"),
        "lon": ("lon", "lng", "long", "longitude", "x"),
        "sog": ("sog", "speed", "speedknots", "speedoverground"),
        "cog": ("cog", "course", "courseoverground"),
        "heading": ("heading", "trueheading", "hdg"),
        "nav_status": ("navstatus", "navigationalstatus", "navigationstatus", "status"),
        "imo": ("imo", "imonumber"),
        "name": ("vesselname", "shipname", "name"),
        "call_sign": ("callsign",),
        "ship_type": ("shiptype", "vesseltype", "shiptypecode"),
        "length": ("length",),
        "width": ("width", "beam"),
        "draught": ("draught", "draft"),
        "destination": ("destination",),
    },
    time_format="any",
)  # fmt: skip
"""Any other decoded-AIS CSV (exports of AIS providers, research datasets, scenario files): columns
found by their usual names; times as ISO 8601 (``T`` or space, optional fraction, ``Z`` or an
offset) or Unix epoch seconds or milliseconds; navigational status and ship type as ITU codes or
the DMA's English labels."""

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
    if all(field in GENERIC.find(header) for field in ("mmsi", "timestamp", "lat", "lon")):
        return GENERIC
    return None


def _number(column: str) -> pl.Expr:
    return pl.col(column).str.strip_chars().str.replace(r"^IMO", "").cast(pl.Float64, strict=False)


def _any_time(column: str) -> pl.Expr:
    """ISO 8601 (naive = UTC, ``Z`` or an offset) or Unix epoch seconds / milliseconds, as naive UTC."""
    text = pl.col(column).str.strip_chars().str.replace(" ", "T")
    naive = text.str.replace(r"Z$", "").str.to_datetime("%Y-%m-%dT%H:%M:%S%.f", time_unit="us", strict=False)
    offset = text.str.to_datetime("%Y-%m-%dT%H:%M:%S%.f%z", time_unit="us", strict=False)
    number = text.cast(pl.Float64, strict=False)
    micros = pl.when(number > 1e11).then(number * 1e3).otherwise(number * 1e6).cast(pl.Int64)
    epoch = pl.when(number.is_between(9.4e8, 4.2e12)).then(pl.from_epoch(micros, time_unit="us"))
    return pl.coalesce(naive, offset.dt.convert_time_zone("UTC").dt.replace_time_zone(None), epoch)


def _time(column: str, layout: CsvLayout) -> pl.Expr:
    if layout.time_format == "any":
        return _any_time(column).dt.replace_time_zone("UTC")
    text = pl.col(column).str.strip_chars()
    parsed = (
        text.str.strptime(pl.Datetime("us"), layout.time_format, strict=False)
        if layout.time_format
        else text.str.replace(" ", "T").str.to_datetime(time_unit="us", strict=False)
    )
    return parsed.dt.replace_time_zone("UTC")


def _label(column: str, table: dict[str, int]) -> pl.Expr:
    return pl.col(column).str.strip_chars().str.to_lowercase().replace_strict(table, default=None)


def _separator(path: Path) -> str:
    """``;`` or a tab when the header line uses it and no comma (European and spreadsheet exports)."""
    try:
        with path.open("rb") as handle:
            header = handle.readline(65536)
    except OSError:
        return ","  # polars reports the unreadable file
    if b"," in header:
        return ","
    return ";" if b";" in header else "\t" if b"\t" in header else ","


def read_csv(path: Path, layout: CsvLayout | None = None) -> AisFrames:
    """Read a MarineCadastre, DMA or other AIS CSV file (layout detected from its header unless given)."""
    try:
        raw = pl.read_csv(
            path, infer_schema=False, truncate_ragged_lines=True, quote_char='"', separator=_separator(path)
        )
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise AisFormatError(path, None, f"not readable as CSV: {exc}") from exc
    layout = layout or detect_layout(raw.columns)
    if layout is None:
        raise AisFormatError(
            path, "header", f"not an AIS CSV header (MMSI, time, latitude, longitude): {raw.columns[:6]}"
        )
    cols = layout.find(raw.columns)
    for needed in ("mmsi", "timestamp", "lat", "lon"):
        if needed not in cols:
            raise AisFormatError(path, "header", f"{layout.name} header lacks a {needed} column")
    report = ReadReport(path=str(path), format=layout.name, lines=len(raw))
    exprs: list[pl.Expr] = [pl.int_range(pl.len()).alias("_row")]
    for field_name, column in cols.items():
        if field_name == "timestamp":
            exprs.append(_time(column, layout).alias(field_name))
        elif field_name in ("nav_status", "ship_type") and layout is not MARINECADASTRE:
            labels = _label(column, DMA_NAV_STATUS if field_name == "nav_status" else DMA_SHIP_TYPE)
            value = labels if layout is DMA else pl.coalesce(_number(column), labels.cast(pl.Float64))
            exprs.append(value.alias(field_name))
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
