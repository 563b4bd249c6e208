"""Dark rendezvous: space-time prisms of two silent vessels."""

from __future__ import annotations

import polars as pl
from tests.maritime.conftest import positions

from chokepoint.maritime.events.gaps import detect_gaps
from chokepoint.maritime.events.rendezvous import best_meeting, detect_rendezvous
from chokepoint.maritime.geo import KNOT_MPS
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.tracks import segment
from chokepoint.maritime.zones import empty_ports

H = 3600.0


def gap(t0: float, t1: float, a: tuple[float, float], b: tuple[float, float]) -> dict[str, float]:
    return {"t_start": t0 * H, "t_end": t1 * H, "lat": a[0], "lon": a[1], "lat_next": b[0], "lon_next": b[1]}


def test_vessels_converging_on_one_point_could_meet_for_hours() -> None:
    # both 1 degree (60 nm) from (31.5, 125.0), silent for 16 h, at most 12 kn: 5 h each way
    a = gap(0, 16, (32.5, 125.0), (32.5, 125.0))
    b = gap(1, 17, (30.5, 125.0), (30.5, 125.0))
    hours, lat, lon, t_from, t_to = best_meeting(a, b, 12 * KNOT_MPS)
    assert hours > 4 and abs(lat - 31.5) < 0.2 and abs(lon - 125.0) < 0.2
    assert t_from >= 5 * H and t_to <= 12 * H


def test_prisms_too_far_apart_never_meet() -> None:
    a = gap(0, 10, (32.5, 125.0), (32.5, 125.0))
    b = gap(0, 10, (28.5, 125.0), (28.5, 125.0))  # 240 nm apart, 120 nm reach each
    assert best_meeting(a, b, 12 * KNOT_MPS)[0] <= 0


def test_detected_from_gap_events() -> None:
    params = EventParams()
    one = positions(445000001, [(0, 32.5, 125.0, 10.0), (16, 32.5, 125.1, 10.0)])
    two = positions(412000001, [(1, 30.5, 125.0, 10.0), (17, 30.5, 125.1, 10.0)])
    gaps = detect_gaps(segment(pl.concat([one, two])), empty_ports(), params)
    assert gaps.height == 2
    found = detect_rendezvous(gaps, params)
    assert found.height == 1 and {found["mmsi"][0], found["other_mmsi"][0]} == {445000001, 412000001}
