"""Maritime fixtures: hand-built tracks and one small generated scenario shared by the tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from chokepoint.maritime.generator import Scenario, generate
from chokepoint.maritime.schema import POSITION_SCHEMA, STATIC_SCHEMA
from chokepoint.maritime.zones import read_ports

T0 = datetime(2018, 1, 20, tzinfo=UTC)

Point = tuple[float, float, float, float]
"""(hours after T0, lat, lon, sog knots)"""


def positions(mmsi: int, points: Sequence[Point]) -> pl.DataFrame:
    """A position frame for one vessel from (hours, lat, lon, sog) tuples."""
    rows = [
        {
            "mmsi": mmsi,
            "timestamp": T0 + timedelta(hours=h),
            "lat": lat,
            "lon": lon,
            "sog": sog,
            "cog": None,
            "heading": None,
            "nav_status": None,
        }
        for h, lat, lon, sog in points
    ]
    return pl.DataFrame(rows, schema=POSITION_SCHEMA, orient="row")


def statics(rows: Sequence[dict[str, object]]) -> pl.DataFrame:
    full = [{**{k: None for k in STATIC_SCHEMA}, **r} for r in rows]
    return pl.DataFrame(full, schema=STATIC_SCHEMA, orient="row")


def every(minutes: float, hours: float, start: float = 0.0) -> list[float]:
    n = int(hours * 60 / minutes)
    return [start + k * minutes / 60 for k in range(n + 1)]


@pytest.fixture
def make_positions() -> Callable[[int, Sequence[Point]], pl.DataFrame]:
    return positions


@pytest.fixture(scope="session")
def ports(shared_data: Path) -> pl.DataFrame:
    return read_ports(shared_data / "dprk" / "ports.csv")


@pytest.fixture(scope="session")
def scenario(ports: pl.DataFrame) -> Scenario:
    """A small seeded scenario: 40 ordinary vessels over 4 days and every planted pattern."""
    return generate(11, ports, background=40, days=4.0, sts=6, dark_sts=3, port_calls=6, identity_swaps=4)
