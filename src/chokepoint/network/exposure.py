"""Exposure: the k strongest explainable paths from an entity to listed parties, and a score.

A path's strength is the product of its tie strengths (``relations.DEFAULT_STRENGTHS``: ownership
scaled by the stake's upper bound, a shared value by its specificity) times ``HOP_DECAY`` for every
edge after the first. Edge costs are ``-ln(strength) - ln(HOP_DECAY)``, so the cheapest path is the
strongest. The exposure score combines the k paths as independent pieces of evidence (noisy-or):
``1 - Π(1 - path strength)``; a listed entity has exposure 1.

The search is local: a bounded Dijkstra from the entity collects the neighbourhood within
``max_hops`` edges, never walking *through* a listed party (a path ends there) or through a hub with
more than ``max_hub_degree`` ties (a bank with a hundred thousand clients, a registered-agent
address, explains nothing); igraph's k-shortest-paths (Yen) then runs on that neighbourhood.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import asdict, dataclass, field
from typing import Any

import igraph
import numpy as np

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

    def _neighbourhood(self, start: int) -> tuple[dict[int, float], list[int]]:
        """Bounded Dijkstra: reached nodes with their cost, and the listed parties among them."""
        p, adj = self.params, self.adjacency
        best: dict[int, float] = {start: 0.0}
        hops: dict[int, int] = {start: 0}
        heap: list[tuple[float, int]] = [(0.0, start)]
        done: set[int] = set()
        found: list[int] = []
        give_up = math.inf
        while heap and len(done) < p.max_visited:
            cost, node = heapq.heappop(heap)
            if cost > give_up:
                break
            if node in done:
                continue
            done.add(node)
            if node != start and self.listed[node]:
                if not found:
                    give_up = cost - math.log(p.min_relative_strength)
                found.append(node)
                continue
            if hops[node] >= p.max_hops or (node != start and self.degree[node] > p.max_hub_degree):
                continue
            lo, hi = adj.indptr[node], adj.indptr[node + 1]
            neighbours = adj.neighbour[lo:hi]
            costs = cost + self.cost[adj.edge[lo:hi]]
            for other, other_cost in zip(neighbours.tolist(), costs.tolist(), strict=True):
                if other_cost < best.get(other, math.inf):
                    best[other] = other_cost
                    hops[other] = hops[node] + 1
                    heapq.heappush(heap, (other_cost, other))
        return {n: best[n] for n in done}, found

    def query(self, node_id: str, k: int = 5) -> Exposure:
        """The ``k`` strongest paths from ``node_id`` to listed parties and the exposure score."""
        start = self.graph.index(node_id)
        if self.listed[start]:
            return Exposure(node_id, listed=True, score=1.0)
        reached, found = self._neighbourhood(start)
        if not found:
            return Exposure(node_id, listed=False, score=0.0)
        paths = self._k_paths(start, list(reached), set(found), k)
        score = 1.0 - math.prod(1.0 - path.strength for path in paths)
        return Exposure(node_id, listed=False, score=score, paths=paths)

    def _k_paths(self, start: int, nodes: list[int], targets: set[int], k: int) -> list[ExposurePath]:
        adj = self.adjacency
        members = np.sort(np.array(nodes, dtype=np.int64))
        owner = np.repeat(members, adj.indptr[members + 1] - adj.indptr[members])
        slots = csr_ranges(adj.indptr, members)
        other = adj.neighbour[slots].astype(np.int64)
        # Arcs both ways, none out of a listed party: a path ends at the first listed party it meets.
        keep = np.isin(other, members) & ~self.listed[owner]
        owner, other, edge = owner[keep], other[keep], adj.edge[slots][keep]
        sink = members.shape[0]
        ends = np.searchsorted(members, np.array(sorted(targets), dtype=np.int64))
        arcs = np.column_stack(
            [
                np.concatenate([np.searchsorted(members, owner), ends]),
                np.concatenate([np.searchsorted(members, other), np.full(ends.shape[0], sink)]),
            ]
        )
        weights = np.concatenate([self.cost[edge], np.full(ends.shape[0], _SINK_COST)])
        sub = igraph.Graph(n=sink + 1, edges=arcs.tolist(), directed=True)
        source = int(np.searchsorted(members, start))
        found = sub.get_k_shortest_paths(
            source, to=sink, k=k, weights=weights.tolist(), mode="out", output="epath"
        )
        paths = []
        for epath in found:
            real = [e for e in epath if e < len(edge)]
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
