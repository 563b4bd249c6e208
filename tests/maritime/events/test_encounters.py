"""Encounters: GFW's 500 m / 2 h / 2 kn rule, anchorages excluded, one tanker serving several ships."""

from __future__ import annotations

import json

import polars as pl
from tests.maritime.conftest import every, positions

from chokepoint.maritime.events.encounters import detect_encounters
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.tracks import segment
from chokepoint.maritime.zones import empty_ports

AT_SEA = (31.5, 125.0)


def drifting(
    mmsi: int, hours: float, dlat: float = 0.0, start: float = 0.0, interval: float = 6.0
) -> pl.DataFrame:
    return positions(mmsi, [(start + h, AT_SEA[0] + dlat, AT_SEA[1], 0.3) for h in every(interval, hours)])


def test_two_slow_ships_alongside_for_four_hours_meet() -> None:
    tracks = segment(pl.concat([drifting(445000001, 4), drifting(412000001, 4, dlat=0.002)]))
    events = detect_encounters(tracks, empty_ports(), EventParams())
    assert events.height == 1
    row = events.row(0, named=True)
    assert {row["mmsi"], row["other_mmsi"]} == {445000001, 412000001}
    details = json.loads(row["details"])
    assert 150 < details["median_distance_m"] < 300 and details["hours"] >= 4


def test_too_short_too_far_or_at_anchorage_is_not_an_encounter() -> None:
    params = EventParams()
    short = segment(pl.concat([drifting(1, 1.5), drifting(2, 1.5, dlat=0.002)]))
    far = segment(pl.concat([drifting(3, 4), drifting(4, 4, dlat=0.006)]))  # ~670 m apart
    assert detect_encounters(short, empty_ports(), params).is_empty()
    assert detect_encounters(far, empty_ports(), params).is_empty()
    anchorage = pl.DataFrame(
        {
            "port": ["X"],
            "unlocode": [None],
            "lat": [AT_SEA[0]],
            "lon": [AT_SEA[1] + 0.05],
            "confidence": ["high"],
        }
    )
    near = segment(pl.concat([drifting(5, 4), drifting(6, 4, dlat=0.002)]))
    assert detect_encounters(near, anchorage, params).is_empty()
    assert not detect_encounters(
        near, anchorage, params.with_overrides(encounter_min_anchorage_km=1.0)
    ).is_empty()


def test_one_tanker_serving_two_ships_in_turn() -> None:
    tanker = drifting(445000009, 10)
    first = drifting(412000001, 4, dlat=0.002)
    second = drifting(413000002, 4, dlat=-0.002, start=5.5)
    events = detect_encounters(segment(pl.concat([tanker, first, second])), empty_ports(), EventParams())
    assert events.height == 2
    for row in events.iter_rows(named=True):
        details = json.loads(row["details"])
        tanker_side = "partners" if row["mmsi"] == 445000009 else "other_partners"
        assert details[tanker_side] == 2


def test_satellite_silences_of_a_drifting_ship_are_bridged() -> None:
    # one side heard only every 100 minutes (satellite), the other every 6 minutes
    sparse = drifting(412000001, 6, dlat=0.002, interval=100)
    events = detect_encounters(
        segment(pl.concat([drifting(445000001, 6), sparse])), empty_ports(), EventParams()
    )
    assert events.height == 1
