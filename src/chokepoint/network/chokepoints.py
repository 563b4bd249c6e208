"""Chokepoints: the few nodes whose designation cuts the most paths from seeds to targets.

Seeds are listed parties of a programme (``DPRK`` matches DPRK, DPRK2, DPRK3, DPRK4 and
DPRK-NKSPEA); targets default to the financial system (entities whose name says bank, banco,
banque or 银行), or any ids the caller gives. Only relationship edges carry a path (ownership,
directorship, control, accounts, …); shared phones and addresses are evidence, not channels.

A path from a seed reaches the financial system through a *channel*: an entity tied directly to a
target (an account holder). Paths may not run *through* a target (a bank links all its clients, but
it does not make them one network).

1. The relevant subgraph: nodes on some seed → channel → target path of at most ``max_hops`` edges,
   hubs above ``max_hub_degree`` excluded as intermediaries. The seeds are contracted into one
   super-seed (they are designated already; a cut must be made of other nodes).
2. Candidates: the nodes of highest seed → channel betweenness (igraph, shortest paths from seeds
   to channels only; a channel also counts one for itself), and whether each is an articulation
   point of the subgraph.
3. Greedy vertex cut (the greedy heuristic for the NP-hard critical-node problem, Arulselvan et al.
   2009): repeatedly designate the candidate whose removal leaves the seeds the fewest reachable
   channels. Each pick reports its effect: channels reachable before and after, and the minimum
   number of further designations that would cut every seed from every target (vertex
   connectivity between a super-seed and a super-target, by Menger's theorem = vertex-disjoint paths).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

import igraph
import numpy as np
import numpy.typing as npt

from chokepoint.errors import ChokepointError
from chokepoint.network.graph import SHARED_VALUE, Graph

FINANCIAL_NAME = re.compile(r"\b(bank|banco|banque|banca|bancorp)\b|银行", re.IGNORECASE)
"""Names that place an entity in the financial system (the default target set)."""
MAX_HOPS = 6
MAX_HUB_DEGREE = 5_000
CANDIDATES = 40


class NoPathsError(ChokepointError):
    """No seeds, no targets, or no path between them: there is nothing to cut."""


@dataclass(frozen=True)
class Pick:
    entity: str
    caption: str | None
    betweenness: float
    articulation_point: bool
    channels_before: int
    channels_after: int
    min_cut_before: int
    min_cut_after: int


@dataclass
class ChokepointReport:
    seeds: int
    targets: int
    relevant_nodes: int
    channels: int
    min_cut: int
    picks: list[Pick] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def program_seeds(graph: Graph, program: str) -> npt.NDArray[np.int64]:
    """Listed nodes with a programme code starting with any of the comma-separated ``program`` codes."""
    prefixes = tuple(p.strip().upper() for p in program.split(",") if p.strip())
    codes = graph.nodes["programs"].fill_null("").to_list()
    listed = graph.listed
    hits = [
        i
        for i, text in enumerate(codes)
        if listed[i] and any(c.upper().startswith(prefixes) for c in text.split(";") if c)
    ]
    return np.array(hits, dtype=np.int64)


def financial_targets(graph: Graph) -> npt.NDArray[np.int64]:
    """Entity nodes whose caption names a bank."""
    captions = graph.nodes["caption"].fill_null("").to_list()
    is_value = graph.is_value
    return np.array(
        [i for i, c in enumerate(captions) if not is_value[i] and FINANCIAL_NAME.search(c)], dtype=np.int64
    )


@dataclass(frozen=True)
class _Subgraph:
    graph: igraph.Graph  # relevant nodes, then the super-seed and the super-target
    nodes: npt.NDArray[np.int64]  # graph node index of each local node
    holder: npt.NDArray[np.bool_]
    source: int
    sink: int


def _without(sub: _Subgraph, removed: list[int]) -> igraph.Graph:
    g = sub.graph.copy()
    g.delete_edges([e for v in removed for e in g.incident(v)])
    return g


def _channels(sub: _Subgraph, removed: list[int]) -> int:
    """Channels (account holders) the seeds still reach once ``removed`` are designated."""
    g = _without(sub, removed)
    g.delete_edges(g.incident(sub.sink))
    reached = g.subcomponent(sub.source)
    return int(sub.holder[[v for v in reached if v < sub.nodes.shape[0]]].sum())


def _min_cut(sub: _Subgraph, removed: list[int]) -> int:
    """Fewest further designations that separate every seed from every target."""
    g = _without(sub, removed)
    return int(g.vertex_connectivity(source=sub.source, target=sub.sink, checks=False, neighbors="ignore"))


def _relevant(
    graph: Graph,
    seeds: npt.NDArray[np.int64],
    targets: npt.NDArray[np.int64],
    max_hops: int,
    max_hub_degree: int,
) -> _Subgraph:
    n = graph.node_count
    channel = graph.kind != SHARED_VALUE
    src, dst = graph.src[channel].astype(np.int64), graph.dst[channel].astype(np.int64)
    is_target = np.zeros(n, dtype=np.bool_)
    is_target[targets] = True
    holder = np.zeros(n, dtype=np.bool_)
    holder[src[is_target[dst]]] = True
    holder[dst[is_target[src]]] = True
    holder &= ~is_target
    inner = ~is_target[src] & ~is_target[dst]
    source, sink = n, n + 1
    # Seeds are contracted into the super-seed: they are designated already and cannot be cut.
    is_seed = np.zeros(n, dtype=np.bool_)
    is_seed[seeds] = True
    src, dst = np.where(is_seed[src], source, src), np.where(is_seed[dst], source, dst)
    holders = np.flatnonzero(holder)
    edges = np.concatenate(
        [
            np.column_stack([src[inner], dst[inner]]),
            np.column_stack([holders, np.full(holders.shape[0], sink)]),
        ]
    )
    full = igraph.Graph(n=n + 2, edges=edges.tolist())
    dist = np.array(full.distances(source=[source, sink]), dtype=np.float64)
    degree = np.array(full.degree())
    relevant = np.flatnonzero(
        (dist[0, :n] + dist[1, :n] <= max_hops) & ~is_seed & (holder | (degree[:n] <= max_hub_degree))
    )
    if relevant.size == 0:
        raise NoPathsError(f"no path of at most {max_hops} edges from the seeds to the targets")
    local = np.concatenate([relevant, [source, sink]])
    sub = full.induced_subgraph(local.tolist())
    return _Subgraph(sub, relevant, holder[relevant], relevant.shape[0], relevant.shape[0] + 1)


def find_chokepoints(
    graph: Graph,
    seeds: npt.NDArray[np.int64],
    targets: npt.NDArray[np.int64] | None = None,
    top: int = 10,
    max_hops: int = MAX_HOPS,
    max_hub_degree: int = MAX_HUB_DEGREE,
    candidates: int = CANDIDATES,
) -> ChokepointReport:
    """Greedy designation order that cuts ``seeds`` off from ``targets`` fastest (see module doc)."""
    targets = financial_targets(graph) if targets is None else targets
    if seeds.size == 0 or targets.size == 0:
        raise NoPathsError(f"nothing to cut: {seeds.size} seed(s) and {targets.size} target(s)")
    sub = _relevant(graph, seeds, targets, max_hops, max_hub_degree)
    size = sub.nodes.shape[0]
    holders = np.flatnonzero(sub.holder).tolist()
    between = np.array(sub.graph.betweenness(directed=False, sources=[sub.source], targets=holders))[:size]
    seed_side = sub.graph.copy()
    seed_side.delete_edges(seed_side.incident(sub.sink))
    articulation = set(seed_side.articulation_points())
    # A channel counts as the end of its own paths; an intermediary by the paths it lies on.
    load = between + sub.holder
    pool = [int(v) for v in np.argsort(-load, kind="stable") if load[v] > 0]
    pool = pool[:candidates]
    channels, cut = _channels(sub, []), _min_cut(sub, [])
    report = ChokepointReport(
        seeds=int(seeds.size), targets=int(targets.size), relevant_nodes=size, channels=channels, min_cut=cut
    )
    removed: list[int] = []
    while len(removed) < top and channels > 0 and pool:
        after, _, pick = min((_channels(sub, [*removed, c]), -between[c], c) for c in pool)
        removed.append(pick)
        pool.remove(pick)
        cut_after = _min_cut(sub, removed)
        info = graph.describe(int(sub.nodes[pick]))
        report.picks.append(
            Pick(
                info["id"],
                info["caption"],
                float(between[pick]),
                pick in articulation,
                channels,
                after,
                cut,
                cut_after,
            )
        )
        channels, cut = after, cut_after
    return report
