"""Format detection and the typed errors for unreadable inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.maritime.ingest import detect_format, read_ais, read_inputs
from chokepoint.maritime.schema import AisFormatError, read_parquet_frames, write_frames


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("aisdb_test_data_20211101.nm4", "nmea"),
        ("aisdb_test_data_201201.nmea", "nmea"),
        ("pyais_examples_sample.ais", "nmea"),
        ("aisdb_test_data_noaa_20230101.csv", "marinecadastre"),
        ("dma_aisdk_2018-06-01_first_second.csv", "dma"),
    ],
)
def test_detects_each_sample(shared_data: Path, name: str, fmt: str) -> None:
    assert detect_format(shared_data / "ais" / name) == fmt


def test_detects_another_ais_csv_by_its_header(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("ts;MMSI;lat;lon\n1673395200;123456789;38.9;125.7\n")
    assert detect_format(path) == "csv"
    frames = read_ais(path)
    assert frames.positions.height == 1 and str(frames.positions["timestamp"][0]).startswith(
        "2023-01-11 00:00"
    )


def test_parquet_round_trip(shared_data: Path, tmp_path: Path) -> None:
    frames = read_ais(shared_data / "ais" / "aisdb_test_data_20211101.nm4")
    pos, _ = write_frames(frames, tmp_path, "day")
    again = read_parquet_frames(pos)
    assert again.positions.equals(frames.positions)
    assert again.statics.height == frames.statics.height
    both = read_inputs([tmp_path, shared_data / "ais" / "aisdb_test_data_201201.nmea"])
    assert both.positions.height == frames.positions.height + 3


def test_unreadable_inputs_raise_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(AisFormatError, match="no such file"):
        read_ais(tmp_path / "missing.nmea")
    text = tmp_path / "notes.txt"
    text.write_text("dear diary\n")
    with pytest.raises(AisFormatError, match="line 1"):
        read_ais(text)
    bad = tmp_path / "bad.positions.parquet"
    bad.write_bytes(b"PAR1 but not really")
    with pytest.raises(AisFormatError):
        read_ais(bad)
