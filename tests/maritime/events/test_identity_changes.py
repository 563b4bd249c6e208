"""Identity changes: repaints on one MMSI and a hull taking a new MMSI."""

from __future__ import annotations

import json
from datetime import timedelta

import polars as pl
from tests.maritime.conftest import T0, every, positions, statics

from chokepoint.maritime.events.identity_changes import detect_handovers, detect_renames, vessel_spans
from chokepoint.maritime.identity import identity_history
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.tracks import segment


def test_repaint_is_placed_where_the_ship_was() -> None:
    track = positions(445000001, [(h, 31.0, 124.0 + 0.01 * h, 8.0) for h in every(30, 72)])
    history = identity_history(
        statics(
            [
                {"mmsi": 445000001, "timestamp": T0, "imo": 7389704, "name": "RYE SONG GANG 1"},
                {
                    "mmsi": 445000001,
                    "timestamp": T0 + timedelta(hours=48),
                    "imo": 7389704,
                    "name": "SONG HAE",
                },
            ]
        )
    )
    found = detect_renames(history, segment(track))
    assert found.height == 1 and abs(found["lon"][0] - 124.48) < 0.02
    assert json.loads(found["details"][0])["changed"] == ["name"]


def test_handover_to_a_new_mmsi_with_the_same_hull() -> None:
    background = positions(412999999, [(h, 35.0, 122.0, 10.0) for h in every(60, 48)])
    old = positions(445000001, [(h, 31.0, 124.0 + 0.05 * h, 10.0) for h in every(10, 12)])
    new = positions(511000001, [(h, 31.0, 124.7 + 0.05 * h, 10.0) for h in every(10, 20, start=20)])
    hull = {"length": 110.0, "width": 16.0}
    history = identity_history(
        statics(
            [
                {"mmsi": 445000001, "timestamp": T0, "imo": 7389704, "name": "RYE SONG GANG 1", **hull},
                {
                    "mmsi": 511000001,
                    "timestamp": T0 + timedelta(hours=20),
                    "imo": 9030591,
                    "name": "YUK TUNG",
                    **hull,
                },
            ]
        )
    )
    spans = vessel_spans(segment(pl.concat([background, old, new])))
    found = detect_handovers(spans, history, EventParams())
    assert found.select("mmsi", "other_mmsi").row(0) == (445000001, 511000001)
    other_hull = history.with_columns(
        pl.when(pl.col("mmsi") == 511000001).then(200.0).otherwise(pl.col("length")).alias("length")
    )
    assert detect_handovers(spans, other_hull, EventParams()).is_empty()
