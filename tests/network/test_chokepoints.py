"""Chokepoints between DPRK seeds and banks on a generated registry."""

from __future__ import annotations

import numpy as np
import pytest
from followthemoney import EntityProxy, model

from chokepoint.network.chokepoints import NoPathsError, financial_targets, find_chokepoints, program_seeds
from chokepoint.network.frames import frames_from_entities
from chokepoint.network.generator import generate
from chokepoint.network.graph import build_graph


def test_greedy_picks_cut_channels_and_report_their_effect() -> None:
    graph = build_graph(generate(3_000, seed=2).to_frames())
    seeds = program_seeds(graph, "DPRK")
    assert seeds.size and all(graph.listed[seeds])
    assert all("bank" in graph.node_id(int(t)) for t in financial_targets(graph))
    report = find_chokepoints(graph, seeds, top=4)
    assert len(report.picks) == 4
    channels = [report.channels] + [p.channels_after for p in report.picks]
    assert channels == sorted(channels, reverse=True) and channels[-1] < channels[0]
    cuts = [report.min_cut] + [p.min_cut_after for p in report.picks]
    assert cuts[-1] < cuts[0]
    picked = {p.entity for p in report.picks}
    assert not picked & {graph.node_id(int(s)) for s in seeds}


def _link(schema: str, source: str, target: str) -> EntityProxy:
    entity = model.make_entity(schema)
    entity.id = f"{schema}-{source}-{target}"
    ends = {"Ownership": ("owner", "asset"), "Directorship": ("director", "organization")}
    subject, obj = ends.get(schema, ("subject", "object"))
    entity.add(subject, source)
    entity.add(obj, target)
    return entity


def test_the_holding_that_bridges_two_account_holders_is_the_first_pick() -> None:
    seed = model.make_entity("Company")
    seed.id = "kp-seed"
    seed.add("name", "Korea Seed Trading")
    seed.add("topics", "sanction")
    seed.add("programId", "DPRK3")
    bank = model.make_entity("Company")
    bank.id = "bank"
    bank.add("name", "Alpha Bank")
    entities = [
        seed,
        bank,
        _link("Ownership", "kp-seed", "holding"),
        _link("Ownership", "holding", "shell-a"),
        _link("Ownership", "holding", "shell-b"),
        _link("Directorship", "kp-seed", "front"),
        *(_link("UnknownLink", client, "bank") for client in ("shell-a", "shell-b", "front")),
    ]
    graph = build_graph(frames_from_entities(entities))
    report = find_chokepoints(graph, program_seeds(graph, "DPRK"), top=2)
    assert (report.channels, report.min_cut) == (3, 2)
    first, second = report.picks
    assert (first.entity, first.channels_after, first.articulation_point) == ("holding", 1, True)
    assert (second.entity, second.channels_after, second.min_cut_after) == ("front", 0, 0)


def test_no_targets_is_a_clear_error() -> None:
    graph = build_graph(generate(1_000, seed=5).to_frames())
    with pytest.raises(NoPathsError):
        find_chokepoints(graph, program_seeds(graph, "DPRK"), np.zeros(0, dtype=np.int64))
