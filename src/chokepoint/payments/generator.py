"""A seeded synthetic payment generator (AMLSim-style) that hides DPRK-nexus payments in ordinary traffic.

Ordinary traffic: customers in 19 countries (companies and people, IBANs where the country uses
them) with heavy-tailed activity (Pareto weights, as in AMLSim, Suzumura and Kanezashi 2019) pay each
other log-normal amounts through their banks, cross-border payments through a correspondent, a share
as cover payments (MT202COV, pacs.009 COV). No ordinary customer carries a listed name word for word:
that would be a true name hit which only data the generator does not model (a date of birth) could
clear. Hard negatives are part of ordinary traffic: South Korean customers with +82 phones, Dandong
and Vladivostok traders, coal, steel and seafood in remittance text, names close to listed ones.
Planted ordinary typologies: fan-in, fan-out, cycles, structuring and pass-through. Planted DPRK-nexus
payments use the store's listed parties (exact and variant names, BICs), North Korean agents and
addresses, +850 phones, DPRK ports, listed vessels' IMO numbers, listed wallets, cover payments whose
underlying customer is listed and front companies linked to listed parties.

Everything is written as real pacs.008 / pacs.009 XML and MT103 / MT202COV RJE files with
``ground_truth.csv`` (one row per payment: UETR, nexus kind, typology, listed entity).
"""

from __future__ import annotations

import csv
import random
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from followthemoney import EntityProxy

from chokepoint.config import shared_data_dir
from chokepoint.errors import StoreError
from chokepoint.model import ListVersion, make_entity
from chokepoint.payments.identifiers import iban_check_digits
from chokepoint.payments.message import Account, Address, FreeText, Message, MessageFormat, Party
from chokepoint.payments.proximity import exposures
from chokepoint.payments.screener import fold_name
from chokepoint.payments.watchlist import ListedParty, Watchlist
from chokepoint.payments.writers import PRIMARY_OFFICE, pacs_xml, rje
from chokepoint.store import Store

PARETO_ALPHA = 1.5
"""Shape of customer activity weights (AMLSim uses power-law degree distributions)."""

_COUNTRIES: dict[str, tuple[tuple[str, ...], bool, str]] = {
    "US": (("NEW YORK", "CHICAGO", "HOUSTON", "LOS ANGELES"), False, "+1"),
    "GB": (("LONDON", "MANCHESTER", "LEEDS"), True, "+44"),
    "DE": (("HAMBURG", "FRANKFURT", "MUNICH"), True, "+49"),
    "FR": (("PARIS", "LYON", "MARSEILLE"), True, "+33"),
    "NL": (("ROTTERDAM", "AMSTERDAM"), True, "+31"),
    "CH": (("GENEVA", "ZURICH"), True, "+41"),
    "AE": (("DUBAI", "ABU DHABI", "SHARJAH"), True, "+971"),
    "TR": (("ISTANBUL", "MERSIN"), True, "+90"),
    "CN": (("SHANGHAI", "DALIAN", "DANDONG", "SHENZHEN"), False, "+86"),
    "HK": (("HONG KONG",), False, "+852"),
    "SG": (("SINGAPORE",), False, "+65"),
    "KR": (("SEOUL", "BUSAN", "INCHEON"), False, "+82"),
    "JP": (("TOKYO", "OSAKA"), False, "+81"),
    "RU": (("VLADIVOSTOK", "MOSCOW"), False, "+7"),
    "MY": (("KUALA LUMPUR", "PORT KLANG"), False, "+60"),
    "TH": (("BANGKOK",), False, "+66"),
    "VN": (("HANOI", "HAIPHONG"), False, "+84"),
    "ID": (("JAKARTA", "SURABAYA"), False, "+62"),
    "AU": (("SYDNEY", "NEWCASTLE"), False, "+61"),
}
_PREFIX = (
    "GOLDEN",
    "PACIFIC",
    "NORTHERN",
    "SILVER",
    "BLUE",
    "GREAT",
    "EASTERN",
    "ROYAL",
    "GREEN",
    "STAR",
    "OCEAN",
    "GRAND",
    "PRIME",
    "UNITED",
    "SUMMIT",
    "CRYSTAL",
    "PHOENIX",
    "LOTUS",
    "JADE",
    "ATLAS",
    "ORION",
    "SUNRISE",
    "MERIDIAN",
    "HORIZON",
    "CORAL",
    "MAPLE",
    "FALCON",
    "HARMONY",
    "VERTEX",
    "AURORA",
)
_CORE = (
    "HARBOR",
    "BRIDGE",
    "PEAK",
    "RIVER",
    "GATE",
    "WAVE",
    "FIELD",
    "STONE",
    "LIGHT",
    "WAY",
    "POINT",
    "BAY",
    "CREST",
    "LINK",
    "PATH",
    "WELL",
)
_SECTOR = (
    "TRADING",
    "LOGISTICS",
    "SHIPPING",
    "TEXTILES",
    "ELECTRONICS",
    "METALS",
    "FOODS",
    "ENERGY",
    "CHEMICALS",
    "MACHINERY",
    "HOLDINGS",
    "AGENCY",
    "INDUSTRIES",
    "MARINE",
    "RESOURCES",
    "SUPPLY",
)
_FORMS = ("LTD", "LLC", "GMBH", "SARL", "BV", "AG", "FZE", "PTE LTD", "CO LTD", "JSC", "SDN BHD", "INC")
_GIVEN = (
    "JAMES",
    "ANNA",
    "WEI",
    "MIN-JUN",
    "SEO-YEON",
    "HIROSHI",
    "OLGA",
    "AHMED",
    "FATIMA",
    "LUCAS",
    "SOFIA",
    "NGUYEN VAN",
    "RAHUL",
    "MARIA",
    "CHEN",
    "IVAN",
    "EMMA",
    "OMAR",
    "YUKI",
    "HANS",
)
_FAMILY = (
    "SMITH",
    "MUELLER",
    "WANG",
    "LI",
    "PARK",
    "CHOI",
    "TANAKA",
    "IVANOV",
    "HASSAN",
    "SILVA",
    "ROSSI",
    "DUBOIS",
    "TRAN",
    "SHARMA",
    "GARCIA",
    "PETROV",
    "KOWALSKI",
    "JANSSEN",
    "OZTURK",
    "LIM",
)
_GOODS = (
    "ELECTRONIC COMPONENTS",
    "STEEL COILS",
    "COTTON TEXTILES",
    "FROZEN SEAFOOD",
    "STEAM COAL",
    "MACHINERY PARTS",
    "FURNITURE",
    "RICE",
    "SOFTWARE LICENCE",
    "CONSULTING SERVICES",
    "CRUDE OIL",
    "GARMENTS",
    "AUTO PARTS",
    "FERTILISER",
    "PLASTIC RESIN",
    "MEDICAL SUPPLIES",
    "TIMBER",
    "COPPER CATHODES",
)
_SHIPS = ("OCEAN GRACE", "PACIFIC DAWN", "SEA FORTUNE", "NORDIC BREEZE", "GOLDEN BAY", "ASIA PROGRESS")
_PORTS = ("DALIAN", "BUSAN", "ROTTERDAM", "SINGAPORE", "DANDONG", "VLADIVOSTOK")
_DPRK_TOWNS = ("PYONGYANG", "NAMPO", "SINUIJU", "CHONGJIN", "WONSAN", "RASON")

NEXUS_KINDS: dict[str, float] = {
    "listed_party": 0.18,
    "listed_party_variant": 0.14,
    "listed_bic_agent": 0.08,
    "kp_agent": 0.08,
    "kp_address": 0.08,
    "phone_850": 0.08,
    "place_text": 0.08,
    "vessel_imo": 0.08,
    "wallet": 0.06,
    "cover_listed": 0.08,
    "front_company": 0.06,
}
"""Kinds of hidden DPRK-nexus payments and their share; kinds the watchlist cannot support are skipped."""

TYPOLOGIES = ("fan_in", "fan_out", "cycle", "structuring", "pass_through")


@dataclass(frozen=True)
class GeneratorConfig:
    """Size and mix of one synthetic run; the same config and watchlist give the same files."""

    seed: int = 1
    messages: int = 2000
    nexus_share: float = 0.03
    typology_share: float = 0.06
    start: date = date(2025, 3, 3)
    days: int = 28
    batch_size: int = 500
    cover_share: float = 0.15
    iso_share: float = 0.55


@dataclass(frozen=True)
class Truth:
    """Ground truth of one payment."""

    uetr: str
    message_id: str
    format: str
    nexus: bool
    nexus_kind: str
    typology: str
    pattern: str
    entity_id: str


@dataclass
class Generated:
    """Messages and their truth, in memory; ``files`` once written."""

    messages: list[Message]
    truth: list[Truth]
    files: list[Path] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        kinds: dict[str, int] = {}
        for row in self.truth:
            label = row.nexus_kind or row.typology or "ordinary"
            kinds[label] = kinds.get(label, 0) + 1
        return {"messages": len(self.messages), "files": [str(f) for f in self.files], "by_kind": kinds}


@dataclass(frozen=True)
class _Customer:
    name: str
    kind: str
    country: str
    town: str
    account: str
    bank: Party
    street: str
    phone: str


class _World:
    def __init__(self, config: GeneratorConfig, watchlist: Watchlist) -> None:
        self.config = config
        self.rng = random.Random(config.seed)
        self.watchlist = watchlist
        self.listed_names = {_name_key(n) for p in watchlist.parties.values() if p.listed for n in p.names}
        self.banks = {c: [self._bank(c) for _ in range(3)] for c in _COUNTRIES}
        self.correspondents = self.banks["US"] + self.banks["DE"][:1]
        count = max(50, config.messages // 6)
        self.customers = [self._customer() for _ in range(count)]
        self.weights = [self.rng.paretovariate(PARETO_ALPHA) for _ in self.customers]
        self.listed = [p for p in watchlist.parties.values() if p.listed and p.names]
        self.listed_bics = sorted(watchlist.bics)
        self.vessels = [v for v in watchlist.vessels if v.imo]
        self.wallets = sorted(
            {w.address: w for w in watchlist.wallets.values()}.values(), key=lambda w: w.address
        )
        near = exposures(watchlist.edges, watchlist.listed_ids(), 2)
        self.fronts = [watchlist.parties[i] for i in sorted(near) if i in watchlist.parties]
        self.serial = 0

    def _bic(self, country: str) -> str:
        letters = "".join(self.rng.choice("ABCDEFGHIJLMNOQRSTUVWXYZ") for _ in range(4))
        return letters + country + self.rng.choice("23456789") + self.rng.choice("ABCDEFGHJLMNPQRSTUVWXYZ")

    def _bank(self, country: str) -> Party:
        name = f"{self.rng.choice(_PREFIX)} {self.rng.choice(_CORE)} BANK"
        return Party("bank", "agent", name=name, bic=self._bic(country))

    def _account(self, country: str) -> str:
        if _COUNTRIES[country][1]:
            bban = "".join(self.rng.choice("0123456789") for _ in range(18))
            return country + iban_check_digits(country, bban) + bban
        return "".join(self.rng.choice("0123456789") for _ in range(self.rng.randint(8, 14)))

    def _customer(self) -> _Customer:
        country = self.rng.choice(list(_COUNTRIES))
        name, kind = self._name()
        while _name_key(name) in self.listed_names:
            name, kind = self._name()
        towns, _, prefix = _COUNTRIES[country]
        phone = f"{prefix} {self.rng.randint(10, 99)} {self.rng.randint(1000000, 9999999)}"
        kind_of_street = self.rng.choice(("ROAD", "STREET", "AVENUE"))
        street = f"{self.rng.randint(1, 400)} {self.rng.choice(_CORE)} {kind_of_street}"
        return _Customer(
            name,
            kind,
            country,
            self.rng.choice(towns),
            self._account(country),
            self.rng.choice(self.banks[country]),
            street,
            phone,
        )

    def _name(self) -> tuple[str, str]:
        if self.rng.random() < 0.7:
            words = [
                self.rng.choice(_PREFIX),
                self.rng.choice(_CORE),
                self.rng.choice(_SECTOR),
                self.rng.choice(_FORMS),
            ]
            return " ".join(words), "company"
        return f"{self.rng.choice(_GIVEN)} {self.rng.choice(_FAMILY)}", "person"

    def pick(self) -> _Customer:
        return self.rng.choices(self.customers, weights=self.weights)[0]

    def day(self, base: date | None = None, spread: int | None = None) -> date:
        if base is not None:
            return base + timedelta(days=self.rng.randint(0, spread or 0))
        return self.config.start + timedelta(days=self.rng.randint(0, self.config.days - 1))

    def amount(self) -> Decimal:
        value = self.rng.lognormvariate(9.0, 1.4)
        while 8800 <= value < 10000:
            value = self.rng.lognormvariate(9.0, 1.4)
        return Decimal(f"{value:.2f}")

    def remittance(self) -> str:
        templates = (
            f"INV {self.rng.randint(1000, 99999)} {self.rng.choice(_GOODS)}",
            f"PAYMENT FOR {self.rng.choice(_GOODS)} CONTRACT {self.rng.randint(100, 9999)}",
            f"SERVICE FEE {self.rng.choice(('JAN', 'FEB', 'MAR', 'APR'))}",
            f"FREIGHT {self.rng.choice(_PORTS)}",
            f"CHARTER HIRE MV {self.rng.choice(_SHIPS)}",
            f"SALARY {self.rng.choice(('MARCH', 'APRIL'))}",
        )
        return self.rng.choice(templates)

    def payment(
        self,
        payer: _Customer,
        payee: _Customer,
        amount: Decimal | None = None,
        day: date | None = None,
        fmt: MessageFormat | None = None,
    ) -> Message:
        self.serial += 1
        if fmt is None:
            cover = self.rng.random() < self.config.cover_share
            iso = self.rng.random() < self.config.iso_share
            fmt = ("pacs.009" if iso else "MT202COV") if cover else ("pacs.008" if iso else "MT103")
        uetr = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        debtor_agent, creditor_agent = (
            replace(payer.bank, role="debtor_agent"),
            replace(payee.bank, role="creditor_agent"),
        )
        chain: list[Party] = []
        if payer.country != payee.country:
            chain.append(replace(self.rng.choice(self.correspondents), role="intermediary_agent_1"))
        parties = [
            replace(payer.bank, role="instructing_agent"),
            replace(chain[0] if chain else payee.bank, role="instructed_agent"),
            *chain,
        ]
        customers = [
            self._party(payer, "debtor"),
            debtor_agent,
            creditor_agent,
            self._party(payee, "creditor"),
        ]
        texts = [FreeText("remittance_text", self.remittance())]
        if fmt in ("pacs.009", "MT202COV"):
            parties += [replace(payer.bank, role="debtor"), replace(payee.bank, role="creditor")]
            customers = [replace(p, role="underlying_" + p.role) for p in customers]
            texts = [FreeText("underlying_" + t.role, t.text) for t in texts]
        return Message(
            format=fmt,
            message_id=f"{fmt[0]}{self.config.seed % 1000:03d}{self.serial:09d}",
            source="",
            index=0,
            uetr=uetr,
            end_to_end_id=f"E2E{self.serial:09d}",
            amount=amount or self.amount(),
            currency=self.rng.choice(("USD", "USD", "EUR")),
            settlement_date=day or self.day(),
            cover=fmt in ("pacs.009", "MT202COV"),
            parties=(*parties, *customers),
            texts=tuple(texts),
        )

    @staticmethod
    def _party(customer: _Customer, role: str) -> Party:
        return Party(
            role,
            "party",
            name=customer.name,
            account=Account(customer.account),
            address=Address(lines=(customer.street,), town=customer.town, country=customer.country),
        )


def _name_key(name: str) -> tuple[str, ...]:
    """Folded words of a name in sorted order, legal forms dropped: ``WANG, Chen`` and ``CHEN WANG``,
    ``SILVER BRIDGE SHIPPING BV`` and ``Silver Bridge Shipping Co., Ltd.`` share a key."""
    return tuple(sorted(fold_name(name).split()))


def build(config: GeneratorConfig, watchlist: Watchlist) -> Generated:
    """Messages and ground truth in memory (no files), deterministic for a config and watchlist."""
    world = _World(config, watchlist)
    messages: list[Message] = []
    truth: list[Truth] = []

    def emit(
        message: Message, nexus_kind: str = "", typology: str = "", pattern: str = "", entity: str = ""
    ) -> None:
        messages.append(message)
        truth.append(
            Truth(
                message.uetr or "",
                message.message_id,
                message.format,
                bool(nexus_kind),
                nexus_kind,
                typology,
                pattern,
                entity,
            )
        )

    planted_typology = int(config.messages * config.typology_share)
    pattern = 0
    while sum(1 for t in truth if t.typology) < planted_typology:
        pattern += 1
        kind = TYPOLOGIES[pattern % len(TYPOLOGIES)]
        for message in _typology(world, kind):
            emit(message, typology=kind, pattern=f"{kind}-{pattern}")
    kinds = _nexus_kinds(world)
    for _ in range(int(config.messages * config.nexus_share)):
        kind = world.rng.choices(list(kinds), weights=list(kinds.values()))[0]
        message, entity = _nexus(world, kind)
        emit(message, nexus_kind=kind, entity=entity)
    while len(messages) < config.messages:
        payer, payee = world.pick(), world.pick()
        if payer is not payee:
            emit(world.payment(payer, payee))
    order = list(range(len(messages)))
    world.rng.shuffle(order)
    return Generated([messages[i] for i in order], [truth[i] for i in order])


def _nexus_kinds(world: _World) -> dict[str, float]:
    available = dict(NEXUS_KINDS)
    if not world.listed:
        for kind in ("listed_party", "listed_party_variant", "cover_listed"):
            available.pop(kind)
    if not world.listed_bics:
        available.pop("listed_bic_agent")
    if not world.vessels:
        available.pop("vessel_imo")
    if not world.wallets:
        available.pop("wallet")
    if not world.fronts:
        available.pop("front_company")
    return available


def _typology(world: _World, kind: str) -> list[Message]:
    """One planted pattern. Hubs and pass-through fronts are new accounts with no ordinary traffic, as
    the shells and collection accounts of the typologies are."""
    rng = world.rng
    start = world.day()
    if kind in ("fan_in", "fan_out"):
        hub = world._customer()
        others = rng.sample([c for c in world.customers if c is not hub], rng.randint(6, 9))
        pairs = [(o, hub) if kind == "fan_in" else (hub, o) for o in others]
        return [world.payment(a, b, day=world.day(start, 5)) for a, b in pairs]
    if kind == "cycle":
        members = rng.sample(world.customers, rng.randint(3, 5))
        amount = Decimal(f"{rng.uniform(20000, 200000):.2f}")
        cycle: list[Message] = []
        for step, payer in enumerate(members):
            payee = members[(step + 1) % len(members)]
            cycle.append(world.payment(payer, payee, amount, start + timedelta(days=2 * step)))
            amount = Decimal(f"{float(amount) * rng.uniform(0.95, 0.99):.2f}")
        return cycle
    if kind == "structuring":
        payer = world._customer()
        payees = rng.sample(world.customers, 3)
        return [
            world.payment(
                payer, rng.choice(payees), Decimal(f"{rng.uniform(9100, 9950):.2f}"), world.day(start, 6)
            )
            for _ in range(rng.randint(4, 6))
        ]
    source, target = rng.sample(world.customers, 2)
    front = world._customer()
    amount = Decimal(f"{rng.uniform(20000, 500000):.2f}")
    forward = Decimal(f"{float(amount) * rng.uniform(0.95, 0.99):.2f}")
    return [
        world.payment(source, front, amount, start),
        world.payment(front, target, forward, world.day(start, 1)),
    ]


def _variant(name: str, rng: random.Random) -> str:
    """A realistic re-spelling: word order, dropped or added legal form, one typo, joined words."""
    words = name.upper().replace(",", "").replace(".", "").split()
    choice = rng.randrange(4)
    if choice == 0 and len(words) >= 2:
        words[0], words[1] = words[1], words[0]
    elif choice == 1:
        words = [*words, "CO LTD"] if words[-1] not in ("LTD", "CO") else words[:-1]
    elif choice == 2:
        long = [i for i, w in enumerate(words) if len(w) >= 5]
        if long:
            i = rng.choice(long)
            word = words[i]
            j = rng.randrange(1, len(word) - 1)
            words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    elif len(words) >= 3:
        i = rng.randrange(len(words) - 1)
        words[i : i + 2] = [words[i] + words[i + 1]]
    return " ".join(words)


def _replace(message: Message, role: str, **changes: object) -> Message:
    parties = tuple(replace(p, **changes) if p.role == role else p for p in message.parties)  # type: ignore[arg-type]
    return replace(message, parties=parties)


def _customer_role(message: Message, role: str) -> str:
    return ("underlying_" + role) if message.cover else role


def _nexus(world: _World, kind: str) -> tuple[Message, str]:
    rng = world.rng
    payer, payee = world.pick(), world.pick()
    cover_fmt: MessageFormat = rng.choice(("pacs.009", "MT202COV"))
    message = world.payment(payer, payee, fmt=cover_fmt if kind == "cover_listed" else None)
    side = _customer_role(message, rng.choice(("debtor", "creditor")))
    text_role = _customer_role(message, "remittance_text")
    if kind in ("listed_party", "listed_party_variant", "cover_listed"):
        listed: ListedParty = rng.choice(world.listed)
        name = rng.choice(listed.names)
        if kind == "listed_party_variant":
            name = _variant(name, rng)
        role = "underlying_creditor" if kind == "cover_listed" else side
        return _replace(message, role, name=name.upper()[:70]), listed.id
    if kind == "front_company":
        front = rng.choice(world.fronts)
        return _replace(message, side, name=front.names[0].upper()), front.id
    if kind in ("listed_bic_agent", "kp_agent"):
        via_listed_bank = kind == "listed_bic_agent"
        bic = rng.choice(world.listed_bics) + PRIMARY_OFFICE if via_listed_bank else world._bic("KP")
        agent = Party("intermediary_agent_1", "agent", bic=bic)
        parties = (*(p for p in message.parties if p.role != "intermediary_agent_1"), agent)
        return replace(message, parties=parties), world.watchlist.bics.get(bic[:8], "")
    if kind == "kp_address":
        town = rng.choice(_DPRK_TOWNS)
        address = Address(
            lines=(f"{rng.randint(1, 90)} {rng.choice(_CORE)} STREET",), town=town, country="KP"
        )
        return _replace(message, side, address=address), ""
    if kind == "phone_850":
        text = f"CONTACT +850 2 381 {rng.randint(1000, 9999)} {message.texts[0].text}"
    elif kind == "place_text":
        text = f"FREIGHT {rng.choice(_DPRK_TOWNS)} TO {rng.choice(('DALIAN', 'VLADIVOSTOK', 'LONGKOU'))}"
    elif kind == "vessel_imo":
        vessel = rng.choice(world.vessels)
        text = f"CHARTER HIRE MV {vessel.name.upper()} IMO {vessel.imo}"
        return replace(message, texts=(FreeText(text_role, text),)), vessel.entity_id or ""
    else:
        wallet = rng.choice(world.wallets)
        text = f"OTC SETTLEMENT {wallet.address}"
        return replace(message, texts=(FreeText(text_role, text),)), wallet.entity_id
    return replace(message, texts=(FreeText(text_role, text),)), ""


FRONTS_SOURCE = "synthetic-fronts"
"""Source name under which ``front_companies`` entities are loaded into a store."""


def front_companies(watchlist: Watchlist, seed: int, count: int) -> list[EntityProxy]:
    """Unlisted front companies, each owned (51-100 %) by a listed organisation: FtM ``Company`` and
    ``Ownership`` entities to load into the store (source ``synthetic-fronts``), so that payments to
    them exercise network proximity. Deterministic for a seed and watchlist."""
    rng = random.Random(seed)
    owners = sorted(p.id for p in watchlist.parties.values() if p.listed and p.schema != "Person")
    if not owners:
        return []
    version = ListVersion(FRONTS_SOURCE, f"{seed:064x}", date(2025, 1, 1), datetime(2025, 1, 1, tzinfo=UTC))
    entities: list[EntityProxy] = []
    for number in range(count):
        company = make_entity("Company", f"{FRONTS_SOURCE}-{seed}-{number}", version, str(number))
        country = rng.choice(("cn", "hk", "sg", "ae", "my", "ru"))
        name = " ".join([rng.choice(_PREFIX), rng.choice(_CORE), rng.choice(_SECTOR), str(number), "LIMITED"])
        company.add("name", name.title())
        company.add("country", country)
        owner = rng.choice(owners)
        link = make_entity("Ownership", f"{company.id}-owner", version, f"{number}-owner")
        link.add("owner", owner)
        link.add("asset", company.id)
        link.add("percentage", str(rng.randint(51, 100)))
        entities += [company, link]
    return entities


def write(generated: Generated, out_dir: Path, batch_size: int = 500) -> list[Path]:
    """Write pacs.008 / pacs.009 XML and MT103 / MT202COV RJE files plus ``ground_truth.csv``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    created = datetime(2025, 1, 1, tzinfo=UTC)
    names = {"pacs.008": "pacs008", "pacs.009": "pacs009cov", "MT103": "mt103", "MT202COV": "mt202cov"}
    for fmt, stem in names.items():
        group = [m for m in generated.messages if m.format == fmt]
        for number, start in enumerate(range(0, len(group), batch_size), start=1):
            batch = group[start : start + batch_size]
            if fmt.startswith("pacs"):
                path = out_dir / f"{stem}_{number:04d}.xml"
                path.write_bytes(pacs_xml(batch, f"{stem.upper()}-{number:04d}", created))
            else:
                path = out_dir / f"{stem}_{number:04d}.rje"
                path.write_text(rje(batch), encoding="utf-8")
            files.append(path)
    with (out_dir / "ground_truth.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(Truth.__dataclass_fields__), lineterminator="\n")
        writer.writeheader()
        for row in generated.truth:
            writer.writerow({k: getattr(row, k) for k in Truth.__dataclass_fields__})
    generated.files = files
    return files


def generate(config: GeneratorConfig, store: Store, out_dir: Path) -> Generated:
    """Build from the store's current lists and write the files; the store must hold listed parties."""
    shared = shared_data_dir()
    watchlist = Watchlist.from_store(store, shared if shared.is_dir() else None)
    if not watchlist.listed_ids():
        raise StoreError(
            f"no listed parties in the store at {store.path}: load a list first (chokepoint lists load)"
        )
    generated = build(config, watchlist)
    write(generated, out_dir, config.batch_size)
    return generated
