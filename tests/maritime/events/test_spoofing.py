"""Spoofing findings: shared MMSI, impossible jumps, invalid MID and IMO."""

from __future__ import annotations

import json

import polars as pl
from tests.maritime.conftest import T0, every, positions, statics

from chokepoint.maritime.events.identity_changes import vessel_spans
from chokepoint.maritime.events.spoofing import detect_identity_anomalies, detect_segment_anomalies
from chokepoint.maritime.identity import identity_history
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.tracks import segment


def kinds(events: pl.DataFrame) -> list[str]:
    return sorted(json.loads(d)["kind"] for d in events["details"])


def test_shared_mmsi_and_a_teleport() -> None:
    west = [(h, 36.0, 123.0 + 0.02 * h, 10.0) for h in every(10, 10)]
    east = [(h + 0.05, 38.0, 131.0 + 0.02 * h, 10.0) for h in every(10, 10)]
    jumper = [(h, 30.0, 124.0 + 0.02 * h, 10.0) for h in every(10, 10)] + [(5.01, 34.0, 121.0, 10.0)]
    tracks = segment(pl.concat([positions(412000001, west + east), positions(413000001, jumper)]))
    found = detect_segment_anomalies(tracks, EventParams())
    assert kinds(found) == ["duplicate_mmsi", "impossible_speed"]


def test_invalid_imo_and_unallocated_mid() -> None:
    history = identity_history(
        statics(
            [
                {"mmsi": 200000001, "timestamp": T0, "name": "NOBODY"},
                {"mmsi": 412000001, "timestamp": T0, "imo": 9074728, "name": "BAD CHECK"},
            ]
        )
    )
    tracks = segment(
        pl.concat([positions(200000001, [(0, 30, 124, 1)]), positions(412000001, [(0, 31, 124, 1)])])
    )
    assert kinds(detect_identity_anomalies(history, vessel_spans(tracks))) == ["invalid_imo", "invalid_mid"]
