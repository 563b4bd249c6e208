"""Named areas and ports: gap-rule regions (data/regions.csv) and DPRK ports (shared data).

A region is an axis-aligned box in degrees with its own AIS-gap rule (minimum duration, minimum
distance from shore) and the source that motivates it. Boxes are deliberately generous: they say
where the tighter rule applies, not where a border runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import polars as pl

from chokepoint.config import shared_data_dir
from chokepoint.maritime.schema import AisFormatError


@dataclass(frozen=True)
class Region:
    """One gap-rule region: box (degrees), gap rule (hours, nautical miles) and its source."""

    name: str
    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float
    gap_min_hours: float
    gap_min_shore_nm: float
    dprk_waters: bool
    source: str

    def contains(self, lat: pl.Expr, lon: pl.Expr) -> pl.Expr:
        return lat.is_between(self.min_lat, self.max_lat) & lon.is_between(self.min_lon, self.max_lon)


@cache
def default_regions() -> tuple[Region, ...]:
    """The regions shipped with Chokepoint (``maritime/data/regions.csv``)."""
    text = resources.files("chokepoint.maritime").joinpath("data/regions.csv").read_bytes()
    table = pl.read_csv(text)
    return tuple(
        Region(
            name=r["region"],
            min_lat=r["min_lat"],
            max_lat=r["max_lat"],
            min_lon=r["min_lon"],
            max_lon=r["max_lon"],
            gap_min_hours=r["gap_min_hours"],
            gap_min_shore_nm=r["gap_min_shore_nm"],
            dprk_waters=bool(r["dprk_waters"]),
            source=r["source"],
        )
        for r in table.iter_rows(named=True)
    )


PORT_SCHEMA: dict[str, pl.DataType] = {
    "port": pl.String(),
    "unlocode": pl.String(),
    "lat": pl.Float64(),
    "lon": pl.Float64(),
    "confidence": pl.String(),
}


def read_ports(path: Path) -> pl.DataFrame:
    """A ports table (``name,unlocode,lat,lon,confidence,...``) as ``port,unlocode,lat,lon,confidence``."""
    try:
        table = pl.read_csv(path, infer_schema=False)
        ports = table.select(
            pl.col("name").alias("port"),
            pl.col("unlocode"),
            pl.col("lat").cast(pl.Float64),
            pl.col("lon").cast(pl.Float64),
            pl.col("confidence") if "confidence" in table.columns else pl.lit("unknown").alias("confidence"),
        )
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise AisFormatError(path, None, f"not a ports table (name,unlocode,lat,lon): {exc}") from exc
    return ports


def dprk_ports() -> pl.DataFrame:
    """DPRK ports from the shared reference data (``dprk/ports.csv``)."""
    return read_ports(shared_data_dir() / "dprk" / "ports.csv")


def empty_ports() -> pl.DataFrame:
    return pl.DataFrame(schema=PORT_SCHEMA)


@cache
def east_asia_anchorages() -> pl.DataFrame:
    """Major Chinese, Korean, Russian, Taiwanese and Japanese ports near DPRK trade routes
    (``maritime/data/anchorages.csv``, UN/LOCODE positions): anchorages for the encounter rule."""
    text = resources.files("chokepoint.maritime").joinpath("data/anchorages.csv").read_bytes()
    table = pl.read_csv(text, infer_schema=False)
    return table.select(
        pl.col("name").alias("port"),
        "unlocode",
        pl.col("lat").cast(pl.Float64),
        pl.col("lon").cast(pl.Float64),
        "confidence",
    )
