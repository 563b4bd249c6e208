"""Network proximity: is an entity within N hops of a listed party, and by which path?

Two finders share one small protocol. ``NetworkProximity`` asks the network engine
(``chokepoint.network``: ownership stakes, directorships, shared values, imported registries) for the
strongest explainable path from the entity to a listed party. ``LinkProximity`` needs only the
watchlist: a multi-source breadth-first search over the store's direct relation edges (owners,
directors, unknown links, associates, family ...), used when there is no store (tests, in-memory
watchlists).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from chokepoint.errors import NotFoundError
from chokepoint.store import Store

DEFAULT_MAX_HOPS = 2
"""Two hops: a listed party's direct counterparts and their counterparts (the rule's default)."""

EDGES_PER_HOP = 2
"""The network engine counts a shared value (entity - value - entity) as two edges."""


@dataclass(frozen=True, slots=True)
class Exposure:
    """An entity's distance to a listed party and the path that proves it."""

    entity_id: str
    hops: int
    listed_id: str
    path: tuple[str, ...]
    """Entity and relation (or value) ids alternating, from the listed party to this entity."""
    strength: float = 1.0


class ProximityFinder(Protocol):
    def near(self, entity_id: str, max_hops: int) -> Exposure | None:
        """The exposure of ``entity_id`` within ``max_hops``, or None when no listed party is that near."""
        ...


class LinkProximity:
    """Breadth-first search over the watchlist's relation edges, precomputed per hop limit."""

    def __init__(self, edges: Iterable[tuple[str, str, str]], listed: set[str]) -> None:
        self._edges = list(edges)
        self._listed = listed
        self._reached: dict[int, dict[str, Exposure]] = {}

    def near(self, entity_id: str, max_hops: int) -> Exposure | None:
        if max_hops not in self._reached:
            self._reached[max_hops] = exposures(self._edges, self._listed, max_hops)
        return self._reached[max_hops].get(entity_id)


class NetworkProximity:
    """The network engine's strongest path to a listed party (graph loaded once, on first use)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._indexes: dict[int, object] = {}

    def near(self, entity_id: str, max_hops: int) -> Exposure | None:
        from chokepoint.network.exposure import ExposureIndex, ExposureParams
        from chokepoint.network.storage import load_graph

        index = self._indexes.get(max_hops)
        if not isinstance(index, ExposureIndex):
            params = ExposureParams(max_hops=max_hops * EDGES_PER_HOP)
            index = ExposureIndex(load_graph(self._store), params)
            self._indexes[max_hops] = index
        try:
            found = index.query(entity_id, k=1)
        except NotFoundError:
            return None
        if found.listed or not found.paths:
            return None
        best = found.paths[0]
        path: list[str] = [best.listed]
        for step in reversed(best.steps):
            path += [step.evidence or step.kind, step.source]
        # A shared value is a node of its own: entity -> value -> entity is two steps but one hop.
        value_steps = sum(1 for step in best.steps if step.kind == "shared_value")
        entity_hops = len(best.steps) - value_steps + value_steps // 2
        return Exposure(entity_id, max(1, entity_hops), best.listed, tuple(path), round(best.strength, 4))


def exposures(
    edges: Iterable[tuple[str, str, str]], listed: set[str], max_hops: int = DEFAULT_MAX_HOPS
) -> dict[str, Exposure]:
    """Every unlisted entity within ``max_hops`` of a listed one (listed ones are not included)."""
    neighbours: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for source, target, relation in edges:
        neighbours[source].append((target, relation))
        neighbours[target].append((source, relation))
    found: dict[str, Exposure] = {}
    paths: dict[str, tuple[str, ...]] = {node: (node,) for node in listed}
    queue: deque[str] = deque(sorted(listed))
    while queue:
        node = queue.popleft()
        path = paths[node]
        hops = len(path) // 2
        if hops >= max_hops:
            continue
        for other, relation in neighbours.get(node, ()):
            if other in paths:
                continue
            paths[other] = (*path, relation, other)
            found[other] = Exposure(other, hops + 1, path[0], paths[other])
            queue.append(other)
    return found
