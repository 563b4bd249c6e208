"""IMO check digits, on the OFAC advisory's DPRK tankers."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl

from chokepoint.maritime.imo import imo_is_valid, imo_valid_expr, parse_imo


def test_every_advisory_tanker_has_a_valid_imo(shared_data: Path) -> None:
    with (shared_data / "dprk" / "tankers_ofac_2018-02.csv").open() as handle:
        numbers = [int(row["imo"]) for row in csv.DictReader(handle)]
    assert len(numbers) == 22 and all(imo_is_valid(n) for n in numbers)
    vectorised = pl.Series(numbers).to_frame("imo").select(imo_valid_expr(pl.col("imo")))
    assert vectorised.to_series().all()


def test_a_wrong_check_digit_or_length_is_invalid() -> None:
    assert imo_is_valid(9074729)
    assert not imo_is_valid(9074728)
    assert not imo_is_valid(914466500)
    assert parse_imo("IMO 7389704") == 7389704  # RYE SONG GANG 1
    assert parse_imo("IMO 7389705") is None
