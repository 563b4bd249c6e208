"""Exports for graph tools: GraphML (Gephi, yEd, NetworkX) and Cytoscape.js JSON (web views).

A whole registry graph is too large to draw, so exports take the neighbourhood of some nodes
(``around`` within ``hops`` edges) or, without ``around``, the whole graph.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import igraph
import numpy as np
import numpy.typing as npt

from chokepoint.network.graph import OWNERSHIP, Graph
from chokepoint.network.relations import EDGE_KINDS

FORMATS = ("graphml", "cytoscape")


def neighbourhood(graph: Graph, around: list[str], hops: int = 2) -> npt.NDArray[np.int64]:
    """Node indices within ``hops`` edges of the ``around`` ids (all nodes when ``around`` is empty)."""
    if not around:
        return np.arange(graph.node_count, dtype=np.int64)
    adj = graph.adjacency()
    frontier = {graph.index(node) for node in around}
    seen = set(frontier)
    for _ in range(hops):
        nxt: set[int] = set()
        for node in frontier:
            nxt.update(adj.neighbour[adj.indptr[node] : adj.indptr[node + 1]].tolist())
        frontier = nxt - seen
        seen |= frontier
    return np.array(sorted(seen), dtype=np.int64)


def _parts(graph: Graph, nodes: npt.NDArray[np.int64]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    inside = np.zeros(graph.node_count, dtype=np.bool_)
    inside[nodes] = True
    frame = graph.nodes[nodes.tolist()]
    node_rows = [
        {
            "id": row["id"],
            "label": row["caption"] or row["id"],
            "schema": row["schema"],
            "listed": bool(row["listed"]),
            "programs": row["programs"] or "",
            "value": bool(row["is_value"]),
        }
        for row in frame.iter_rows(named=True)
    ]
    edges = np.flatnonzero(inside[graph.src] & inside[graph.dst])
    edge_rows = []
    for e in edges.tolist():
        row: dict[str, Any] = {
            "source": graph.node_id(int(graph.src[e])),
            "target": graph.node_id(int(graph.dst[e])),
            "kind": EDGE_KINDS[int(graph.kind[e])],
            "evidence": str(graph.evidence[e]),
        }
        if int(graph.kind[e]) == OWNERSHIP:
            low, high = float(graph.pct_min[e]), float(graph.pct_max[e])
            row["pct_min"] = 0.0 if math.isnan(low) else low
            row["pct_max"] = 100.0 if math.isnan(high) else high
        edge_rows.append(row)
    return node_rows, edge_rows


def to_cytoscape(graph: Graph, nodes: npt.NDArray[np.int64]) -> dict[str, Any]:
    """Cytoscape.js ``elements`` JSON for the given nodes and the edges among them."""
    node_rows, edge_rows = _parts(graph, nodes)
    return {
        "elements": {
            "nodes": [{"data": row} for row in node_rows],
            "edges": [{"data": {"id": f"e{i}", **row}} for i, row in enumerate(edge_rows)],
        }
    }


def write_export(graph: Graph, nodes: npt.NDArray[np.int64], fmt: str, output: Path) -> int:
    """Write ``nodes`` and their edges as ``graphml`` or ``cytoscape``; returns the node count."""
    if fmt == "cytoscape":
        output.write_text(json.dumps(to_cytoscape(graph, nodes), ensure_ascii=False))
        return int(nodes.shape[0])
    if fmt != "graphml":
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    node_rows, edge_rows = _parts(graph, nodes)
    position = {row["id"]: i for i, row in enumerate(node_rows)}
    g = igraph.Graph(
        n=len(node_rows),
        edges=[(position[r["source"]], position[r["target"]]) for r in edge_rows],
        directed=True,
    )
    for key in ("id", "label", "schema", "listed", "programs", "value"):
        g.vs[key] = [row[key] for row in node_rows]
    for key in ("kind", "evidence"):
        g.es[key] = [row[key] for row in edge_rows]
    g.es["pct_min"] = [row.get("pct_min", -1.0) for row in edge_rows]
    g.es["pct_max"] = [row.get("pct_max", -1.0) for row in edge_rows]
    g.write_graphml(str(output))
    return len(node_rows)
