"""REST under /v1/graph: ownership verdicts, exposure, leads, chokepoints and graph exports."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import numpy as np
from fastapi import APIRouter, Depends, Query

from chokepoint.api.app import get_store
from chokepoint.network.chokepoints import find_chokepoints, program_seeds
from chokepoint.network.export import neighbourhood, to_cytoscape
from chokepoint.network.exposure import ExposureIndex
from chokepoint.network.leads import rank_leads
from chokepoint.network.ownership import VERDICTS, Explainer, Rule, ownership_verdicts, verdict_table
from chokepoint.network.storage import imports, load_graph
from chokepoint.store import Store

router = APIRouter(prefix="/v1/graph", tags=["graph"])
StoreDep = Annotated[Store, Depends(get_store)]
_exposure_indexes: dict[int, ExposureIndex] = {}


@router.get("/imports")
def list_imports(store: StoreDep) -> list[dict[str, Any]]:
    """Registry and FtM files imported into the graph."""
    return [info.__dict__ for info in imports(store)]


@router.get("/ownership")
def ownership(
    store: StoreDep,
    rule: Rule = Rule.OFAC,
    as_of: Annotated[date | None, Query(description="Lists and relationships in force on this date.")] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1_000,
) -> dict[str, Any]:
    """Blocked and possibly blocked entities under the OFAC 50 % rule or the EU test, with evidence."""
    graph = load_graph(store, as_of)
    result = ownership_verdicts(graph, rule, as_of)
    table = verdict_table(graph, result, only_caught=True)
    counts = np.bincount(result.status, minlength=3)
    return {
        "rule": rule.value,
        "as_of": as_of,
        "counts": {VERDICTS[i]: int(counts[i]) for i in range(3)},
        "verdicts": table.head(limit).to_dicts(),
    }


@router.get("/ownership/{entity_id}")
def ownership_of(
    entity_id: str, store: StoreDep, rule: Rule = Rule.OFAC, as_of: date | None = None
) -> dict[str, Any]:
    """One entity's verdict, aggregate stake bounds, contributing stakes and chain to a listed party."""
    graph = load_graph(store, as_of)
    result = ownership_verdicts(graph, rule, as_of)
    node = graph.index(entity_id)
    explainer = Explainer(graph, result)
    return {
        "entity_id": entity_id,
        "rule": rule.value,
        "verdict": result.verdict(node),
        "aggregate_min": float(result.aggregate_min[node]),
        "aggregate_max": float(result.aggregate_max[node]),
        "contributions": explainer.contributions(node),
        "chain": explainer.chain(node) if result.status[node] else [],
    }


@router.get("/exposure/{entity_id}")
def exposure(entity_id: str, store: StoreDep, k: Annotated[int, Query(ge=1, le=50)] = 5) -> dict[str, Any]:
    """The k strongest explainable paths to listed parties and the exposure score."""
    graph = load_graph(store)
    index = _exposure_indexes.get(id(graph))
    if index is None or index.graph is not graph:
        _exposure_indexes.clear()
        index = _exposure_indexes[id(graph)] = ExposureIndex(graph)
    return index.query(entity_id, k).to_dict()


@router.get("/leads")
def leads(store: StoreDep, top: Annotated[int, Query(ge=1, le=1_000)] = 20) -> list[dict[str, Any]]:
    """Unlisted entities ranked by their ties to listed parties, with reasons."""
    return [lead.to_dict() for lead in rank_leads(load_graph(store), top)]


@router.get("/chokepoints")
def chokepoints(
    store: StoreDep,
    seeds: Annotated[str, Query(description="Programme code prefix(es), e.g. DPRK or DPRK,NPWMD.")],
    top: Annotated[int, Query(ge=1, le=100)] = 10,
    target: Annotated[list[str] | None, Query(description="Target ids (default: banks by name).")] = None,
) -> dict[str, Any]:
    """The designations that cut the most paths from programme seeds to the financial system."""
    graph = load_graph(store)
    targets = np.array([graph.index(t) for t in target], dtype=np.int64) if target else None
    return find_chokepoints(graph, program_seeds(graph, seeds), targets, top).to_dict()


@router.get("/export")
def export(
    store: StoreDep,
    around: Annotated[list[str], Query(description="Ids whose neighbourhood to export.")],
    hops: Annotated[int, Query(ge=0, le=4)] = 2,
) -> dict[str, Any]:
    """Cytoscape.js JSON of the neighbourhood of some ids."""
    graph = load_graph(store)
    return to_cytoscape(graph, neighbourhood(graph, around, hops))
