"""The risk model: features, weights and reasons."""

from __future__ import annotations

from chokepoint.maritime.risk import FEATURES, VesselProfile, risk_score


def test_an_ordinary_vessel_scores_zero_with_no_reasons() -> None:
    assert risk_score(VesselProfile(mmsi=412000001, mid_flag="cn")) == {"score": 0.0, "reasons": []}


def test_reasons_add_up_as_independent_evidence() -> None:
    profile = VesselProfile(
        mmsi=445000001,
        mid_flag="kp",
        events=[{"type": "dark_port_call"}, {"type": "gap", "hours": 36.0}],
    )
    result = risk_score(profile)
    names = [r["feature"] for r in result["reasons"]]
    assert names == ["dprk_port_calls", "dprk_flag", "dark_time"]
    expected = 1 - (1 - 0.7 * 0.8) * (1 - 0.5) * (1 - 0.3 * 0.5)
    assert abs(result["score"] - round(expected, 3)) < 1e-9
    assert all(f.func.__doc__ for f in FEATURES)
