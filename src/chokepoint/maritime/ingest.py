"""Reading any supported AIS input: format detection and several files at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from chokepoint.maritime.ais_csv import DMA, GENERIC, MARINECADASTRE, read_csv
from chokepoint.maritime.nmea import read_nmea
from chokepoint.maritime.schema import (
    AisFormatError,
    AisFrames,
    ReadReport,
    empty_positions,
    empty_statics,
    read_parquet_frames,
)

FORMATS = ("auto", "nmea", "marinecadastre", "dma", "csv", "parquet")
"""The values of ``--format``."""

_SNIFF_BYTES = 4096


def detect_format(path: Path) -> str:
    """``nmea``, ``marinecadastre``, ``dma``, ``csv`` or ``parquet`` from the file's name and first bytes."""
    if path.is_dir() or path.suffix == ".parquet":
        return "parquet"
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as exc:
        raise AisFormatError(path, None, f"cannot read: {exc}") from exc
    if head.startswith(b"PAR1"):
        return "parquet"
    lines = [line.strip() for line in head.splitlines() if line.strip() and not line.startswith(b"#")]
    first = head.splitlines()[0].strip().lower() if head.strip() else b""
    if first.startswith(b"# timestamp"):
        return "dma"
    if b"basedatetime" in first.replace(b"_", b""):
        return "marinecadastre"
    if any(b"VDM," in line or b"VDO," in line for line in lines[:20]):
        return "nmea"
    if b"mmsi" in first and any(sep in first for sep in (b",", b";", b"\t")):
        return "csv"  # another decoded-AIS CSV: the header decides (``ais_csv.GENERIC``)
    raise AisFormatError(path, "line 1", "not NMEA AIS, an AIS CSV (MMSI, time, lat, lon) or AIS Parquet")


def read_ais(path: Path, fmt: str = "auto") -> AisFrames:
    """Read one AIS file (or a folder of normalised Parquet) into the normalised frames."""
    if not path.exists():
        raise AisFormatError(path, None, "no such file")
    kind = detect_format(path) if fmt == "auto" else fmt
    if kind == "nmea":
        return read_nmea(path)
    if kind == "marinecadastre":
        return read_csv(path, MARINECADASTRE)
    if kind == "dma":
        return read_csv(path, DMA)
    if kind == "csv":
        return read_csv(path, GENERIC)
    if kind == "parquet":
        return read_parquet_frames(path)
    raise AisFormatError(path, None, f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


@dataclass
class Inputs:
    """Several inputs read and combined: the frames and one report per input."""

    positions: pl.DataFrame
    statics: pl.DataFrame
    reports: list[ReadReport]


def read_inputs(paths: Iterable[Path], fmt: str = "auto") -> Inputs:
    """Read and concatenate every input; bad lines are counted per input, never fatal."""
    frames = [read_ais(path, fmt) for path in paths]
    positions = pl.concat([f.positions for f in frames]) if frames else empty_positions()
    statics = pl.concat([f.statics for f in frames]) if frames else empty_statics()
    return Inputs(positions, statics, [f.report for f in frames])


def parquet_inputs(paths: Iterable[Path]) -> tuple[list[Path], pl.DataFrame]:
    """The ``*.positions.parquet`` files among ``paths`` (files or folders) and all their static
    reports, for runners that read positions themselves (:mod:`chokepoint.scale.dask_runner`)."""
    positions: list[Path] = []
    statics: list[pl.DataFrame] = []
    for path in paths:
        if detect_format(path) != "parquet":
            raise AisFormatError(
                path, None, "the Dask runner reads normalised Parquet: run chokepoint maritime ingest first"
            )
        files = sorted(path.glob("*.positions.parquet")) if path.is_dir() else [path]
        for file in files:
            positions.append(file)
            sibling = file.with_name(file.name.replace(".positions.parquet", ".statics.parquet"))
            if sibling != file and sibling.exists():
                statics.append(read_parquet_frames(sibling).statics)
    return positions, pl.concat(statics) if statics else empty_statics()
