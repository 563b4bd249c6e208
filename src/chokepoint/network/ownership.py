"""The OFAC 50 % rule and the EU "owned or controlled" test, as vectorised fix-points.

**OFAC** (revised guidance on entities owned by blocked persons, 13 August 2014; FAQs 398, 399 and
401): an entity owned 50 % or more, directly or indirectly, individually or in the aggregate, by one
or more blocked persons is itself blocked. Stakes of blocked persons under different programmes are
added up (FAQ 399); "indirectly" means through entities that are themselves blocked, and a blocked
entity's *whole* stake counts — stakes are never multiplied along a chain (FAQ 401, examples 1–3).
Control without 50 % ownership does not block (FAQ 398).

**EU** (Council, *EU Best Practices for the effective implementation of restrictive measures*, doc.
10572/22 of 27 June 2022, section "owned or controlled"): an entity is presumed subject to the freeze
when a designated person holds *more than* 50 % of its proprietary rights, or controls it. We
implement ownership > 50 % (stakes of designated and already-caught entities added up, as for OFAC),
an explicit FtM ``Control`` edge from a designated or caught party, and, as an approximation of "the
right to appoint or remove a majority of the board", a board of which more than half of the known
directors are designated or caught. Control through voting agreements or de-facto influence that
the data does not record cannot be seen.

Stakes are bounds ``[low, high]`` (see ``percentages``). *Blocked* means the lower bounds of the
stakes of surely blocked owners reach the threshold; *possibly blocked* means the upper bounds of
the stakes of surely or possibly blocked owners do (the bounds straddle the threshold).

Both tests are monotone, so the fix-point is reached by propagating only what changed: each round
adds the stakes of the owners that became (possibly) blocked in the previous round, with owners'
edges in CSR order. Every edge is touched at most twice in total.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from chokepoint.network.graph import OWNERSHIP, BoolArray, FloatArray, Graph, IntArray, csr_ranges
from chokepoint.network.percentages import FULL
from chokepoint.network.relations import KIND_CODE

OFAC_THRESHOLD = 50.0
"""OFAC: "50 percent or more" (31 CFR §§ 510.411, 587.406; revised guidance of 13 August 2014)."""

EU_THRESHOLD = 50.0
"""EU: "more than 50 % of the proprietary rights" (EU Best Practices, doc. 10572/22, 2022)."""

FLOAT_TOLERANCE = 1e-9
"""Percentage points of floating-point slack when comparing sums of stakes with the threshold."""

NOT_BLOCKED, POSSIBLY_BLOCKED, BLOCKED = 0, 1, 2
VERDICTS = ("not_blocked", "possibly_blocked", "blocked")
BASIS = ("", "listed", "ownership", "control", "board")


class Rule(StrEnum):
    OFAC = "ofac"
    EU = "eu"


@dataclass(frozen=True)
class Stakes:
    """Ownership edges after dating and merging, sorted by (owner, asset)."""

    owner: IntArray
    asset: IntArray
    low: FloatArray
    high: FloatArray
    edge: npt.NDArray[np.int64]  # index of the graph edge that stated the stake


@dataclass(frozen=True)
class Links:
    """Unweighted edges (control, directorship) used by the EU test."""

    source: IntArray
    target: IntArray
    edge: npt.NDArray[np.int64]


@dataclass
class OwnershipResult:
    """Per node: verdict, aggregate stake bounds of blocked owners, the round it was caught, basis."""

    rule: Rule
    status: npt.NDArray[np.int8]
    aggregate_min: FloatArray
    aggregate_max: FloatArray
    round_blocked: IntArray
    round_possible: IntArray
    basis: npt.NDArray[np.int8]
    rounds: int
    stakes: Stakes
    control: Links
    board: Links

    def verdict(self, index: int) -> str:
        return VERDICTS[int(self.status[index])]


def merge_stakes(
    owner: IntArray, asset: IntArray, low: FloatArray, high: FloatArray, edge: npt.NDArray[np.int64], n: int
) -> Stakes:
    """Sort by (owner, asset), drop self-ownership and merge repeated statements of one stake.

    Two records of the same owner → asset stake (from two sources, or two filings) describe one
    holding, so the bounds are the largest of each, never their sum.
    """
    keep = owner != asset
    owner, asset, low, high, edge = owner[keep], asset[keep], low[keep], high[keep], edge[keep]
    low = np.nan_to_num(low, nan=0.0)
    high = np.nan_to_num(high, nan=FULL)
    key = owner.astype(np.int64) * np.int64(n) + asset.astype(np.int64)
    order = np.argsort(key, kind="stable")
    key = key[order]
    first = np.ones(key.shape[0], dtype=np.bool_)
    first[1:] = key[1:] != key[:-1]
    starts = np.flatnonzero(first)
    if starts.size == 0:
        empty_i = np.zeros(0, dtype=np.int32)
        empty_f = np.zeros(0, dtype=np.float64)
        return Stakes(empty_i, empty_i, empty_f, empty_f, np.zeros(0, dtype=np.int64))
    return Stakes(
        owner=owner[order][starts].astype(np.int32),
        asset=asset[order][starts].astype(np.int32),
        low=np.maximum.reduceat(low[order], starts),
        high=np.maximum.reduceat(high[order], starts),
        edge=edge[order][starts],
    )


def _reached(aggregate: FloatArray, threshold: float, strict: bool) -> BoolArray:
    if strict:
        return aggregate > threshold + FLOAT_TOLERANCE
    return aggregate >= threshold - FLOAT_TOLERANCE


def _board_majority(board: Links, caught: BoolArray, n: int) -> BoolArray:
    """Organisations more than half of whose known directors are in ``caught``."""
    seats = np.bincount(board.target, minlength=n)
    held = np.bincount(board.target, weights=caught[board.source].astype(np.float64), minlength=n)
    majority: BoolArray = (seats > 0) & (2.0 * held > seats)
    return majority


def _controlled(control: Links, caught: BoolArray, n: int) -> BoolArray:
    hit: BoolArray = (
        np.bincount(control.target, weights=caught[control.source].astype(np.float64), minlength=n) > 0
    )
    return hit


def fixpoint(
    n: int,
    stakes: Stakes,
    listed: BoolArray,
    *,
    threshold: float = OFAC_THRESHOLD,
    strict: bool = False,
    control: Links | None = None,
    board: Links | None = None,
    rule: Rule = Rule.OFAC,
) -> OwnershipResult:
    """Propagate blocking from ``listed`` through ``stakes`` (and, for the EU test, control and boards).

    Pure function over arrays; ``n`` is the node count. See the module docstring for the rules.
    """
    empty = Links(np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.int64))
    control = control or empty
    board = board or empty
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(stakes.owner, minlength=n), out=offsets[1:])
    blocked = listed.copy()
    possible = listed.copy()
    agg_min = np.zeros(n, dtype=np.float64)
    agg_max = np.zeros(n, dtype=np.float64)
    round_blocked = np.where(listed, 0, -1).astype(np.int32)
    round_possible = round_blocked.copy()
    basis = np.where(listed, 1, 0).astype(np.int8)
    new_blocked = np.flatnonzero(listed)
    new_possible = new_blocked
    rounds = 0
    while new_blocked.size or new_possible.size:
        rounds += 1
        eb = csr_ranges(offsets, new_blocked)
        agg_min += np.bincount(stakes.asset[eb], weights=stakes.low[eb], minlength=n)
        ep = csr_ranges(offsets, new_possible)
        agg_max += np.bincount(stakes.asset[ep], weights=stakes.high[ep], minlength=n)
        sure = _reached(agg_min, threshold, strict)
        maybe = _reached(np.minimum(agg_max, FULL), threshold, strict)
        sure_basis = np.where(sure, 2, 0).astype(np.int8)
        maybe_basis = np.where(maybe, 2, 0).astype(np.int8)
        for code, links, test in ((3, control, _controlled), (4, board, _board_majority)):
            if links.source.size:
                by_link_sure, by_link_maybe = test(links, blocked, n), test(links, possible, n)
                sure_basis[by_link_sure & (sure_basis == 0)] = code
                maybe_basis[by_link_maybe & (maybe_basis == 0)] = code
                sure |= by_link_sure
                maybe |= by_link_maybe
        maybe |= sure
        fresh_b = sure & ~blocked
        fresh_p = maybe & ~possible
        basis[fresh_p] = maybe_basis[fresh_p]
        basis[fresh_b] = sure_basis[fresh_b]
        new_blocked = np.flatnonzero(fresh_b)
        new_possible = np.flatnonzero(fresh_p)
        blocked[new_blocked] = True
        possible[new_possible] = True
        round_blocked[new_blocked] = rounds
        round_possible[new_possible] = rounds
    status = np.where(blocked, BLOCKED, np.where(possible, POSSIBLY_BLOCKED, NOT_BLOCKED)).astype(np.int8)
    return OwnershipResult(
        rule=rule,
        status=status,
        aggregate_min=np.minimum(agg_min, FULL),
        aggregate_max=np.minimum(agg_max, FULL),
        round_blocked=round_blocked,
        round_possible=round_possible,
        basis=basis,
        rounds=rounds,
        stakes=stakes,
        control=control,
        board=board,
    )


def _links(graph: Graph, kind: str, active: BoolArray) -> Links:
    mask = active & (graph.kind == KIND_CODE[kind])
    edge = np.flatnonzero(mask).astype(np.int64)
    return Links(graph.src[mask], graph.dst[mask], edge)


def ownership_verdicts(
    graph: Graph,
    rule: Rule | str = Rule.OFAC,
    as_of: date | None = None,
    threshold: float | None = None,
) -> OwnershipResult:
    """Blocked / possibly blocked / not blocked for every node under ``rule`` on ``as_of``."""
    rule = Rule(rule)
    active = graph.active(as_of)
    owned = active & (graph.kind == OWNERSHIP)
    edge = np.flatnonzero(owned).astype(np.int64)
    stakes = merge_stakes(
        graph.src[owned], graph.dst[owned], graph.pct_min[owned], graph.pct_max[owned], edge, graph.node_count
    )
    listed = graph.listed
    if rule is Rule.OFAC:
        return fixpoint(graph.node_count, stakes, listed, threshold=threshold or OFAC_THRESHOLD, rule=rule)
    return fixpoint(
        graph.node_count,
        stakes,
        listed,
        threshold=threshold or EU_THRESHOLD,
        strict=True,
        control=_links(graph, "control", active),
        board=_links(graph, "directorship", active),
        rule=rule,
    )


class Explainer:
    """Evidence for verdicts: the contributing stakes of a node and a chain back to a listed party."""

    def __init__(self, graph: Graph, result: OwnershipResult) -> None:
        self.graph = graph
        self.result = result
        stakes = result.stakes
        self._by_asset = np.argsort(stakes.asset, kind="stable")
        self._asset_sorted = stakes.asset[self._by_asset]

    def contributions(self, index: int) -> list[dict[str, Any]]:
        """Stakes in ``index`` held by (possibly) blocked owners, largest first."""
        r, s = self.result, self.result.stakes
        lo, hi = np.searchsorted(self._asset_sorted, [index, index + 1])
        items: list[dict[str, Any]] = []
        for j in self._by_asset[lo:hi]:
            owner = int(s.owner[j])
            if r.status[owner] == NOT_BLOCKED:
                continue
            items.append(
                {
                    "owner": self.graph.node_id(owner),
                    "owner_verdict": r.verdict(owner),
                    "owner_basis": BASIS[int(r.basis[owner])],
                    "low": float(s.low[j]),
                    "high": float(s.high[j]),
                    "evidence": self.graph.evidence[int(s.edge[j])],
                }
            )
        items.sort(key=lambda item: (-item["high"], item["owner"]))
        items.extend(self._links(index, r.control, "controls"))
        items.extend(self._links(index, r.board, "directs"))
        return items

    def _links(self, index: int, links: Links, label: str) -> list[dict[str, Any]]:
        r = self.result
        hits = np.flatnonzero((links.target == index) & (r.status[links.source] != NOT_BLOCKED))
        return [
            {
                "owner": self.graph.node_id(int(links.source[j])),
                "owner_verdict": r.verdict(int(links.source[j])),
                "owner_basis": BASIS[int(r.basis[int(links.source[j])])],
                "link": label,
                "evidence": self.graph.evidence[int(links.edge[j])],
            }
            for j in hits
        ]

    def chain(self, index: int) -> list[str]:
        """Node ids from a listed party down to ``index``, each step caught in an earlier round."""
        r = self.result
        rounds = r.round_blocked if r.status[index] == BLOCKED else r.round_possible
        path = [index]
        current = index
        while rounds[current] > 0:
            owners = [self.graph.index(item["owner"]) for item in self.contributions(current)]
            earlier = [o for o in owners if 0 <= rounds[o] < rounds[current]]
            if not earlier:
                break
            current = min(earlier, key=lambda o: int(rounds[o]))
            path.append(current)
        return [self.graph.node_id(i) for i in reversed(path)]

    def evidence_text(self, index: int) -> str:
        """One line: the basis, the contributing stakes and a chain to a listed party."""
        r = self.result
        if r.status[index] == NOT_BLOCKED:
            return ""
        if r.basis[index] == 1:
            return "listed"
        parts = []
        for item in self.contributions(index):
            if "link" in item:
                parts.append(f"{item['owner']} {item['link']} ({item['owner_verdict']})")
            else:
                stake = (
                    f"{item['low']:g}%"
                    if item["low"] == item["high"]
                    else f"{item['low']:g}-{item['high']:g}%"
                )
                parts.append(f"{item['owner']} owns {stake} ({item['owner_verdict']}) [{item['evidence']}]")
        return (
            f"{BASIS[int(r.basis[index])]}: "
            + "; ".join(parts)
            + " | chain: "
            + " > ".join(self.chain(index))
        )


VERDICT_COLUMNS = ("entity_id", "verdict", "aggregate_min", "aggregate_max", "evidence")


def verdict_table(graph: Graph, result: OwnershipResult, only_caught: bool = False) -> pl.DataFrame:
    """One row per listed party and per entity someone holds a stake in (or only the caught ones).

    Columns ``entity_id, verdict, aggregate_min, aggregate_max, evidence``; evidence is given for
    blocked and possibly blocked entities. Entities nobody owns and that are not listed are omitted:
    they are trivially not blocked.
    """
    owned = np.zeros(graph.node_count, dtype=np.bool_)
    owned[result.stakes.asset] = True
    owned[result.control.target] = True
    owned[result.board.target] = True
    caught = result.status != NOT_BLOCKED
    rows = np.flatnonzero(caught if only_caught else (owned | graph.listed) & ~graph.is_value)
    explainer = Explainer(graph, result)
    evidence = [explainer.evidence_text(i) if caught[i] else "" for i in rows.tolist()]
    return pl.DataFrame(
        {
            "entity_id": graph.nodes["id"].gather(rows),
            "verdict": pl.Series(VERDICTS)[pl.Series(result.status[rows].astype(np.int64))],
            "aggregate_min": np.round(result.aggregate_min[rows], 6),
            "aggregate_max": np.round(result.aggregate_max[rows], 6),
            "evidence": evidence,
        }
    )
