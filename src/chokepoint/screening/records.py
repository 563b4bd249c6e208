"""What screening compares: a ``Record`` of names and qualifiers, built from an FtM entity or a query.

The query and the listed entity are the same shape, so one scoring function serves screening, pair
scoring and cross-list resolution. ``Query`` is the public input; ``Query.to_record`` validates it and
raises ``QueryError`` (a ``chokepoint.errors.InputError``) on empty or overlong names, control
characters and words that mix Latin, Cyrillic and Greek letters (homoglyph spoofing).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from followthemoney import EntityProxy, model
from followthemoney.types import registry

from chokepoint.crypto import AddressError, normalize_address
from chokepoint.errors import InputError
from chokepoint.screening.identifiers import identifier_set
from chokepoint.screening.names import AnalyzedName, NameKind, analyze_name, low_weight_words

MAX_NAME_LENGTH = 500
"""Longest accepted query name, in characters (the longest UN/OFAC name is under 300)."""

_CONFUSABLE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})
_JOINERS = frozenset({"\u200c", "\u200d"})  # zero-width (non-)joiners are part of Persian and Indic spelling
_NAME_PROPS = ("name", "alias", "previousName", "weakAlias")
_WEAK_PROPS = frozenset({"weakAlias"})


class QueryError(InputError):
    """A screening query that cannot be screened: names the query and the reason."""


@dataclass(frozen=True)
class NameEntry:
    """One name of a record, analysed, and whether the list calls it a weak (low-quality) alias."""

    name: AnalyzedName
    weak: bool = False


@dataclass
class Record:
    """Names and qualifiers of one party, in comparable normal forms."""

    id: str
    schema: str
    kind: NameKind
    caption: str
    names: list[NameEntry]
    birth_dates: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)
    identifiers: dict[str, set[str]] = field(default_factory=dict)
    wallets: set[str] = field(default_factory=set)
    source: str = ""
    source_id: str = ""


def kind_of(schema: str | None) -> NameKind:
    """Person names and organisation names are analysed differently; everything else is 'other'."""
    if not schema:
        return "other"
    found = model.get(schema)
    if found is None:
        return "other"
    if found.is_a("Person"):
        return "person"
    if found.is_a("Organization"):
        return "org"
    return "other"


def _entry(name: AnalyzedName, weak: bool) -> NameEntry:
    """A name; a person's name of one word ('Lydia', 'Cesar') or of initials only ('N.N.') cannot
    identify anyone: weak, whether it is listed or screened."""
    low = low_weight_words(name.tokens)
    words = [t for t in name.tokens if t not in low]
    lone = name.kind == "person" and (len(words) <= 1 or all(len(t) == 1 for t in words))
    return NameEntry(name, weak or lone)


def _wallet_keys(addresses: list[str], ticker: str | None) -> set[str]:
    keys = set()
    for address in addresses:
        try:
            keys.add(normalize_address(address, ticker).key)
        except AddressError:
            continue  # an invalid listed address cannot be matched exactly; its name still can
    return keys


def _values(entity: EntityProxy, prop: str) -> list[str]:
    values: list[str] = entity.get(prop) if prop in entity.schema.properties else []
    return values


def record_from_entity(entity: EntityProxy) -> Record:
    """The record of a listed FtM entity, with its source and the source's own key."""
    schema = entity.schema.name
    kind = kind_of(schema)
    names = [
        _entry(analyze_name(value, kind), prop in _WEAK_PROPS)
        for prop in _NAME_PROPS
        if prop in entity.schema.properties
        for value in entity.get(prop)
    ]
    if schema == "CryptoWallet" and not names:
        names = [NameEntry(analyze_name(v, kind)) for v in entity.get("publicKey")]
    ids = [
        (p.name, v)
        for p in entity.schema.properties.values()
        if p.type.name == "identifier"
        for v in entity.get(p)
    ]
    provenance = entity.context.get("provenance") or {}
    source = str(provenance.get("source") or "")
    source_id = str(provenance.get("record") or "") or (entity.id or "").removeprefix(f"{source}-")
    tickers = entity.get("currencySymbol") if "currencySymbol" in entity.schema.properties else []
    wallets = (
        _wallet_keys(entity.get("publicKey"), tickers[0] if tickers else None)
        if schema == "CryptoWallet"
        else set()
    )
    return Record(
        id=entity.id or "",
        schema=schema,
        kind=kind,
        caption=entity.caption,
        names=[n for n in names if n.name.forms],
        birth_dates=set(_values(entity, "birthDate")),
        countries={
            c.lower()
            for p in ("nationality", "country", "citizenship", "jurisdiction", "flag")
            for c in _values(entity, p)
        },
        genders={g.lower() for g in _values(entity, "gender")},
        identifiers=identifier_set(ids),
        wallets=wallets,
        source=source,
        source_id=source_id,
    )


def address_country(address: str | None) -> str | None:
    """The ISO code of the country an address ends with ('..., Pyongyang, DPRK' -> 'kp'), if any."""
    if not address:
        return None
    code = registry.country.clean(address.rsplit(",", 1)[-1].strip())
    return str(code) if code else None


def _check_name(name: str, query_id: str | None) -> None:
    where = query_id or name[:40]
    if not name or not name.strip():
        raise QueryError(None, query_id, "empty name")
    if len(name) > MAX_NAME_LENGTH:
        raise QueryError(None, where, f"name longer than {MAX_NAME_LENGTH} characters ({len(name):,})")
    ascii_only = name.isascii()
    # in ASCII the only such characters are the controls, exactly the characters not printable
    if (
        not name.isprintable()
        if ascii_only
        else any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") and c not in _JOINERS for c in name)
    ):
        raise QueryError(None, where, "name contains control or format characters")
    if ascii_only:
        return  # ASCII letters are all Latin: no word mixes scripts
    for word in name.split():
        scripts = {unicodedata.name(c, "?").split(" ")[0] for c in word if c.isalpha()} & _CONFUSABLE_SCRIPTS
        if len(scripts) > 1:
            raise QueryError(None, where, f"word {word!r} mixes {' and '.join(sorted(scripts))} letters")


@dataclass
class Query:
    """One party to screen: a name and optional qualifiers (ISO dates and country codes)."""

    name: str
    schema: str | None = None
    id: str | None = None
    birth_date: str | None = None
    nationality: str | None = None
    country: str | None = None
    gender: str | None = None
    imo: str | None = None
    mmsi: str | None = None
    passport: str | None = None
    id_number: str | None = None
    registration: str | None = None
    bic: str | None = None
    wallet: str | None = None
    ticker: str | None = None
    address: str | None = None
    """A postal address; its country (the last comma-separated part) counts as a country qualifier."""

    def to_record(self) -> Record:
        """Validate and analyse the query (raises ``QueryError``)."""
        _check_name(self.name, self.id)
        if self.schema is not None and model.get(self.schema) is None:
            raise QueryError(None, self.id, f"unknown schema {self.schema!r}")
        kind = kind_of(self.schema)
        analysed = analyze_name(self.name, kind)
        wallets: set[str] = set()
        if self.wallet:
            try:
                wallets = {normalize_address(self.wallet, self.ticker).key}
            except AddressError as exc:
                raise QueryError(None, self.id, f"wallet: {exc.reason}") from exc
        if not analysed.forms and not wallets:
            raise QueryError(None, self.id, f"name {self.name[:40]!r} has no letters or digits to match")
        given = {
            "imoNumber": self.imo,
            "mmsi": self.mmsi,
            "passportNumber": self.passport,
            "idNumber": self.id_number,
            "registrationNumber": self.registration,
            "swiftBic": self.bic,
        }
        ids = [(prop, value) for prop, value in given.items() if value]
        return Record(
            id=self.id or "",
            schema=self.schema or "LegalEntity",
            kind=kind,
            caption=self.name,
            names=[_entry(analysed, False)] if analysed.forms else [],
            birth_dates={self.birth_date} if self.birth_date else set(),
            countries={
                c.lower() for c in (self.nationality, self.country, address_country(self.address)) if c
            },
            genders={self.gender.lower()} if self.gender else set(),
            identifiers=identifier_set(ids),
            wallets=wallets,
        )
