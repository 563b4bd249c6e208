"""Exposure: the k strongest explainable paths from an entity to listed parties, and a score.

A path's strength is the product of its tie strengths (``relations.DEFAULT_STRENGTHS``: ownership
scaled by the stake's upper bound, a shared value by its specificity) times ``HOP_DECAY`` for every
edge after the first. Edge costs are ``-ln(strength) - ln(HOP_DECAY)``, so the cheapest path is the
strongest. The exposure score combines the k paths as independent pieces of evidence (noisy-or):
``1 - Π(1 - path strength)``; a listed entity has exposure 1.

The search is local: a vectorised breadth-first search collects the neighbourhood within
``max_hops`` edges (at most ``max_visited`` nodes, strongest ties first), never walking *through* a
listed party (a path ends there) or through a hub with more than ``max_hub_degree`` ties (a bank
with a hundred thousand clients, a registered-agent address, explains nothing). Two Dijkstra runs
(igraph) keep the nodes on paths within ``min_relative_strength`` of the strongest, and igraph's
k-shortest-paths (Yen) runs on what is left.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

import igraph
import numpy as np
import numpy.typing as npt

from chokepoint.network.graph import OWNERSHIP, FloatArray, Graph, csr_ranges
from chokepoint.network.relations import EDGE_KINDS

HOP_DECAY = 0.5
"""Strength kept per additional edge on a path (project judgement: two steps away counts half)."""
MAX_HOPS = 6
"""Longest path searched, in edges (a shared value takes two: entity → value → entity)."""
MAX_HUB_DEGREE = 1_000
"""Nodes with more ties than this are path ends, never intermediate steps."""
MAX_VISITED = 5_000
"""Upper bound on the neighbourhood explored per query."""
MIN_RELATIVE_STRENGTH = 0.01
"""Paths weaker than this fraction of the strongest path found are not explored further."""
_SINK_COST = 1e-9


@dataclass(frozen=True)
class Step:
    """One edge of a path, in the direction walked, with what it is and where it was stated."""

    source: str
    target: str
    kind: str
    forward: bool  # True when walked in the edge's own direction (owner → asset)
    strength: float
    evidence: str
    stake: tuple[float, float] | None = None


@dataclass(frozen=True)
class ExposurePath:
    listed: str
    strength: float
    steps: list[Step]


@dataclass
class Exposure:
    entity: str
    listed: bool
    score: float
    paths: list[ExposurePath] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ExposureParams:
    hop_decay: float = HOP_DECAY
    max_hops: int = MAX_HOPS
    max_hub_degree: int = MAX_HUB_DEGREE
    max_visited: int = MAX_VISITED
    min_relative_strength: float = MIN_RELATIVE_STRENGTH
    strengths: dict[str, float] | None = None


class ExposureIndex:
    """Per-graph arrays for exposure queries (edge costs, degrees); build once, query many times."""

    def __init__(self, graph: Graph, params: ExposureParams | None = None) -> None:
        self.graph = graph
        self.params = params or ExposureParams()
        self.adjacency = graph.adjacency()
        self.strength: FloatArray = np.clip(graph.strengths(self.params.strengths), 1e-6, 1.0)
        self.cost: FloatArray = -np.log(self.strength) - math.log(self.params.hop_decay)
        self.listed = graph.listed
        self.degree = graph.degree()

    def _neighbourhood(self, start: int) -> npt.NDArray[np.int64]:
        """Nodes within ``max_hops`` edges (breadth-first, vectorised), strongest ties first at the cap."""
        p, adj = self.params, self.adjacency
        seen = np.zeros(self.graph.node_count, dtype=np.bool_)
        seen[start] = True
        levels = [np.array([start], dtype=np.int64)]
        total = 1
        frontier = levels[0]
        for _ in range(p.max_hops):
            expand = frontier[
                (frontier == start) | (~self.listed[frontier] & (self.degree[frontier] <= p.max_hub_degree))
            ]
            slots = csr_ranges(adj.indptr, expand)
            slots = slots[np.argsort(self.cost[adj.edge[slots]], kind="stable")]
            others = adj.neighbour[slots].astype(np.int64)
            others = others[~seen[others]]
            _, first = np.unique(others, return_index=True)
            fresh = others[np.sort(first)][: p.max_visited - total]
            if fresh.size == 0:
                break
            seen[fresh] = True
            levels.append(fresh)
            total += fresh.size
            frontier = fresh
        return np.concatenate(levels)

    def query(self, node_id: str, k: int = 5) -> Exposure:
        """The ``k`` strongest paths from ``node_id`` to listed parties and the exposure score."""
        start = self.graph.index(node_id)
        if self.listed[start]:
            return Exposure(node_id, listed=True, score=1.0)
        members = np.sort(self._neighbourhood(start))
        if not self.listed[members].any():
            return Exposure(node_id, listed=False, score=0.0)
        paths = self._k_paths(start, members, k)
        score = 1.0 - math.prod(1.0 - path.strength for path in paths)
        return Exposure(node_id, listed=False, score=score, paths=paths)

    def _k_paths(self, start: int, members: npt.NDArray[np.int64], k: int) -> list[ExposurePath]:
        adj = self.adjacency
        owner = np.repeat(members, adj.indptr[members + 1] - adj.indptr[members])
        slots = csr_ranges(adj.indptr, members)
        other = adj.neighbour[slots].astype(np.int64)
        # Arcs both ways, none out of a listed party (a path ends at the first listed party it meets),
        # none touching an unlisted hub (it is never a step of a path).
        hub = (self.degree > self.params.max_hub_degree) & ~self.listed
        hub[start] = False
        keep = np.isin(other, members) & ~self.listed[owner] & ~hub[owner] & ~hub[other]
        owner, other, edge = owner[keep], other[keep], adj.edge[slots][keep]
        sink = members.shape[0]
        ends = np.flatnonzero(self.listed[members])
        arcs = np.column_stack(
            [
                np.concatenate([np.searchsorted(members, owner), ends]),
                np.concatenate([np.searchsorted(members, other), np.full(ends.shape[0], sink)]),
            ]
        )
        weights = np.concatenate([self.cost[edge], np.full(ends.shape[0], _SINK_COST)])
        sub = igraph.Graph(n=sink + 1, edges=arcs.tolist(), directed=True)
        source = int(np.searchsorted(members, start))
        # Keep only nodes on paths within min_relative_strength of the strongest one (two Dijkstras).
        ahead = np.array(sub.distances(source=[source], weights=weights, mode="out")[0])
        behind = np.array(sub.distances(source=[sink], weights=weights, mode="in")[0])
        best = ahead[sink]
        if not np.isfinite(best):
            return []
        useful = ahead + behind <= best - math.log(self.params.min_relative_strength)
        kept = np.flatnonzero(useful[arcs[:, 0]] & useful[arcs[:, 1]])
        renumber = np.cumsum(useful) - 1
        pruned = igraph.Graph(n=int(useful.sum()), edges=renumber[arcs[kept]].tolist(), directed=True)
        found = pruned.get_k_shortest_paths(
            int(renumber[source]),
            to=int(renumber[sink]),
            k=k,
            weights=weights[kept].tolist(),
            mode="out",
            output="epath",
        )
        paths = []
        for epath in found:
            real = [int(kept[e]) for e in epath if kept[e] < edge.shape[0]]
            if real:
                paths.append(self._explain(start, [int(edge[e]) for e in real]))
        return paths

    def _explain(self, start: int, edges: list[int]) -> ExposurePath:
        g = self.graph
        steps: list[Step] = []
        current = start
        strength = 1.0
        for position, e in enumerate(edges):
            forward = int(g.src[e]) == current
            nxt = int(g.dst[e]) if forward else int(g.src[e])
            kind = EDGE_KINDS[int(g.kind[e])]
            stake = (float(g.pct_min[e]), float(g.pct_max[e])) if int(g.kind[e]) == OWNERSHIP else None
            tie = float(self.strength[e])
            strength *= tie * (self.params.hop_decay if position else 1.0)
            steps.append(
                Step(g.node_id(current), g.node_id(nxt), kind, forward, tie, str(g.evidence[e]), stake)
            )
            current = nxt
        return ExposurePath(listed=g.node_id(current), strength=strength, steps=steps)
