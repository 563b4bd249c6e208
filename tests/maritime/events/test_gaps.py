"""AIS gaps: GFW's 12 h global rule and the tighter regional rules."""

from __future__ import annotations

import json

import polars as pl
from tests.maritime.conftest import positions

from chokepoint.maritime.events.gaps import detect_gaps
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.tracks import segment
from chokepoint.maritime.zones import empty_ports


def test_four_hours_dark_is_a_gap_near_dprk_but_not_in_the_pacific() -> None:
    near_nampo = positions(445000001, [(0, 38.6, 124.8, 8.0), (4, 38.9, 124.9, 8.0)])
    pacific = positions(412000001, [(0, 20.0, 150.0, 8.0), (4, 20.3, 150.1, 8.0)])
    events = detect_gaps(segment(pl.concat([near_nampo, pacific])), empty_ports(), EventParams())
    assert events["mmsi"].to_list() == [445000001]
    details = json.loads(events["details"][0])
    assert details["region"] == "dprk_west_approaches" and details["threshold_hours"] == 2.0


def test_global_rule_is_twelve_hours_and_overridable() -> None:
    pacific = segment(positions(412000001, [(0, 20.0, 150.0, 8.0), (13, 21.0, 151.0, 8.0)]))
    assert detect_gaps(pacific, empty_ports(), EventParams()).height == 1
    assert detect_gaps(pacific, empty_ports(), EventParams(gap_min_hours=24)).is_empty()


def test_shore_rule_applies_when_shore_distance_is_known() -> None:
    frame = positions(412000001, [(0, 20.0, 150.0, 8.0), (13, 21.0, 151.0, 8.0)]).with_columns(
        pl.Series("shore_nm", [30.0, 80.0])
    )
    assert detect_gaps(segment(frame), empty_ports(), EventParams()).is_empty()
