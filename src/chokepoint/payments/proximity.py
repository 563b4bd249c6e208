"""Network proximity: which entities are within N hops of a listed party through FtM relations.

Multi-source breadth-first search from every listed party over undirected relation edges (owners,
directors, unknown links, associates, family ...). Each reached entity keeps its hop count and one
shortest path, which is the evidence. This reads the store's direct links; ``chokepoint.network``
(ownership percentages, the OFAC 50 % fix-point) refines it where it is available.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass

DEFAULT_MAX_HOPS = 2
"""Two hops: a listed party's direct counterparts and their counterparts (the rule's default)."""


@dataclass(frozen=True, slots=True)
class Exposure:
    """An entity's distance to the nearest listed party and the path that proves it."""

    entity_id: str
    hops: int
    listed_id: str
    path: tuple[str, ...]
    """Entity and relation ids alternating, from the listed party to this entity."""


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
