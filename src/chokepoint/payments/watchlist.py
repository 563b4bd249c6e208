"""What payment screening needs from the store, read once: listed parties, BICs, vessels, wallets, links.

A party is *listed* when it carries the topic ``sanction`` or a ``Sanction`` entity points at it.
Vessels also come from the shared DPRK tanker table (OFAC/State/USCG advisory of 2018-02-23) when
it is present. Links are the edges of every FtM relation (``UnknownLink``, ``Ownership``,
``Directorship``, ``Associate``, ``Family``, ``Membership``, ``Representation``...) between two
entities, used for network proximity while ``chokepoint.network`` is not wired in.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from followthemoney import EntityProxy

from chokepoint.crypto.addresses import families_for
from chokepoint.crypto.encodings import AddressError
from chokepoint.payments.identifiers import compact
from chokepoint.store import Store

PARTY_SCHEMATA = ("LegalEntity", "Person", "Organization", "Company", "PublicBody")
TANKERS_FILE = Path("dprk") / "tankers_ofac_2018-02.csv"


@dataclass(frozen=True, slots=True)
class ListedParty:
    """A listed person or organisation with every name it is listed under."""

    id: str
    schema: str
    caption: str
    names: tuple[str, ...]
    programmes: tuple[str, ...]
    countries: tuple[str, ...]
    listed: bool
    provenance: str = ""


@dataclass(frozen=True, slots=True)
class ListedVessel:
    """A listed vessel (store) or a vessel named in a DPRK shipping advisory (shared table)."""

    name: str
    imo: str | None
    entity_id: str | None
    source: str
    """The list version (``source version record``) or the advisory the vessel comes from."""


@dataclass(frozen=True, slots=True)
class ListedWallet:
    """A digital currency address of a listed holder."""

    address: str
    currency: str | None
    entity_id: str
    holder_id: str | None


@dataclass
class Watchlist:
    """Listed parties, BIC index, vessels, wallets and relation edges."""

    parties: dict[str, ListedParty] = field(default_factory=dict)
    bics: dict[str, str] = field(default_factory=dict)
    vessels: list[ListedVessel] = field(default_factory=list)
    wallets: dict[str, ListedWallet] = field(default_factory=dict)
    edges: list[tuple[str, str, str]] = field(default_factory=list)
    """``(source id, target id, relation entity id)`` for every relation between two entities."""

    @classmethod
    def from_store(cls, store: Store, shared_data: Path | None = None) -> Watchlist:
        """Everything from the current versions in ``store`` plus the shared DPRK tanker table."""
        return cls.from_entities(store.entities() if store.exists() else [], shared_data)

    @classmethod
    def from_entities(cls, entities: Iterable[EntityProxy], shared_data: Path | None = None) -> Watchlist:
        watch = cls()
        sanctioned: set[str] = set()
        parties: list[EntityProxy] = []
        for entity in entities:
            schema = entity.schema
            if schema.is_a("Sanction"):
                sanctioned.update(entity.get("entity"))
            elif schema.is_a("CryptoWallet"):
                watch._add_wallet(entity)
            elif schema.is_a("Vessel"):
                parties.append(entity)
            elif schema.edge and schema.source_prop is not None and schema.target_prop is not None:
                for source in entity.get(schema.source_prop):
                    for target in entity.get(schema.target_prop):
                        watch.edges.append((source, target, entity.id or ""))
            elif any(schema.is_a(name) for name in PARTY_SCHEMATA):
                parties.append(entity)
        for entity in parties:
            listed = "sanction" in entity.get("topics") or entity.id in sanctioned
            if entity.schema.is_a("Vessel"):
                if listed:
                    watch._add_vessel(entity)
                continue
            watch._add_party(entity, listed)
        if shared_data is not None:
            watch._add_advisory_tankers(shared_data / TANKERS_FILE)
        return watch

    def _add_party(self, entity: EntityProxy, listed: bool) -> None:
        names = tuple(dict.fromkeys(entity.get("name") + entity.get("alias") + entity.get("previousName")))
        if entity.id is None or not names:
            return
        self.parties[entity.id] = ListedParty(
            id=entity.id,
            schema=entity.schema.name,
            caption=entity.caption,
            names=names,
            programmes=tuple(entity.get("programId")),
            countries=tuple(entity.get("country") + entity.get("jurisdiction")),
            listed=listed,
            provenance=provenance_label(entity),
        )
        if listed:
            for bic in entity.get("swiftBic", quiet=True):
                self.bics[compact(bic)[:8]] = entity.id

    def _add_vessel(self, entity: EntityProxy) -> None:
        imos: list[str | None] = [compact(v).removeprefix("IMO") for v in entity.get("imoNumber")] or [None]
        for name in entity.get("name") + entity.get("alias") + entity.get("previousName"):
            for imo in imos:
                self.vessels.append(ListedVessel(name, imo, entity.id, provenance_label(entity)))

    def _add_wallet(self, entity: EntityProxy) -> None:
        holders = entity.get("holder")
        ticker = entity.first("currencySymbol")
        for address in entity.get("publicKey"):
            wallet = ListedWallet(address, ticker, entity.id or "", holders[0] if holders else None)
            for key in wallet_keys(address, ticker):
                self.wallets[key] = wallet

    def _add_advisory_tankers(self, path: Path) -> None:
        if not path.exists():
            return
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                self.vessels.append(ListedVessel(row["name"], row["imo"] or None, None, row["source"]))

    def listed_ids(self) -> set[str]:
        return {pid for pid, party in self.parties.items() if party.listed}


def provenance_label(entity: EntityProxy) -> str:
    """``<source> <version> record <key>``: where a listed entity comes from, for evidence."""
    data = entity.context.get("provenance") or {}
    return f"{data.get('source', '?')} {data.get('version', '?')} record {data.get('record', '?')}"


def wallet_keys(address: str, ticker: str | None = None) -> list[str]:
    """The match keys of a wallet address: ``family:normal form`` for every chain family whose checksum
    and alphabet accept it (``chokepoint.crypto``: EVM lower-cased after EIP-55, bech32 lower-cased,
    base58 kept as it is), so the same key is found on every ticker of a family; when no family accepts
    it, the raw address (lower-cased for hex and bech32, whose case carries no meaning)."""
    keys: list[str] = []
    for family in families_for(ticker):
        try:
            keys.append(f"{family.name}:{family.normalise(address.strip())}")
        except AddressError:
            continue
    if keys:
        return keys
    lowered = address.strip().lower()
    raw = lowered if lowered.startswith(("0x", "bc1", "ltc1", "tb1", "bitcoincash:")) else address.strip()
    return ["raw:" + raw]
