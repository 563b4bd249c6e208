"""Identity history per MMSI and the changes in it."""

from __future__ import annotations

from datetime import timedelta

from tests.maritime.conftest import T0, statics

from chokepoint.maritime.identity import identity_changes, identity_history


def test_repaint_starts_a_new_identity_run() -> None:
    reports = statics(
        [
            {
                "mmsi": 445000001,
                "timestamp": T0,
                "imo": 7389704,
                "name": "RYE SONG GANG 1",
                "call_sign": "HMYG",
            },
            {"mmsi": 445000001, "timestamp": T0 + timedelta(hours=1), "length": 110.0, "width": 16.0},
            {
                "mmsi": 445000001,
                "timestamp": T0 + timedelta(days=3),
                "imo": 7389704,
                "name": "SONG HAE",
                "call_sign": "HMYG",
            },
        ]
    )
    history = identity_history(reports)
    assert history["name"].to_list() == ["RYE SONG GANG 1", "SONG HAE"]
    assert history["mid_flag"].to_list() == ["kp", "kp"]
    assert history["imo_valid"].all()
    assert history["length"].to_list()[0] == 110.0
    change = identity_changes(history).row(0, named=True)
    assert change["old_name"] == "RYE SONG GANG 1" and change["new_name"] == "SONG HAE"
    assert change["old_imo"] == change["new_imo"] == 7389704
