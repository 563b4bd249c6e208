"""Screen payment messages: every party and agent, every free text, class-of-transaction rules.

For each message: each party and agent is checked for a North Korean country (BIC, IBAN, address),
screened by name and BIC against the lists, checked for network proximity to listed parties and for
+850 phones and DPRK places in its address; each free text is searched for +850 phones, DPRK places,
listed vessels (IMO and name), listed wallets; when the message already has a DPRK nexus, goods under
UN bans named in its texts add a ``dprk-commodity`` alert. Each hit is an ``Alert`` with the rule
version applied, its citation, the action and the evidence. The rules in force on the settlement
date apply.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from chokepoint.collector import collector_paused
from chokepoint.payments.alerts import Alert
from chokepoint.payments.identifiers import bic_country
from chokepoint.payments.indicators import DPRK_COUNTRY, BannedGoods, DprkIndicators, IndicatorHit
from chokepoint.payments.message import Address, Message, Party
from chokepoint.payments.proximity import LinkProximity, NetworkProximity, ProximityFinder
from chokepoint.payments.rules import LegalRule, RuleBook
from chokepoint.payments.screener import (
    CachedScreener,
    EngineScreener,
    ListNameScreener,
    PartyMatch,
    PartyScreener,
)
from chokepoint.payments.watchlist import ListedVessel, ListedWallet, Watchlist
from chokepoint.screening.cache import screener_for as engine_for
from chokepoint.store import Store

BIC_IN_TEXT_RE = re.compile(r"(?<![A-Z0-9])([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)(?![A-Z0-9])")
"""A BIC-shaped word in free text (MT 72 ``/INS/KKBCKPPY``): flagged when its country is KP or listed."""

Matcher = Literal["words", "engine"]

NEXUS_RULES = frozenset(
    {
        "sanctioned-party",
        "dprk-financial-institution",
        "dprk-party",
        "dprk-phone",
        "dprk-place",
        "sanctioned-vessel",
        "sanctioned-vessel-name",
        "sanctioned-wallet",
    }
)
"""Rules whose hit gives a message a DPRK or sanctions nexus (and so lets ``dprk-commodity`` fire)."""

PARTY_MEMO_SIZE = 200_000
"""Distinct parties whose ``PartyFacts`` a screening run remembers before the memo starts afresh."""

PartyKey = tuple[str, str | None, str | None, str | None, Address | None, tuple[str, ...]]
"""What identifies a party for screening: kind, name, BIC, account, address and phones (not its role)."""


def party_key(party: Party) -> PartyKey:
    """The ``PartyKey`` of a party: the same bank or customer in any role of any message shares it."""
    account = party.account.value if party.account is not None else None
    return (party.kind, party.name, party.bic, account, party.address, party.phones)


@dataclass(frozen=True, slots=True)
class PartyFacts:
    """What screening finds about one distinct party, independent of its role and of the date (the rules
    in force on the date then decide the alerts): its countries and whether one is KP, its best list
    match, and the +850 phones and DPRK places in its address and contact details. Payment traffic
    repeats the same banks and customers, so a run works these out once per party."""

    countries: dict[str, str]
    dprk: bool
    match: PartyMatch | None
    indicators: tuple[IndicatorHit, ...]


@dataclass
class PaymentScreener:
    """Screens messages against a watchlist with a party screener, indicator tables and rules."""

    watchlist: Watchlist
    screener: PartyScreener
    indicators: DprkIndicators
    proximity: ProximityFinder | None = None
    rules: RuleBook = field(default_factory=RuleBook.default)
    today: date | None = None

    def __post_init__(self) -> None:
        if self.proximity is None:
            self.proximity = LinkProximity(self.watchlist.edges, self.watchlist.listed_ids())

    @classmethod
    def from_store(
        cls,
        store: Store,
        shared_data: Path | None = None,
        rules: RuleBook | None = None,
        matcher: Matcher = "words",
    ) -> PaymentScreener:
        """A screener over the store's current lists, with per-name caching for batches and the network
        engine for proximity. ``matcher`` picks the name matcher: ``words`` (``ListNameScreener``, the
        default: best precision and recall on the payments bench) or ``engine`` (the screening
        engine's calibrated ``Screener`` through ``EngineScreener``)."""
        screener = cls.from_watchlist(Watchlist.from_store(store, shared_data), shared_data, rules)
        if matcher == "engine":
            screener.screener = CachedScreener(EngineScreener(engine_for(store), screener.watchlist))
        if store.exists():
            screener.proximity = NetworkProximity(store)
        return screener

    @classmethod
    def from_watchlist(
        cls, watchlist: Watchlist, shared_data: Path | None = None, rules: RuleBook | None = None
    ) -> PaymentScreener:
        return cls(
            watchlist=watchlist,
            screener=CachedScreener(ListNameScreener(watchlist)),
            indicators=DprkIndicators.load(watchlist, shared_data),
            rules=rules or RuleBook.default(),
        )

    def screen(self, messages: Iterable[Message]) -> Iterator[Alert]:
        """Alerts of every message, in message order; what is found about a party is worked out once
        per distinct party of the run (see ``PartyFacts``)."""
        facts: dict[PartyKey, PartyFacts] = {}
        for message in messages:
            yield from self.screen_message(message, facts)

    def screen_batch(self, messages: Iterable[Message]) -> list[Alert]:
        """``screen`` for a whole batch at once, with the cyclic garbage collector paused."""
        with collector_paused():
            return list(self.screen(messages))

    def screen_message(
        self, message: Message, facts: dict[PartyKey, PartyFacts] | None = None
    ) -> list[Alert]:
        """Alerts of one message; ``facts`` is a memo of ``PartyFacts`` shared by the messages of a run
        (at most ``PARTY_MEMO_SIZE`` parties, then it starts afresh)."""
        day = message.settlement_date or self.today or date.today()
        hits = _Hits(message, self.rules, day)
        memo: dict[PartyKey, PartyFacts] = {} if facts is None else facts
        for party in message.parties:
            key = party_key(party)
            found = memo.get(key)
            if found is None:
                if len(memo) >= PARTY_MEMO_SIZE:
                    memo.clear()
                found = memo[key] = self.party_facts(party)
            self._party(party, found, hits)
        for text in message.texts:
            self._text(text.role, text.text, hits)
        if hits.nexus:
            for text in message.texts:
                for goods in self.indicators.banned_goods(text.text):
                    hits.indicator("dprk-commodity", text.role, text.text, goods)
        return hits.alerts

    def party_facts(self, party: Party) -> PartyFacts:
        """What the lists and indicator tables say about a party, whatever its role and the date."""
        countries = party.countries()
        match: PartyMatch | None = None
        if party.name or party.bic:
            schema = "Organization" if party.kind == "agent" else "LegalEntity"
            country = next(iter(countries.values()), None)
            matches = self.screener.match(party.name or "", schema, country, bic=party.bic)
            match = matches[0] if matches else None
        address = party.address
        lines = [*address.lines, address.town or ""] if address is not None else []
        found: list[IndicatorHit] = []
        for line in [*lines, *party.phones]:
            if line:
                found += self.indicators.phones_and_places(line)
        return PartyFacts(countries, DPRK_COUNTRY in countries.values(), match, tuple(found))

    def _party(self, party: Party, facts: PartyFacts, hits: _Hits) -> None:
        if facts.dprk:
            rule = "dprk-financial-institution" if party.kind == "agent" else "dprk-party"
            hits.add(rule, party.role, party.label(), None, 1.0, {"countries": dict(facts.countries)})
        if facts.match is not None:
            self._matched(party, facts.match, hits)
        if facts.indicators:
            name = party.label()
            for hit in facts.indicators:
                hits.indicator("dprk-phone" if hit.kind == "phone" else "dprk-place", party.role, name, hit)

    def _matched(self, party: Party, match: PartyMatch, hits: _Hits) -> None:
        listed = self.watchlist.parties.get(match.entity_id)
        evidence: dict[str, Any] = {
            "matched_name": match.matched_name,
            "feature": match.feature,
            "programmes": list(match.programmes),
            "list_record": listed.provenance if listed else "",
        }
        if listed is None or listed.listed:
            block = hits.rule("sanctioned-party")
            review = hits.rule("possible-sanctioned-party")
            if block is not None and match.score >= float(block.param("block_score")):
                hits.add(
                    "sanctioned-party", party.role, party.label(), match.entity_id, match.score, evidence
                )
            elif review is not None and match.score >= float(review.param("review_score")):
                hits.add(
                    "possible-sanctioned-party",
                    party.role,
                    party.label(),
                    match.entity_id,
                    match.score,
                    evidence,
                )
            return
        proximity = hits.rule("network-proximity")
        review = hits.rule("possible-sanctioned-party")
        if proximity is None or review is None or match.score < float(review.param("review_score")):
            return
        assert self.proximity is not None
        exposure = self.proximity.near(match.entity_id, int(proximity.param("max_hops")))
        if exposure is not None:
            evidence.update(
                hops=exposure.hops,
                listed_entity_id=exposure.listed_id,
                path=list(exposure.path),
                path_strength=exposure.strength,
            )
            hits.add("network-proximity", party.role, party.label(), match.entity_id, match.score, evidence)

    def _phones_places(self, role: str, name: str, text: str, hits: _Hits) -> None:
        for hit in self.indicators.phones_and_places(text):
            hits.indicator("dprk-phone" if hit.kind == "phone" else "dprk-place", role, name, hit)

    def _text(self, role: str, text: str, hits: _Hits) -> None:
        self._phones_places(role, text, text, hits)
        for hit in self.indicators.vessels(text):
            rule = "sanctioned-vessel" if hit.kind == "vessel_imo" else "sanctioned-vessel-name"
            hits.indicator(rule, role, text, hit)
        for hit in self.indicators.wallets_in(text):
            hits.indicator("sanctioned-wallet", role, text, hit)
        for bic in BIC_IN_TEXT_RE.findall(text):
            if bic_country(bic) == DPRK_COUNTRY:
                hits.add("dprk-financial-institution", role, text, None, 1.0, {"matched": bic, "bic": bic})
            listed = self.watchlist.bics.get(bic[:8])
            if listed is not None:
                hits.add(
                    "sanctioned-party", role, text, listed, 1.0, {"matched": bic, "feature": "bic_in_text"}
                )


class _Hits:
    """The alerts of one message, with the rule versions in force on its date."""

    def __init__(self, message: Message, rules: RuleBook, day: date) -> None:
        self.message = message
        self.rules = rules
        self.day = day
        self.alerts: list[Alert] = []
        self.nexus = False
        self._seen: set[tuple[str, str, str]] = set()
        self._rules: dict[str, LegalRule | None] = {}

    def rule(self, rule_id: str) -> LegalRule | None:
        if rule_id not in self._rules:
            self._rules[rule_id] = self.rules.rule(rule_id, self.day)
        return self._rules[rule_id]

    def add(
        self,
        rule_id: str,
        role: str,
        name: str,
        entity_id: str | None,
        score: float,
        evidence: dict[str, Any],
    ) -> None:
        rule = self.rule(rule_id)
        key = (rule_id, role, entity_id or str(evidence.get("hs") or evidence.get("matched", "")))
        if rule is None or key in self._seen:
            return
        self._seen.add(key)
        self.nexus = self.nexus or rule_id in NEXUS_RULES
        self.alerts.append(
            Alert(
                message_id=self.message.message_id,
                uetr=self.message.uetr,
                rule=rule.id,
                action=rule.action,
                party_role=role,
                party_name=name,
                matched_entity_id=entity_id,
                score=round(score, 4),
                evidence={
                    "rule_version": rule.label,
                    "citation": rule.citation,
                    "format": self.message.format,
                    **evidence,
                },
                source=self.message.source,
                index=self.message.index,
            )
        )

    def indicator(self, rule_id: str, role: str, name: str, hit: IndicatorHit) -> None:
        evidence: dict[str, Any] = {"indicator": hit.kind, "matched": hit.text}
        entity_id: str | None = None
        detail = hit.detail
        if isinstance(detail, ListedVessel):
            entity_id = detail.entity_id
            evidence.update(vessel=detail.name, imo=detail.imo, list_record=detail.source)
        elif isinstance(detail, ListedWallet):
            entity_id = detail.entity_id
            evidence.update(currency=detail.currency, holder=detail.holder_id)
        elif isinstance(detail, BannedGoods):
            evidence.update(hs=detail.hs, goods=detail.goods, ban=detail.citation)
        elif detail is not None:
            evidence.update(place=detail.name, place_kind=detail.kind, place_source=detail.source)
        self.add(rule_id, role, name, entity_id, 1.0, evidence)
