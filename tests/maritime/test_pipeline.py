"""The whole pipeline on a generated scenario: the planted evasion is found, little else is."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from chokepoint.maritime.evaluate import score
from chokepoint.maritime.events import EVENT_SCHEMA, EVENT_TYPES
from chokepoint.maritime.evidence import event_evidence
from chokepoint.maritime.generator import Scenario
from chokepoint.maritime.ingest import read_ais
from chokepoint.maritime.pipeline import detect_events
from chokepoint.maritime.zones import east_asia_anchorages


def test_planted_events_are_found(scenario: Scenario, ports: pl.DataFrame) -> None:
    events = detect_events(scenario.positions, scenario.statics, ports, east_asia_anchorages())
    assert events.schema == pl.Schema(EVENT_SCHEMA)
    assert set(events["type"]) <= set(EVENT_TYPES)
    assert events["event_id"].is_unique().all()
    scores = {s.family: s for s in score(scenario.truth, events)}
    for family in ("sts_transfer", "dprk_port_call", "identity_swap"):
        assert scores[family].recall >= 0.95, scores[family]
        assert scores[family].precision >= 0.9, scores[family]
    assert scores["dark_rendezvous"].recall >= 0.6


def test_every_event_has_evidence_positions(scenario: Scenario, ports: pl.DataFrame) -> None:
    events = detect_events(scenario.positions, scenario.statics, ports, east_asia_anchorages())
    located = events.filter(pl.col("type").is_in(["encounter", "gap", "port_call", "loitering"]))
    evidence = event_evidence(located, scenario.positions)
    assert set(evidence["event_id"]) == set(located["event_id"])
    encounter = located.filter(pl.col("type") == "encounter").row(0, named=True)
    both = evidence.filter(pl.col("event_id") == encounter["event_id"])["mmsi"].unique().sort().to_list()
    assert both == sorted([encounter["mmsi"], encounter["other_mmsi"]])


def test_same_seed_same_scenario(ports: pl.DataFrame) -> None:
    from chokepoint.maritime.generator import generate

    a = generate(
        3, ports, background=5, days=3.0, sts=1, dark_sts=1, port_calls=1, identity_swaps=1, spoofing=1
    )
    b = generate(
        3, ports, background=5, days=3.0, sts=1, dark_sts=1, port_calls=1, identity_swaps=1, spoofing=1
    )
    assert a.positions.equals(b.positions) and a.truth.equals(b.truth)


def test_real_marinecadastre_snapshot_flags_bad_identities(shared_data: Path, ports: pl.DataFrame) -> None:
    """US inland vessels often carry a USCG documentation number in the IMO field; MID 365 is unallocated."""
    frames = read_ais(shared_data / "ais" / "aisdb_test_data_noaa_20230101.csv")
    events = detect_events(frames.positions, frames.statics, ports, east_asia_anchorages())
    spoofing = events.filter(pl.col("type") == "spoofing")
    kinds = {(row["mmsi"], json.loads(row["details"])["kind"]) for row in spoofing.iter_rows(named=True)}
    assert (338894000, "invalid_imo") in kinds  # WEEKS 3302 BOOSTER, "IMO" 1192494
    assert (365973420, "invalid_mid") in kinds
    assert not events.filter(pl.col("type") == "identity_change").height  # a snapshot has no tracks
