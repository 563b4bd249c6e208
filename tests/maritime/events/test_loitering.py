"""Loitering: slow for hours far from ports."""

from __future__ import annotations

from tests.maritime.conftest import every, positions

from chokepoint.maritime.events.loitering import detect_loitering
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.tracks import segment
from chokepoint.maritime.zones import empty_ports


def test_nine_slow_hours_at_sea_is_loitering_and_seven_is_not() -> None:
    nine = positions(412000001, [(h, 31.0, 125.0, 0.5) for h in every(15, 9)])
    seven = positions(412000002, [(h, 32.0, 125.0, 0.5) for h in every(15, 7)])
    found = detect_loitering(segment(nine.vstack(seven)), empty_ports(), EventParams())
    assert found["mmsi"].to_list() == [412000001]
