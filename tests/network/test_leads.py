"""Leads on generated registries: planted fronts and the owned network rank above ordinary firms."""

from __future__ import annotations

import numpy as np

from chokepoint.network.generator import generate
from chokepoint.network.graph import build_graph
from chokepoint.network.leads import rank_leads, score_leads


def test_planted_fronts_rank_among_the_leads_with_their_shared_value() -> None:
    registry = generate(20_000, seed=11)
    graph = build_graph(registry.to_frames())
    truth = registry.ground_truth()
    network, fronts = set(truth["network"]), set(truth["fronts"])
    score = score_leads(graph)
    top = [graph.node_id(i) for i in np.argsort(-score, kind="stable")[: len(network)]]
    precision = sum(node in network for node in top) / len(top)
    assert precision >= 0.8
    assert sum(node in fronts for node in top) >= 0.8 * len(fronts)
    assert not score[graph.listed].any() and not score[graph.is_value].any()


def test_each_lead_says_why() -> None:
    registry = generate(5_000, seed=4)
    graph = build_graph(registry.to_frames())
    front = next(lead for lead in rank_leads(graph, top=60) if lead.entity.startswith("cn-front"))
    reason = front.reasons[0]
    assert reason.kind == "shared" and reason.via is not None
    assert reason.via.startswith(("phone:", "address:"))
    assert reason.listed in registry.ground_truth()["seeds"]


def test_a_registered_agent_address_is_weak_evidence() -> None:
    registry = generate(20_000, seed=11)
    graph = build_graph(registry.to_frames())
    values = graph.nodes.filter(graph.nodes["is_value"]).sort("holders")
    assert values["specificity"][0] > values["specificity"][-1]
    assert values["holders"][-1] > 100  # the registered agent


def test_a_hub_tied_to_many_network_firms_ranks_below_a_front() -> None:
    registry = generate(20_000, seed=11)
    graph = build_graph(registry.to_frames())
    score = score_leads(graph)
    bank = max(score[graph.index(b)] for b in registry.ground_truth()["banks"])
    fronts = sorted(score[graph.index(f)] for f in registry.ground_truth()["fronts"])
    assert bank < fronts[len(fronts) // 2]
