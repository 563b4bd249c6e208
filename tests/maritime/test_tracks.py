"""Segmentation: two hulls on one MMSI become two segments; noise never splits a track."""

from __future__ import annotations

import polars as pl
from tests.maritime.conftest import every, positions

from chokepoint.maritime.tracks import segment


def test_two_hulls_sharing_an_mmsi_become_two_segments() -> None:
    # one hull in the Yellow Sea, one 600 km away in the East Sea, reporting alternately
    west = [(h, 36.0 + 0.01 * h, 123.0, 10.0) for h in every(10, 6)]
    east = [(h + 0.05, 38.0 + 0.01 * h, 131.0, 10.0) for h in every(10, 6)]
    tracks = segment(positions(412000001, west + east))
    assert tracks["segment"].n_unique() == 2
    per_segment = tracks.group_by("segment").agg(pl.col("lon").n_unique().alias("n"), pl.col("lon").first())
    assert per_segment["n"].to_list() == [1, 1] and sorted(per_segment["lon"].to_list()) == [123.0, 131.0]


def test_gps_noise_and_plausible_voyages_stay_one_segment() -> None:
    points = [
        (h, 36.0 + 0.03 * h + (0.001 if k % 2 else 0.0), 123.0, 11.0) for k, h in enumerate(every(5, 12))
    ]
    tracks = segment(positions(412000002, points))
    assert tracks["segment"].n_unique() == 1 and tracks.height == len(points)


def test_untimed_positions_are_left_out() -> None:
    frame = positions(412000003, [(0, 36.0, 123.0, 1.0), (1, 36.0, 123.0, 1.0)])
    frame = frame.with_columns(
        pl.when(pl.col("lat") > 0).then(None).otherwise(pl.col("timestamp")).alias("timestamp")
    )
    assert segment(frame).is_empty()
