"""Money-laundering typologies over a batch of payments: fan-in, fan-out, cycles, structuring and
pass-through via front companies (the AMLSim pattern set, Suzumura and Kanezashi, IBM 2019).

Each payment becomes an edge from the paying customer to the paid customer: the underlying parties of
a cover payment, else debtor and creditor. A customer is known by its account (IBAN or other id)
when given, else by its folded name. Parameters come from the rules (``typology-*`` in
``data/rules.yml``) and can be overridden per run.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from chokepoint.payments.alerts import Alert
from chokepoint.payments.message import Message, Party
from chokepoint.payments.phrases import normalise
from chokepoint.payments.rules import LegalRule, RuleBook

MAX_LISTED_MEMBERS = 20
"""Evidence lists at most this many member messages of a pattern."""


@dataclass(frozen=True, slots=True)
class Payment:
    """One edge of the batch graph."""

    message: Message
    payer: str
    payer_name: str
    payee: str
    payee_name: str
    amount: float
    day: date


def payments(messages: Sequence[Message]) -> list[Payment]:
    """Edges of every message that names both a payer and a payee, an amount and a date."""
    edges: list[Payment] = []
    for message in messages:
        payer = message.party("underlying_debtor") or message.party("debtor")
        payee = message.party("underlying_creditor") or message.party("creditor")
        if payer is None or payee is None or message.amount is None or message.settlement_date is None:
            continue
        edges.append(
            Payment(
                message,
                _key(payer),
                payer.label(),
                _key(payee),
                payee.label(),
                float(message.amount),
                message.settlement_date,
            )
        )
    return edges


def _key(party: Party) -> str:
    if party.account is not None and party.account.value.upper() not in ("NOTPROVIDED", ""):
        return "acct:" + (party.account.iban or party.account.value)
    return "name:" + normalise(party.name or party.bic or "")


def find_typologies(messages: Sequence[Message], rules: RuleBook) -> list[Alert]:
    """Alerts of every typology found in the batch, one per member message and pattern kind."""
    edges = payments(messages)
    if not edges:
        return []
    day = max(p.day for p in edges)
    found = _Found()
    checks = (
        ("typology-fan-out", _fan_out),
        ("typology-fan-in", _fan_in),
        ("typology-structuring", _structuring),
        ("typology-cycle", _cycles),
        ("typology-pass-through", _pass_through),
    )
    for rule_id, check in checks:
        rule = rules.rule(rule_id, day)
        if rule is not None:
            check(edges, rule, found)
    return found.alerts


class _Found:
    def __init__(self) -> None:
        self.alerts: list[Alert] = []
        self._seen: set[tuple[str, str, int, str]] = set()

    def add(
        self, rule: LegalRule, members: Sequence[Payment], role: str, name: str, detail: dict[str, object]
    ) -> None:
        member_ids = [m.message.uetr or m.message.message_id for m in members]
        for member in members:
            key = (rule.id, member.message.source, member.message.index, role)
            if key in self._seen:
                continue
            self._seen.add(key)
            self.alerts.append(
                Alert(
                    message_id=member.message.message_id,
                    uetr=member.message.uetr,
                    rule=rule.id,
                    action=rule.action,
                    party_role=role,
                    party_name=name,
                    matched_entity_id=None,
                    score=1.0,
                    evidence={
                        "rule_version": rule.label,
                        "citation": rule.citation,
                        "parameters": dict(rule.parameters),
                        "pattern_size": len(members),
                        "members": member_ids[:MAX_LISTED_MEMBERS],
                        **detail,
                    },
                    source=member.message.source,
                    index=member.message.index,
                )
            )


def _windows(edges: list[Payment], hub: str, other: str, rule: LegalRule, found: _Found, role: str) -> None:
    """Fan patterns: a hub with ``min_counterparties`` distinct counterparts within ``window_days``, a
    burst of at least ``burst_factor`` times the hub's own average rate over the batch (so a large
    corporate paying many suppliers every week is not a fan)."""
    minimum = int(rule.param("min_counterparties"))
    window = int(rule.param("window_days"))
    burst = float(rule.param("burst_factor"))
    span = max(1, (max(e.day for e in edges) - min(e.day for e in edges)).days + 1)
    by_hub: dict[str, list[Payment]] = defaultdict(list)
    for edge in edges:
        by_hub[getattr(edge, hub)].append(edge)
    for group in by_hub.values():
        if len({getattr(e, other) for e in group}) < minimum:
            continue
        expected = len(group) * min(1.0, (window + 1) / span)
        group.sort(key=lambda e: e.day)
        counts: Counter[str] = Counter()
        start = 0
        for end, edge in enumerate(group):
            counts[getattr(edge, other)] += 1
            while (edge.day - group[start].day).days > window:
                counts[getattr(group[start], other)] -= 1
                if counts[getattr(group[start], other)] == 0:
                    del counts[getattr(group[start], other)]
                start += 1
            if len(counts) >= minimum and end - start + 1 >= burst * expected:
                members = group[start : end + 1]
                found.add(
                    rule,
                    members,
                    role,
                    getattr(edge, f"{hub}_name"),
                    {"counterparties": len(counts), "window_days": window},
                )


def _fan_out(edges: list[Payment], rule: LegalRule, found: _Found) -> None:
    _windows(edges, "payer", "payee", rule, found, "debtor")


def _fan_in(edges: list[Payment], rule: LegalRule, found: _Found) -> None:
    _windows(edges, "payee", "payer", rule, found, "creditor")


def _structuring(edges: list[Payment], rule: LegalRule, found: _Found) -> None:
    """``min_payments`` or more payments by one payer within ``window_days``, each in
    [threshold x (1 - margin), threshold)."""
    threshold = float(rule.param("threshold"))
    low = threshold * (1 - float(rule.param("margin")))
    minimum = int(rule.param("min_payments"))
    window = int(rule.param("window_days"))
    by_payer: dict[str, list[Payment]] = defaultdict(list)
    for edge in edges:
        if low <= edge.amount < threshold:
            by_payer[edge.payer].append(edge)
    for group in by_payer.values():
        group.sort(key=lambda e: e.day)
        start = 0
        for end, edge in enumerate(group):
            while (edge.day - group[start].day).days > window:
                start += 1
            if end - start + 1 >= minimum:
                found.add(
                    rule,
                    group[start : end + 1],
                    "debtor",
                    edge.payer_name,
                    {"threshold": threshold, "band_low": low, "window_days": window},
                )


def _cycles(edges: list[Payment], rule: LegalRule, found: _Found) -> None:
    """Directed cycles of ``min_length``..``max_length`` payments where each payment follows the previous
    one in time, within ``window_days`` overall, and forwards between ``min_hop_ratio`` and 1 of the
    previous amount (the AMLSim cycle: the same funds, less fees, go round)."""
    window = int(rule.param("window_days"))
    low = float(rule.param("min_hop_ratio"))
    shortest, longest = int(rule.param("min_length")), int(rule.param("max_length"))
    outgoing: dict[str, list[Payment]] = defaultdict(list)
    for edge in edges:
        outgoing[edge.payer].append(edge)
    for start in edges:
        stack: list[tuple[Payment, list[Payment]]] = [(start, [start])]
        while stack:
            last, path = stack.pop()
            for step in outgoing.get(last.payee, ()):
                if not (last.day <= step.day and (step.day - start.day).days <= window):
                    continue
                if not (low * last.amount <= step.amount <= last.amount):
                    continue
                if step.payee == start.payer and len(path) + 1 >= shortest:
                    found.add(
                        rule, [*path, step], "debtor", start.payer_name, {"cycle_length": len(path) + 1}
                    )
                elif len(path) + 1 < longest and step.payee not in {p.payer for p in path}:
                    stack.append((step, [*path, step]))


def _pass_through(edges: list[Payment], rule: LegalRule, found: _Found) -> None:
    """A party with little other activity (at most ``max_activity`` payments in the batch, the mark of a
    front or shell company) forwards between ``min_ratio`` and ``max_ratio`` of a received amount (at
    least ``min_amount``) to a third party within ``max_days``."""
    low, high = float(rule.param("min_ratio")), float(rule.param("max_ratio"))
    max_days = int(rule.param("max_days"))
    min_amount = float(rule.param("min_amount"))
    max_activity = int(rule.param("max_activity"))
    outgoing: dict[str, list[Payment]] = defaultdict(list)
    activity: Counter[str] = Counter()
    for edge in edges:
        outgoing[edge.payer].append(edge)
        activity[edge.payer] += 1
        activity[edge.payee] += 1
    for incoming in edges:
        if incoming.amount < min_amount or activity[incoming.payee] > max_activity:
            continue
        for forward in outgoing.get(incoming.payee, ()):
            lag = (forward.day - incoming.day).days
            if (
                forward.payee != incoming.payer
                and 0 <= lag <= max_days
                and low <= forward.amount / incoming.amount <= high
            ):
                found.add(
                    rule,
                    [incoming, forward],
                    "creditor",
                    incoming.payee_name,
                    {"ratio": round(forward.amount / incoming.amount, 4), "lag_days": lag},
                )
