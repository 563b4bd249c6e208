"""Exposure paths: explainable steps to listed parties, strongest first."""

from __future__ import annotations

import pytest

from chokepoint.network.exposure import ExposureIndex
from chokepoint.network.generator import generate
from chokepoint.network.graph import build_graph


@pytest.fixture(scope="module")
def index() -> ExposureIndex:
    return ExposureIndex(build_graph(generate(3_000, seed=2).to_frames()))


def test_a_front_is_exposed_through_the_phone_it_shares(index: ExposureIndex) -> None:
    exposure = index.query("cn-front-0", k=3)
    best = exposure.paths[0]
    assert [step.kind for step in best.steps] == ["shared_value", "shared_value"]
    assert best.steps[0].target.startswith(("phone:", "address:"))
    assert index.graph.describe(index.graph.index(best.listed))["listed"]
    assert 0 < exposure.score <= 1


def test_paths_are_ordered_and_end_at_their_first_listed_party(index: ExposureIndex) -> None:
    exposure = index.query("hk-shell-10", k=5)
    strengths = [path.strength for path in exposure.paths]
    assert strengths == sorted(strengths, reverse=True)
    listed = index.graph.listed
    for path in exposure.paths:
        visited = [index.graph.index(step.target) for step in path.steps]
        assert [listed[v] for v in visited] == [False] * (len(visited) - 1) + [True]


def test_an_ownership_step_carries_its_stake_and_evidence(index: ExposureIndex) -> None:
    step = index.query("cn-trading-3", k=1).paths[0].steps[0]
    assert step.kind in {"ownership", "directorship"}
    assert step.evidence.startswith("synthetic")
    if step.kind == "ownership":
        assert step.stake is not None and not step.forward  # walked from the asset up to its owner


def test_listed_parties_have_full_exposure(index: ExposureIndex) -> None:
    exposure = index.query("kp-firm-0")
    assert exposure.listed and exposure.score == 1.0 and exposure.paths == []


def test_more_hops_mean_less_exposure(index: ExposureIndex) -> None:
    direct = index.query("cn-trading-3", k=1).paths[0]
    indirect = index.query("hk-shell-10", k=1).paths[0]
    assert len(indirect.steps) > len(direct.steps)
    assert indirect.strength < direct.strength


def test_path_strength_multiplies_ties_and_decays_per_hop() -> None:
    from followthemoney import model

    from chokepoint.network.exposure import HOP_DECAY
    from chokepoint.network.frames import frames_from_entities

    listed = model.make_entity("Company")
    listed.id = "kp-listed"
    listed.add("topics", "sanction")
    stake = model.make_entity("Ownership")
    stake.id = "own-1"
    stake.add("owner", "kp-listed")
    stake.add("asset", "holding")
    stake.add("percentage", "60%")
    board = model.make_entity("Directorship")
    board.id = "dir-1"
    board.add("director", "holding")
    board.add("organization", "client")
    index = ExposureIndex(build_graph(frames_from_entities([listed, stake, board])))
    exposure = index.query("client", k=5)
    (path,) = exposure.paths
    assert [(s.source, s.kind, s.target, s.forward) for s in path.steps] == [
        ("client", "directorship", "holding", False),
        ("holding", "ownership", "kp-listed", False),
    ]
    assert path.steps[1].stake == (60.0, 60.0) and path.steps[1].evidence == "own-1"
    assert path.strength == pytest.approx(0.8 * 0.6 * HOP_DECAY)
    assert exposure.score == pytest.approx(path.strength)
