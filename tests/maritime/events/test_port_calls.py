"""DPRK port calls, seen and inferred from a silence heading into port."""

from __future__ import annotations

import json

import polars as pl
from tests.maritime.conftest import every, positions

from chokepoint.maritime.events.port_calls import detect_dark_port_calls, detect_port_calls
from chokepoint.maritime.params import EventParams
from chokepoint.maritime.tracks import segment


def test_visible_call_at_nampo(ports: pl.DataFrame) -> None:
    alongside = positions(445000001, [(h, 38.735, 125.39, 0.0) for h in every(10, 20)])
    events = detect_port_calls(segment(alongside), ports, EventParams())
    assert events["port"].to_list() == ["Nampo"]


def test_dark_call_heading_into_wonsan(ports: pl.DataFrame) -> None:
    # sailing west at 10 kn towards Wonsan (39.158 N, 127.441 E), silent 20 h, back out the same way
    inbound = [(h, 39.16, 128.3 - 0.2 * h, 10.0) for h in (0.0, 0.5, 1.0)]
    outbound = [(21.0, 39.16, 128.1, 10.0), (21.5, 39.16, 128.2, 10.0)]
    frame = positions(412000001, inbound + outbound).with_columns(pl.lit(270.0, pl.Float32).alias("cog"))
    events = detect_dark_port_calls(segment(frame), ports, EventParams())
    assert events["port"].to_list() == ["Wonsan"]
    details = json.loads(events["details"][0])
    assert details["heading_offset_deg"] < 10 and details["spare_hours"] > 0
    assert "Wonsan" not in details["other_ports"]


def test_a_silence_too_short_for_a_call_or_heading_away_is_not_one(ports: pl.DataFrame) -> None:
    params = EventParams()
    short = positions(412000001, [(0, 39.16, 128.3, 10.0), (5, 39.16, 128.2, 10.0)])
    away = positions(412000002, [(0, 39.16, 128.3, 10.0), (20, 39.16, 128.4, 10.0)]).with_columns(
        pl.lit(90.0, pl.Float32).alias("cog")
    )
    assert detect_dark_port_calls(segment(pl.concat([short, away])), ports, params).is_empty()
