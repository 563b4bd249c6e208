"""The compiled graph: integer node indices and NumPy edge arrays, no Python object per edge.

Nodes are entities first, then one node per shared value (``<kind>:<value>``, kept only when two or
more entities hold it). Edges are directed as FtM defines them (owner → asset, director →
organization, entity → value). Dates are days since 1970-01-01 (UTC) with open ends as the int32
extremes: 33 bytes an edge plus its evidence string (Arrow, no Python object per edge).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from chokepoint.errors import NotFoundError
from chokepoint.network.frames import GraphFrames
from chokepoint.network.relations import DEFAULT_STRENGTHS, EDGE_KINDS, KIND_CODE
from chokepoint.network.values import specificity

OPEN_START = np.iinfo(np.int32).min
OPEN_END = np.iinfo(np.int32).max
SHARED_VALUE = KIND_CODE["shared_value"]
OWNERSHIP = KIND_CODE["ownership"]

IntArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def csr_ranges(
    indptr: npt.NDArray[np.int64], nodes: npt.NDArray[np.int64] | npt.NDArray[np.intp]
) -> npt.NDArray[np.int64]:
    """The concatenated CSR slots ``indptr[n]:indptr[n+1]`` of ``nodes``, without a Python loop."""
    starts = indptr[nodes]
    lengths = indptr[nodes + 1] - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(lengths)
    ranges: npt.NDArray[np.int64] = np.arange(total, dtype=np.int64) + np.repeat(
        starts - (ends - lengths), lengths
    )
    return ranges


def day_number(day: date) -> int:
    """Days since 1970-01-01."""
    return (day - date(1970, 1, 1)).days


@dataclass(frozen=True)
class Adjacency:
    """Undirected CSR: the neighbours of node ``i`` are ``neighbour[indptr[i]:indptr[i+1]]``."""

    indptr: npt.NDArray[np.int64]
    neighbour: IntArray
    edge: npt.NDArray[np.int64]


@dataclass
class Graph:
    """Nodes and edges as arrays; ``nodes`` keeps the per-node text columns as a Polars frame."""

    nodes: pl.DataFrame  # id, schema, caption, listed, programs, origin, is_value, holders
    src: IntArray
    dst: IntArray
    kind: npt.NDArray[np.int8]
    pct_min: FloatArray
    pct_max: FloatArray
    start: IntArray
    end: IntArray
    evidence: pl.Series
    _index: dict[str, int] | None = field(default=None, repr=False)
    _adjacency: Adjacency | None = field(default=None, repr=False)

    @property
    def node_count(self) -> int:
        return self.nodes.height

    @property
    def edge_count(self) -> int:
        return int(self.src.shape[0])

    @property
    def listed(self) -> BoolArray:
        return self.nodes["listed"].to_numpy().astype(np.bool_)

    @property
    def is_value(self) -> BoolArray:
        return self.nodes["is_value"].to_numpy().astype(np.bool_)

    def index(self, node_id: str) -> int:
        """The index of a node id; ``NotFoundError`` if the graph has no such node."""
        if self._index is None:
            self._index = {str(v): i for i, v in enumerate(self.nodes["id"].to_list())}
        found = self._index.get(node_id)
        if found is None:
            raise NotFoundError(f"no node {node_id} in the graph")
        return found

    def node_id(self, index: int) -> str:
        return str(self.nodes["id"][int(index)])

    def describe(self, index: int) -> dict[str, Any]:
        """The text columns of one node as a dict."""
        row = self.nodes.row(int(index), named=True)
        return {k: row[k] for k in ("id", "schema", "caption", "listed", "programs", "is_value", "holders")}

    def adjacency(self) -> Adjacency:
        """Both directions of every edge in CSR order (built once)."""
        if self._adjacency is None:
            ends = np.concatenate([self.src, self.dst])
            others = np.concatenate([self.dst, self.src])
            edges = np.concatenate([np.arange(self.edge_count), np.arange(self.edge_count)])
            order = np.argsort(ends, kind="stable")
            indptr = np.zeros(self.node_count + 1, dtype=np.int64)
            np.cumsum(np.bincount(ends, minlength=self.node_count), out=indptr[1:])
            self._adjacency = Adjacency(indptr, others[order].astype(np.int32), edges[order].astype(np.int64))
        return self._adjacency

    def degree(self) -> npt.NDArray[np.int64]:
        """Undirected degree of every node."""
        return np.diff(self.adjacency().indptr)

    def active(self, as_of: date | None) -> BoolArray:
        """Edges in force on ``as_of`` (all when ``None``): started on or before it, not ended before it."""
        if as_of is None:
            return np.ones(self.edge_count, dtype=np.bool_)
        day = day_number(as_of)
        mask: BoolArray = (self.start <= day) & (self.end >= day)
        return mask

    def strengths(self, overrides: dict[str, float] | None = None) -> FloatArray:
        """Tie strength per edge (0–1): kind strength × stake upper bound or value specificity."""
        table = {**DEFAULT_STRENGTHS, **(overrides or {})}
        by_kind = np.array([table[k] for k in EDGE_KINDS], dtype=np.float64)
        strength = by_kind[self.kind]
        owned = self.kind == OWNERSHIP
        strength[owned] *= np.clip(np.nan_to_num(self.pct_max[owned], nan=100.0) / 100.0, 0.01, 1.0)
        shared = self.kind == SHARED_VALUE
        spec = self.nodes["specificity"].to_numpy()
        strength[shared] *= spec[self.dst[shared]]
        return strength


def _merge_nodes(frames: GraphFrames) -> pl.DataFrame:
    endpoints = pl.concat([frames.edges["source"], frames.edges["target"]]).unique().to_frame("id")
    stubs = endpoints.join(frames.nodes.select("id"), on="id", how="anti").with_columns(
        schema=pl.lit("LegalEntity"),
        caption=pl.col("id"),
        listed=pl.lit(False),
        programs=pl.lit(None, pl.String),
        origin=pl.lit("reference"),
    )
    nodes = pl.concat([frames.nodes, stubs.select(frames.nodes.columns)])
    if nodes["id"].n_unique() == nodes.height:
        return nodes
    merged = nodes.group_by("id", maintain_order=True).agg(
        pl.col("schema").sort_by(pl.col("schema") == "LegalEntity").first(),
        pl.col("caption").drop_nulls().first(),
        pl.col("listed").any(),
        pl.col("programs").drop_nulls().str.join(";"),
        pl.col("origin").unique().sort().str.join(";"),
    )
    programs = pl.col("programs").str.split(";").list.unique().list.sort().list.join(";")
    return merged.with_columns(programs=pl.when(pl.col("programs") == "").then(None).otherwise(programs))


def build_graph(frames: GraphFrames) -> Graph:
    """Compile frames into a ``Graph``: nodes merged by id, stubs for ids only edges mention."""
    entities = _merge_nodes(frames).with_columns(
        is_value=pl.lit(False), holders=pl.lit(0, pl.Int32), specificity=pl.lit(0.0)
    )
    values = (
        frames.values.unique()
        .join(entities.select("id"), left_on="node", right_on="id", how="semi")
        .with_columns(value_id=pl.col("kind") + ":" + pl.col("value"))
    )
    holders = (
        values.group_by("value_id", "kind")
        .agg(pl.len().cast(pl.Int32).alias("holders"))
        .filter(pl.col("holders") >= 2)
    )
    population = max(entities.height, 2)
    value_nodes = holders.sort("value_id").select(
        id=pl.col("value_id"),
        schema=pl.lit("Value"),
        caption=pl.col("value_id"),
        listed=pl.lit(False),
        programs=pl.lit(None, pl.String),
        origin=pl.col("kind"),
        is_value=pl.lit(True),
        holders=pl.col("holders"),
    )
    value_nodes = value_nodes.with_columns(
        specificity=pl.Series(specificity(value_nodes["holders"].to_numpy(), population))
    )
    nodes = pl.concat([entities, value_nodes.select(entities.columns)], how="vertical_relaxed")
    index = nodes.select("id").with_row_index("idx")
    value_edges = values.join(holders.select("value_id"), on="value_id", how="semi").select(
        source=pl.col("node"),
        target=pl.col("value_id"),
        kind=pl.lit("shared_value"),
        pct_min=pl.lit(None, pl.Float64),
        pct_max=pl.lit(None, pl.Float64),
        start=pl.lit(None, pl.Date),
        end=pl.lit(None, pl.Date),
        evidence=pl.col("kind"),
    )
    edges = pl.concat([frames.edges, value_edges])
    unknown = set(edges["kind"].unique().to_list()) - set(EDGE_KINDS)
    if unknown:
        raise ValueError(f"unknown edge kinds {sorted(unknown)}")
    edges = (
        edges.join(index.rename({"id": "source", "idx": "s"}), on="source", how="left", maintain_order="left")
        .join(index.rename({"id": "target", "idx": "t"}), on="target", how="left", maintain_order="left")
        .with_columns(
            k=pl.col("kind").replace_strict(dict(KIND_CODE), return_dtype=pl.Int8),
            d0=pl.col("start").cast(pl.Int32).fill_null(OPEN_START),
            d1=pl.col("end").cast(pl.Int32).fill_null(OPEN_END),
        )
    )
    return Graph(
        nodes=nodes,
        src=edges["s"].cast(pl.Int32).to_numpy(),
        dst=edges["t"].cast(pl.Int32).to_numpy(),
        kind=edges["k"].to_numpy(),
        pct_min=edges["pct_min"].fill_null(np.nan).to_numpy(),
        pct_max=edges["pct_max"].fill_null(np.nan).to_numpy(),
        start=edges["d0"].to_numpy(),
        end=edges["d1"].to_numpy(),
        evidence=edges["evidence"],
    )
