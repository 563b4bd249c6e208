"""Raw NMEA: tag-block and trailing-epoch times, multi-part assembly, bad lines counted, never fatal."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.maritime.nmea import line_time, read_nmea, split_line

AIS = Path("ais")


def test_tag_block_time_comes_from_the_c_field(shared_data: Path) -> None:
    frames = read_nmea(shared_data / AIS / "aisdb_test_data_20211101.nm4")
    assert frames.report.untimed == 0
    inside = frames.positions["timestamp"].is_between(
        datetime(2021, 11, 1, tzinfo=UTC), datetime(2021, 11, 2, tzinfo=UTC), closed="left"
    )
    assert inside.all()
    # type 27 long-range reports and type 5 / 24 statics are all decoded
    assert frames.positions.height > 800 and frames.statics.height > 20


def test_trailing_receiver_epoch_is_the_time(shared_data: Path) -> None:
    frames = read_nmea(shared_data / AIS / "aisdb_test_data_201201.nmea")
    first = frames.positions.row(0, named=True)
    assert first["mmsi"] == 367033650
    assert first["timestamp"] == datetime.fromtimestamp(1325394060, UTC)
    assert first["heading"] is None  # 511 = not available


def test_type5_voyage_data_is_decoded(shared_data: Path) -> None:
    frames = read_nmea(shared_data / AIS / "aisdb_test_data_201201.nmea")
    ruth = frames.statics.filter(pl.col("mmsi") == 249190000).row(0, named=True)
    assert ruth["name"] == "RUTH THERESA" and ruth["imo"] == 9383663
    assert ruth["length"] == 101 and ruth["draught"] == pytest.approx(7.8)
    assert ruth["destination"] == "BOSTON,USA"


def test_lines_without_time_are_kept_and_counted(shared_data: Path) -> None:
    frames = read_nmea(shared_data / AIS / "pyais_nmea_data_sample.txt")
    assert frames.report.untimed > 700
    assert frames.positions["timestamp"].null_count() == frames.positions.height
    # 100 empty payloads and the type 5 first halves whose second half is missing
    assert frames.report.bad >= 100


def test_garbage_and_broken_fragments_are_bad_lines(shared_data: Path) -> None:
    frames = read_nmea(shared_data / AIS / "pyais_examples_sample.ais")
    reasons = " ".join(frames.report.bad_examples)
    assert frames.report.bad == 4
    assert "no AIS sentence" in reasons and "fragment count" in reasons
    # the tag-block two-part message (g:1-2-27300 / g:2-2-27300) is assembled
    assert frames.statics.filter(pl.col("name") == "MARE ISLAND").height == 1


def test_split_line_and_time() -> None:
    parts = split_line(b"\\s:42809,c:1635731889*6A\\!AIVDM,1,1,,,403t>B1vFhQr5`NonbBw?>G00<0n,0*7B")
    assert parts is not None
    tag, sentence, trailer = parts
    assert sentence.startswith(b"!AIVDM") and trailer == b""
    assert line_time(tag, trailer) == datetime.fromtimestamp(1635731889, UTC)
    assert split_line(b"hello") is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.binary(max_size=80), max_size=20))
def test_any_bytes_are_read_without_raising(tmp_path_factory: object, lines: list[bytes]) -> None:
    path = tmp_path_factory.mktemp("nmea") / "x.nmea"  # type: ignore[attr-defined]
    path.write_bytes(b"\n".join(line.replace(b"\n", b"") for line in lines))
    frames = read_nmea(path)
    assert frames.report.bad + frames.positions.height + frames.statics.height <= frames.report.lines + 1
