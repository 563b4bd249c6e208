"""The MID table: flags claimed by MMSIs."""

from __future__ import annotations

import polars as pl

from chokepoint.maritime.flags import flag_of_mmsi, mid_table, with_flag


def test_mid_table_is_complete_enough_and_unique() -> None:
    table = mid_table()
    assert table.height > 280 and table["mid"].is_unique().all()


def test_flags_of_dprk_relevant_mmsis() -> None:
    assert flag_of_mmsi(445123000) == "kp"
    assert flag_of_mmsi(455000001) == "mv"  # Maldives, XIN YUAN 18's false flag
    assert flag_of_mmsi(351000000) == "pa"
    assert flag_of_mmsi(970123456) is None  # AIS-SART, not a ship station
    assert flag_of_mmsi(200123456) is None  # unallocated MID


def test_with_flag_joins_vectorised() -> None:
    frame = with_flag(pl.DataFrame({"mmsi": [412000001, 999999999]}))
    assert frame["mid_flag"].to_list() == ["cn", None]
