"""Leads: unlisted entities ranked by their ties to listed parties, with the reasons.

This is the seed-and-expand method C4ADS used on Dandong Hongxiang: start from the designated
parties and look at who shares their officers, owners, phones and addresses. Two kinds of tie:

- *direct*: a relationship edge with a listed party (owner, director, control, family, …); its
  strength is the edge's tie strength (``relations.DEFAULT_STRENGTHS``, stakes scaled);
- *shared*: an intermediate node (a shared value, or an unlisted officer or owner) tied to both;
  ``strength(u, m) × strength(m, listed) × specificity(m)``, where the specificity is the IDF of
  the intermediate's degree, so a nominee director on four hundred boards or a registered-agent
  address shared by thousands counts for little.

A lead's score combines its ties as independent evidence (noisy-or, ``1 - Π(1 - tie)``), damped by
the specificity of the lead's own degree (a bank with a hundred thousand clients is tied to every
network and explains none). Computed for every node at once with NumPy; reasons are assembled only
for the leads returned.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from chokepoint.network.graph import SHARED_VALUE, FloatArray, Graph
from chokepoint.network.relations import EDGE_KINDS
from chokepoint.network.values import specificity

MAX_TIE = 0.99
"""Cap per tie so one certain-looking tie does not make the score exactly 1."""
MAX_REASONS = 5


@dataclass(frozen=True)
class Reason:
    kind: str  # "direct" or "shared"
    listed: str
    via: str | None
    edge_kinds: tuple[str, ...]
    strength: float


@dataclass
class Lead:
    entity: str
    caption: str | None
    schema: str
    score: float
    reasons: list[Reason] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _base_strengths(graph: Graph, strengths: dict[str, float] | None) -> FloatArray:
    """Tie strength per edge, shared-value edges at their base strength (specificity applied at the value)."""
    base = graph.strengths(strengths)
    shared = graph.kind == SHARED_VALUE
    spec = graph.nodes["specificity"].to_numpy()[graph.dst[shared]]
    base[shared] = np.where(spec > 0, base[shared] / np.maximum(spec, 1e-12), 0.0)
    return base


def _specificity(graph: Graph) -> FloatArray:
    """IDF of each node's degree: how telling a tie through (or to) this node is."""
    spec: FloatArray = specificity(graph.degree(), int((~graph.is_value).sum()))
    return spec


def score_leads(graph: Graph, strengths: dict[str, float] | None = None) -> FloatArray:
    """The lead score of every node (0 for listed parties and value nodes)."""
    base = _base_strengths(graph, strengths)
    a = np.concatenate([graph.src, graph.dst]).astype(np.int64)
    b = np.concatenate([graph.dst, graph.src]).astype(np.int64)
    strength = np.concatenate([base, base])
    listed = graph.listed
    candidate = ~listed & ~graph.is_value
    spec = _specificity(graph)
    best = np.zeros(graph.node_count)  # each intermediate's strongest tie to a listed party
    to_listed = listed[b] & ~listed[a]
    np.maximum.at(best, a[to_listed], strength[to_listed])
    log_keep = np.zeros(graph.node_count)
    direct = candidate[a] & listed[b]
    np.add.at(log_keep, a[direct], np.log1p(-np.minimum(strength[direct], MAX_TIE)))
    via = candidate[a] & ~listed[b] & (best[b] > 0)
    tie = strength[via] * best[b[via]] * spec[b[via]]
    np.add.at(log_keep, a[via], np.log1p(-np.minimum(tie, MAX_TIE)))
    # Hub damping: a candidate tied to everything (a bank, a registered agent) says little.
    score: FloatArray = np.where(candidate, -np.expm1(log_keep) * spec, 0.0)
    return score


def _reasons(graph: Graph, node: int, base: FloatArray, spec: FloatArray) -> list[Reason]:
    listed = graph.listed
    adj = graph.adjacency()
    found: list[Reason] = []
    for slot in range(int(adj.indptr[node]), int(adj.indptr[node + 1])):
        other, edge = int(adj.neighbour[slot]), int(adj.edge[slot])
        kind = EDGE_KINDS[int(graph.kind[edge])]
        if listed[other]:
            found.append(
                Reason("direct", graph.node_id(other), None, (kind,), float(min(base[edge], MAX_TIE)))
            )
            continue
        for far_slot in range(int(adj.indptr[other]), int(adj.indptr[other + 1])):
            far, far_edge = int(adj.neighbour[far_slot]), int(adj.edge[far_slot])
            strength = float(base[edge] * base[far_edge] * spec[other])
            if far != node and listed[far] and strength > 0:
                second = EDGE_KINDS[int(graph.kind[far_edge])]
                found.append(
                    Reason("shared", graph.node_id(far), graph.node_id(other), (kind, second), strength)
                )
    found.sort(key=lambda r: -r.strength)
    return found[:MAX_REASONS]


def rank_leads(graph: Graph, top: int = 20, strengths: dict[str, float] | None = None) -> list[Lead]:
    """The ``top`` unlisted entities most tied to listed parties, each with its strongest reasons."""
    score = score_leads(graph, strengths)
    order = np.argsort(-score, kind="stable")[:top]
    order = order[score[order] > 0]
    base = _base_strengths(graph, strengths)
    spec = _specificity(graph)
    leads = []
    for node in order.tolist():
        info = graph.describe(node)
        leads.append(
            Lead(
                info["id"],
                info["caption"],
                info["schema"],
                float(score[node]),
                _reasons(graph, node, base, spec),
            )
        )
    return leads
