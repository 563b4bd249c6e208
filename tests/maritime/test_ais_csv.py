"""MarineCadastre (legacy and 2024+) and DMA CSV readers on the real samples."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.maritime.ais_csv import read_csv
from chokepoint.maritime.schema import AisFormatError

NOAA = Path("ais/aisdb_test_data_noaa_20230101.csv")
DMA = Path("ais/dma_aisdk_2018-06-01_first_second.csv")


def test_marinecadastre_sentinels_become_nulls(shared_data: Path) -> None:
    frames = read_csv(shared_data / NOAA)
    assert frames.report.format == "marinecadastre" and frames.report.bad == 0
    pos = frames.positions
    assert pos.height == 1000
    assert pos["heading"].null_count() > 400  # 511 in 42.6 % of rows
    assert pos["cog"].null_count() >= 80  # 360 in 9 %
    assert pos["sog"].drop_nulls().max() < 102.3  # type: ignore[operator]
    assert frames.statics["imo"].drop_nulls().min() >= 1_000_000  # type: ignore[operator]
    alice = frames.statics.filter(pl.col("mmsi") == 205686000).row(0, named=True)
    assert alice["imo"] == 9709087 and alice["name"] == "ALICE"


def test_2024_layout_with_longitude_first_reads_the_same(shared_data: Path, tmp_path: Path) -> None:
    legacy = pl.read_csv(shared_data / NOAA, infer_schema=False)
    renamed = legacy.rename(
        {
            "MMSI": "mmsi",
            "BaseDateTime": "base_date_time",
            "LAT": "latitude",
            "LON": "longitude",
            "SOG": "sog",
            "COG": "cog",
            "Heading": "heading",
            "VesselName": "vessel_name",
            "IMO": "imo",
            "CallSign": "call_sign",
            "VesselType": "vessel_type",
            "Status": "status",
            "Length": "length",
            "Width": "width",
            "Draft": "draft",
            "Cargo": "cargo",
            "TransceiverClass": "transceiver",
        }
    )
    order = ["mmsi", "base_date_time", "longitude", "latitude", *renamed.columns[4:]]
    path = tmp_path / "ais-2024-01-01.csv"
    renamed.select(order).write_csv(path)
    assert read_csv(path).positions.equals(read_csv(shared_data / NOAA).positions)


def test_dma_text_status_and_sentinel_positions(shared_data: Path) -> None:
    frames = read_csv(shared_data / DMA)
    assert frames.report.format == "dma" and frames.report.lines == 138
    assert frames.positions.height == 128  # ten 91/181 static-only rows dropped
    assert frames.positions["nav_status"].drop_nulls().is_in([0, 1, 2, 3, 4, 5, 7, 8]).all()
    assert str(frames.positions["timestamp"].min()).startswith("2018-06-01 00:00:00")


def test_bad_rows_are_counted_not_fatal(shared_data: Path, tmp_path: Path) -> None:
    lines = (shared_data / NOAA).read_text().splitlines()
    lines[3] = "not-a-number,yesterday" + lines[3][lines[3].index(",", 10) :]
    path = tmp_path / "broken.csv"
    path.write_text("\n".join(lines))
    frames = read_csv(path)
    assert frames.report.bad == 1 and frames.positions.height == 999
    assert frames.report.bad_examples[0].startswith("row 4")


def test_unknown_header_is_a_typed_error(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(AisFormatError, match="not an AIS CSV header"):
        read_csv(path)


def _noaa_as(shared_data: Path, path: Path, names: dict[str, str], times: str, separator: str = ",") -> None:
    """The NOAA sample rewritten with other column names (in another order) and times written as
    ``iso-z`` (2023-01-11T00:00:00Z), ``offset`` (+09:00), ``epoch`` seconds or ``epoch-ms``."""
    table = pl.read_csv(shared_data / NOAA, infer_schema=False)
    stamp = pl.col("BaseDateTime").str.to_datetime(time_unit="us")
    written = {
        "iso-z": stamp.dt.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "offset": stamp.dt.offset_by("9h").dt.strftime("%Y-%m-%d %H:%M:%S+09:00"),
        "epoch": (stamp.dt.epoch("s")).cast(pl.String),
        "epoch-ms": (stamp.dt.epoch("ms")).cast(pl.String),
    }[times]
    table = table.with_columns(written.alias("BaseDateTime")).rename(names)
    table.select(sorted(table.columns, reverse=True)).write_csv(path, separator=separator)


OTHER_NAMES = {
    "MMSI": "mmsi",
    "BaseDateTime": "timestamp",
    "LAT": "latitude",
    "LON": "longitude",
    "SOG": "speed",
    "COG": "course",
    "Heading": "true_heading",
    "VesselName": "shipname",
    "IMO": "imo",
    "CallSign": "callsign",
    "VesselType": "shiptype",
    "Status": "nav_status",
    "Length": "length",
    "Width": "width",
    "Draft": "draught",
}


@pytest.mark.parametrize(
    ("times", "separator"), [("iso-z", ","), ("offset", ";"), ("epoch", "\t"), ("epoch-ms", ",")]
)
def test_other_ais_csv_layouts_read_the_same(
    shared_data: Path, tmp_path: Path, times: str, separator: str
) -> None:
    path = tmp_path / "export.csv"
    _noaa_as(shared_data, path, OTHER_NAMES, times, separator)
    frames, reference = read_csv(path), read_csv(shared_data / NOAA)
    assert frames.report.format == "csv" and frames.report.bad == 0
    assert frames.positions.equals(reference.positions)
    assert frames.statics.select("mmsi", "imo", "name").equals(
        reference.statics.select("mmsi", "imo", "name")
    )


def test_a_csv_without_a_position_column_is_a_typed_error(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("mmsi,timestamp,latitude\n123456789,2023-01-01T00:00:00Z,1.0\n")
    with pytest.raises(AisFormatError, match="not an AIS CSV header"):
        read_csv(path)


HEADER = (
    "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,"
    "Draft,Cargo,TransceiverClass"
)
cell = st.text(alphabet=st.characters(blacklist_characters=',"\n\r', codec="utf-8"), max_size=12)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(cell, min_size=17, max_size=17), max_size=15))
def test_any_cells_are_read_without_raising(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]
) -> None:
    path = tmp_path_factory.mktemp("mc") / "x.csv"
    path.write_text("\n".join([HEADER, *(",".join(r) for r in rows)]) + "\n")
    frames = read_csv(path)
    assert frames.report.bad + frames.positions.height <= len(rows)
    assert frames.positions.filter(pl.col("lat").abs() > 90).is_empty()
