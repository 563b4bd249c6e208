"""The graph's interchange form: three Polars frames (nodes, edges, values) from any input.

Every input (store entities, FtM JSON lines, registry CSV, the synthetic generator) is turned into
these frames; ``chokepoint.network.graph.build_graph`` compiles them into integer arrays. They are
also what ``graph load`` keeps under ``<home>/graph/`` as Parquet.

- ``nodes``: ``id``, ``schema``, ``caption``, ``listed`` (a Sanction points at it or it carries the
  topic ``sanction``), ``programs`` (``;``-joined programme codes), ``origin`` (source or file).
- ``edges``: ``source``, ``target``, ``kind`` (see ``relations.EDGE_KINDS``), ``pct_min``,
  ``pct_max`` (stake bounds in percent; null when not an ownership edge), ``start``, ``end`` (dates,
  null when open) and ``evidence`` (the relationship entity's id or the file and row).
- ``values``: ``node``, ``kind`` (address, phone, email, identifier, wallet) and normalised ``value``.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl
from followthemoney import EntityProxy

from chokepoint.network.percentages import FULL, PercentageError, parse_percentage
from chokepoint.network.relations import EDGE_RELATIONS, PROPERTY_RELATIONS, Relation
from chokepoint.network.values import entity_values

NODE_SCHEMA = {
    "id": pl.String,
    "schema": pl.String,
    "caption": pl.String,
    "listed": pl.Boolean,
    "programs": pl.String,
    "origin": pl.String,
}
EDGE_SCHEMA = {
    "source": pl.String,
    "target": pl.String,
    "kind": pl.String,
    "pct_min": pl.Float64,
    "pct_max": pl.Float64,
    "start": pl.Date,
    "end": pl.Date,
    "evidence": pl.String,
}
VALUE_SCHEMA = {"node": pl.String, "kind": pl.String, "value": pl.String}
SANCTION_TOPIC = "sanction"
_NODE_SCHEMATA = ("LegalEntity", "Asset", "CryptoWallet")


@dataclass(frozen=True)
class GraphFrames:
    """Nodes, edges and values from one input, in the columns documented above."""

    nodes: pl.DataFrame
    edges: pl.DataFrame
    values: pl.DataFrame

    @classmethod
    def empty(cls) -> GraphFrames:
        return cls(
            pl.DataFrame(schema=NODE_SCHEMA),
            pl.DataFrame(schema=EDGE_SCHEMA),
            pl.DataFrame(schema=VALUE_SCHEMA),
        )

    @classmethod
    def concat(cls, parts: Iterable[GraphFrames]) -> GraphFrames:
        items = [cls.empty(), *parts]
        return cls(
            pl.concat([p.nodes.select(list(NODE_SCHEMA)).cast(NODE_SCHEMA) for p in items]),  # type: ignore[arg-type]
            pl.concat([p.edges.select(list(EDGE_SCHEMA)).cast(EDGE_SCHEMA) for p in items]),  # type: ignore[arg-type]
            pl.concat([p.values.select(list(VALUE_SCHEMA)).cast(VALUE_SCHEMA) for p in items]),  # type: ignore[arg-type]
        )


def parse_day(text: str | None, *, end: bool = False) -> date | None:
    """An FtM date (``2019``, ``2019-05`` or ``2019-05-17``) as a day: the first, or with ``end`` the last."""
    if not text:
        return None
    parts = text[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        last = calendar.monthrange(year, month)[1]
        day = int(parts[2]) if len(parts) > 2 else (last if end else 1)
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


class _Collector:
    """Accumulates rows for the three frames while entities stream past."""

    def __init__(self, origin: str, path: Path | None) -> None:
        self.origin = origin
        self.path = path
        self.nodes: dict[str, dict[str, object]] = {}
        self.listed: set[str] = set()
        self.programs: dict[str, set[str]] = {}
        self.edges: list[tuple[object, ...]] = []
        self.values: list[tuple[str, str, str]] = []

    def add(self, entity: EntityProxy) -> None:
        assert entity.id is not None
        schema = entity.schema
        if schema.is_a("Sanction"):
            codes = set(entity.get("programId", quiet=True)) | set(entity.get("program", quiet=True))
            for party in entity.get("entity"):
                self.listed.add(party)
                self.programs.setdefault(party, set()).update(codes)
            return
        for relation in EDGE_RELATIONS:
            if schema.is_a(relation.schema):
                self._add_edge_entity(entity, relation)
                return
        if not any(schema.is_a(name) for name in _NODE_SCHEMATA):
            return
        self.nodes[entity.id] = {
            "id": entity.id,
            "schema": schema.name,
            "caption": entity.caption,
            "origin": self.origin,
        }
        if SANCTION_TOPIC in entity.get("topics", quiet=True):
            self.listed.add(entity.id)
        if programs := entity.get("programId", quiet=True):
            self.programs.setdefault(entity.id, set()).update(programs)
        for relation in PROPERTY_RELATIONS:
            if schema.is_a(relation.schema):
                stake = (FULL, FULL) if relation.full_stake else (None, None)
                for other in entity.get(relation.source_prop):
                    self.edges.append((other, entity.id, relation.kind, *stake, None, None, entity.id))
        for kind, value in entity_values(entity):
            self.values.append((entity.id, kind, value))

    def _add_edge_entity(self, entity: EntityProxy, relation: Relation) -> None:
        low: float | None = None
        high: float | None = None
        if relation.ownership:
            low, high = self._stake(entity)
        start = parse_day(min(entity.get("startDate"), default=None))
        end = parse_day(max(entity.get("endDate"), default=None), end=True)
        for source in entity.get(relation.source_prop):
            for target in entity.get(relation.target_prop):
                self.edges.append((source, target, relation.kind, low, high, start, end, entity.id))

    def _stake(self, entity: EntityProxy) -> tuple[float, float]:
        texts = entity.get("percentage")
        if not texts:
            return parse_percentage(None)
        try:
            bounds = [parse_percentage(text) for text in texts]
        except PercentageError as exc:
            raise PercentageError(self.path or self.origin, entity.id, exc.reason) from exc
        return (max(b[0] for b in bounds), max(b[1] for b in bounds))

    def frames(self) -> GraphFrames:
        for node_id in self.listed | set(self.programs):
            if node_id not in self.nodes:
                self.nodes[node_id] = {
                    "id": node_id,
                    "schema": "LegalEntity",
                    "caption": node_id,
                    "origin": self.origin,
                }
        rows = [
            {
                **row,
                "listed": node_id in self.listed,
                "programs": ";".join(sorted(self.programs.get(node_id, ()))) or None,
            }
            for node_id, row in self.nodes.items()
        ]
        return GraphFrames(
            pl.DataFrame(rows, schema=NODE_SCHEMA, orient="row")
            if rows
            else pl.DataFrame(schema=NODE_SCHEMA),
            pl.DataFrame(self.edges, schema=EDGE_SCHEMA, orient="row"),
            pl.DataFrame(self.values, schema=VALUE_SCHEMA, orient="row"),
        )


def frames_from_entities(
    entities: Iterable[EntityProxy], origin: str = "store", path: Path | None = None
) -> GraphFrames:
    """Nodes, edges and values from FtM entities (store contents or an FtM JSON lines file at ``path``)."""
    collector = _Collector(origin, path)
    for entity in entities:
        collector.add(entity)
    return collector.frames()
