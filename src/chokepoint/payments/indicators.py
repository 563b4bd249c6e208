"""DPRK indicators in payment data: +850 phones, ports and cities, vessels, wallets and banned goods.

Tables are data: ``data/dprk_places.csv`` (country names, cities, ambiguous port names, each with its
source), the shared ``dprk/ports.csv`` (ports with UN/LOCODE), ``data/dprk_hs_bans.csv`` (UN bans by
HS code with resolution and paragraph) and the watchlist's vessels and wallets. Every finder is an
exact set or phrase lookup, so a message costs a few dict probes per word.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rigour.ids import IMO

from chokepoint.payments.phrases import PhraseIndex, tokens
from chokepoint.payments.watchlist import ListedVessel, ListedWallet, Watchlist, wallet_keys

PORTS_FILE = Path("dprk") / "ports.csv"
DPRK_COUNTRY = "KP"
PHONE_RE = re.compile(r"(?<![\d+])(?:\+|00)\s?850(?:[\s\-./()]*\d){5,}")
"""+850 or 00850 followed by at least five more digits (ITU-T E.164 country code of the DPRK)."""
IMO_RE = re.compile(r"(?<!\d)(\d{7})(?!\d)")
HS_CODE_RE = re.compile(r"\bHS(?:\s*CODE)?[\s:.#-]*(\d{4,10})\b")
"""An HS code written after ``HS`` or ``HS CODE`` (4 to 10 digits: heading, subheading, tariff line)."""
MEMO_SIZE = 100_000
"""Texts whose phone and place hits are remembered before the memo starts afresh."""
MIN_WALLET_CHARS = 25
"""The shortest address looked up: Bitcoin base58 addresses have 25 to 34 characters."""
CONTEXT_WORDS = frozenset({"DPRK", "PYONGYANG", "NORTH", "DPR", "CHOSON", "JOSEON"})
"""Words that let an ambiguous place name (``Rajin``, ``Panjang``) count as a DPRK indicator."""


@dataclass(frozen=True, slots=True)
class Place:
    """A DPRK place name: the country itself, a city or a port, with where the name comes from."""

    name: str
    kind: str
    source: str
    needs_context: bool = False


@dataclass(frozen=True, slots=True)
class BannedGoods:
    """A UN ban on trade with the DPRK for an HS chapter, heading or range of chapters."""

    hs: str
    goods: str
    direction: str
    resolution: str
    paragraph: str
    adopted: str

    @property
    def citation(self) -> str:
        return f"{self.resolution} para {self.paragraph} (HS {self.hs}, {self.goods}, {self.direction})"

    def covers(self, code: str) -> bool:
        """Whether an HS code (2 to 10 digits) falls under this chapter, heading or chapter range."""
        if "-" in self.hs:
            low, high = (int(part) for part in self.hs.split("-"))
            return low <= int(code[:2]) <= high
        return code.startswith(self.hs)


@dataclass(frozen=True, slots=True)
class IndicatorHit:
    """One indicator found in one piece of text: what kind, the matched text and its details."""

    kind: str
    text: str
    detail: Place | BannedGoods | ListedVessel | ListedWallet | None = None


class DprkIndicators:
    """All DPRK indicator tables, ready for lookups."""

    def __init__(
        self, places: list[Place], goods: list[tuple[str, BannedGoods]], watchlist: Watchlist | None = None
    ) -> None:
        self.places: PhraseIndex[Place] = PhraseIndex()
        for place in places:
            self.places.add(place.name, place)
        self.goods: PhraseIndex[BannedGoods] = PhraseIndex(goods)
        self._bans = list({id(ban): ban for _, ban in goods}.values())
        self.vessel_names: PhraseIndex[ListedVessel] = PhraseIndex()
        self.vessels_by_imo: dict[str, ListedVessel] = {}
        self.wallets: dict[str, ListedWallet] = {}
        self._memo: dict[str, list[IndicatorHit]] = {}
        if watchlist is not None:
            for vessel in watchlist.vessels:
                if _distinctive(vessel.name):
                    self.vessel_names.add(vessel.name, vessel)
                if vessel.imo:
                    self.vessels_by_imo.setdefault(vessel.imo, vessel)
            self.wallets = dict(watchlist.wallets)

    @classmethod
    def load(cls, watchlist: Watchlist | None = None, shared_data: Path | None = None) -> DprkIndicators:
        """Packaged tables, the shared ports table when present, the watchlist's vessels and wallets."""
        places = _packaged_places()
        if shared_data is not None and (shared_data / PORTS_FILE).exists():
            places += _shared_ports(shared_data / PORTS_FILE)
        return cls(places, _packaged_goods(), watchlist)

    def phones(self, text: str) -> list[IndicatorHit]:
        return [IndicatorHit("phone", m.group(0).strip()) for m in PHONE_RE.finditer(text)]

    def phones_and_places(self, text: str) -> list[IndicatorHit]:
        """``phones`` and ``place_names`` of a text, memoised: addresses and towns repeat across a batch."""
        found = self._memo.get(text)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self.phones(text) + self.place_names(text)
            self._memo[text] = found
        return found

    def place_names(self, text: str) -> list[IndicatorHit]:
        hits = self.places.find(text)
        if not hits:
            return []
        context = bool(CONTEXT_WORDS.intersection(tokens(text))) or any(
            not h.payload.needs_context for h in hits
        )
        return [
            IndicatorHit("place", h.phrase, h.payload) for h in hits if context or not h.payload.needs_context
        ]

    def vessels(self, text: str) -> list[IndicatorHit]:
        """Listed IMO numbers (valid check digit) and, separately, listed vessel names."""
        hits: list[IndicatorHit] = []
        for match in IMO_RE.finditer(text):
            vessel = self.vessels_by_imo.get(match.group(1))
            if vessel is not None and IMO.is_valid(match.group(1)):
                hits.append(IndicatorHit("vessel_imo", match.group(1), vessel))
        named = {h.detail.name.upper() for h in hits if isinstance(h.detail, ListedVessel)}
        for hit in self.vessel_names.find(text):
            if hit.payload.name.upper() not in named:
                hits.append(IndicatorHit("vessel_name", hit.phrase, hit.payload))
        return hits

    def wallets_in(self, text: str) -> list[IndicatorHit]:
        """Listed wallet addresses, also when a line break split one (a 42-character EVM address cannot
        fit a 35-character MT line): each word and each pair of adjacent words is looked up exactly."""
        if not self.wallets:
            return []
        words = [w.strip(".,;:()[]") for w in text.split()]
        hits: list[IndicatorHit] = []
        for i, word in enumerate(words):
            for candidate in (word, word + words[i + 1] if i + 1 < len(words) else ""):
                if len(candidate) >= MIN_WALLET_CHARS:
                    found = next((self.wallets[k] for k in wallet_keys(candidate) if k in self.wallets), None)
                    if found is not None:
                        hits.append(IndicatorHit("wallet", candidate, found))
        return hits

    def banned_goods(self, text: str) -> list[IndicatorHit]:
        """Banned goods named in words (``ANTHRACITE``) or by HS code (``HS 270112``, ``HS CODE 6109``)."""
        hits = [IndicatorHit("goods", h.phrase, h.payload) for h in self.goods.find(text)]
        for match in HS_CODE_RE.finditer(text.upper()):
            code = match.group(1)
            hits += [IndicatorHit("goods", f"HS {code}", ban) for ban in self._bans if ban.covers(code)]
        return hits


def _distinctive(name: str) -> bool:
    """Vessel names of two or more words or of eight or more letters; ``HAO`` or ``RICH`` alone are not."""
    words = tokens(name)
    return len(words) >= 2 or (len(words) == 1 and len(words[0]) >= 8)


def _packaged_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("chokepoint.payments").joinpath(f"data/{name}").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _packaged_places() -> list[Place]:
    places: list[Place] = []
    for row in _packaged_csv("dprk_places.csv"):
        needs_context = row["needs_context"] == "yes"
        for name in [row["name"], *(a for a in row["aliases"].split(";") if a)]:
            places.append(Place(name, row["kind"], row["source"], needs_context))
    return places


def _shared_ports(path: Path) -> list[Place]:
    """Ports of the shared table; ``Kimchaek (Songjin)`` gives both names. Ambiguous names are in the
    packaged table with ``needs_context`` and are not added again."""
    ambiguous = {p.name.upper() for p in _packaged_places() if p.needs_context}
    places: list[Place] = []
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            source = f"shared dprk/ports.csv (UN/LOCODE {row['unlocode'] or 'none'})"
            for name in re.split(r"[()]", row["name"]):
                name = name.strip()
                if name and name.upper() not in ambiguous:
                    places.append(Place(name, "port", source))
    return places


def _packaged_goods() -> list[tuple[str, BannedGoods]]:
    entries: list[tuple[str, BannedGoods]] = []
    for row in _packaged_csv("dprk_hs_bans.csv"):
        ban = BannedGoods(
            row["hs"], row["goods"], row["direction"], row["resolution"], row["paragraph"], row["adopted"]
        )
        for keyword in row["keywords"].split(";"):
            if keyword:
                entries.append((keyword, ban))
    return entries
