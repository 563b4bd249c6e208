"""The OFAC SDN list in its legacy CSV set: sdn.csv, add.csv, alt.csv and sdn_comments.csv.

PATH is the folder of the set. The files are headerless CSV (read through
:mod:`chokepoint.sources.csvsafe`); ``-0-`` marks an empty field. Every sdn.csv row is a party with id
``ofac-sdn-<ent_num>``: ``individual`` → ``Person``, an empty type → ``Organization``, ``vessel`` →
``Vessel``, ``aircraft`` → ``Airplane``. The remarks column (with its overflow from sdn_comments.csv
joined back on) is parsed into typed properties and derived entities (documents, crypto wallets,
"Linked To" links, weak aliases, sanction provisions); see :data:`REMARK_RULES` and docs/lists.md.

Only sdn.csv is required; add.csv, alt.csv and sdn_comments.csv are read when present. An
alias/comment-only folder (OFAC's overflow files without sdn.csv) is refused with a clear error.

Publication date: the legacy CSV set carries none, and file modification times are not reliable
(copies reset them). The folder name is used as a documented fallback: a trailing ``YYYY-MM-DD`` or
``YYYY-MM`` (then the first of the month) in the folder name, e.g. ``ofac_sdn_2021-07`` → 2021-07-01;
otherwise None.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from followthemoney import EntityProxy

from chokepoint.errors import SourceFormatError
from chokepoint.model import ListVersion, derived_id, make_entity
from chokepoint.sources.csvsafe import iter_rows
from chokepoint.sources.facts import (
    ImoScheme,
    country_code,
    normalize_bic,
    normalize_email,
    normalize_imo,
    normalize_phone,
    normalize_url,
)

SOURCE = "ofac-sdn"
TITLE = "US OFAC Specially Designated Nationals list (legacy CSV set)"
AUTHORITY = "US OFAC"
ID_PREFIX = "ofac-sdn"
NULL = "-0-"
"""OFAC's marker of an empty field (written ``-0-`` followed by a space)."""

SDN_FILE, ADDRESS_FILE, ALIAS_FILE, COMMENTS_FILE = "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"
_COLUMNS = {SDN_FILE: 12, ADDRESS_FILE: 6, ALIAS_FILE: 5, COMMENTS_FILE: 2}
_SCHEMATA = {"individual": "Person", "": "Organization", "vessel": "Vessel", "aircraft": "Airplane"}
_ALIAS_PROPERTY = {"aka": "alias", "nka": "alias", "fka": "previousName"}
_FOLDER_DATE_RE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?$")
_ENT_NUM_RE = re.compile(r"\d+")
_NUMBER_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def publication_date(path: Path) -> date | None:
    """The date in the folder name (``…_YYYY-MM[-DD]``, day 1 when absent), else None."""
    match = _FOLDER_DATE_RE.search(path.name)
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        return date(int(year), int(month), int(day or 1))
    except ValueError:
        return None


def read(path: Path, version: ListVersion) -> Iterator[EntityProxy]:
    """Stream the parties of the SDN set with their sanctions, addresses, documents, wallets and links."""
    folder = _folder(path)
    comments = read_comments(folder / COMMENTS_FILE) if (folder / COMMENTS_FILE).exists() else {}
    aliases = read_aliases(folder / ALIAS_FILE) if (folder / ALIAS_FILE).exists() else {}
    addresses = _read_addresses(folder / ADDRESS_FILE) if (folder / ADDRESS_FILE).exists() else {}
    parties = _read_parties(folder / SDN_FILE)
    names = _NameIndex(parties, aliases)
    for party in parties:
        party.remarks = _join_remarks(party.remarks, comments.get(party.ent_num))
        builder = _Builder(party, version, names)
        builder.build(aliases.get(party.ent_num, []), addresses.get(party.ent_num, []))
        yield from builder.entities()


def _folder(path: Path) -> Path:
    if not path.is_dir():
        raise SourceFormatError(path, None, "ofac-sdn reads the folder of the CSV set (sdn.csv, add.csv, …)")
    if not (path / SDN_FILE).is_file():
        present = ", ".join(sorted(p.name for p in path.iterdir() if p.suffix == ".csv")) or "no CSV files"
        raise SourceFormatError(
            path, None, f"{SDN_FILE} is missing (found: {present}); the parties of the list are in {SDN_FILE}"
        )
    return path


def _value(raw: str) -> str | None:
    value = raw.strip()
    return None if value in ("", NULL) else value


@dataclass
class _Party:
    ent_num: str
    name: str
    kind: str
    programs: list[str]
    title: str | None
    call_sign: str | None
    vessel_type: str | None
    tonnage: str | None
    grt: str | None
    flag: str | None
    owner: str | None
    remarks: str | None


def _ent_num(path: Path, line: int, raw: str) -> str:
    value = raw.strip()
    if not _ENT_NUM_RE.fullmatch(value):
        raise SourceFormatError(path, f"line {line}", f"ent_num is not a number: {value[:40]!r}")
    return value


def _read_parties(path: Path) -> list[_Party]:
    parties: list[_Party] = []
    seen: set[str] = set()
    for row in iter_rows(path, _COLUMNS[SDN_FILE]):
        f = [_value(v) for v in row.fields]
        ent_num = _ent_num(path, row.line, row.fields[0])
        where = f"line {row.line} (ent_num {ent_num})"
        if ent_num in seen:
            raise SourceFormatError(path, where, "ent_num occurs twice")
        seen.add(ent_num)
        kind = (f[2] or "").lower()
        if kind not in _SCHEMATA:
            raise SourceFormatError(path, where, f"unknown SDN_Type {f[2]!r}")
        if f[1] is None:
            raise SourceFormatError(path, where, "SDN_Name is empty")
        parties.append(
            _Party(
                ent_num=ent_num,
                name=f[1],
                kind=kind,
                programs=_programs(f[3]),
                title=f[4],
                call_sign=f[5],
                vessel_type=f[6],
                tonnage=f[7],
                grt=f[8],
                flag=f[9],
                owner=f[10],
                remarks=f[11],
            )
        )
    if not parties:
        raise SourceFormatError(path, None, "no SDN entries: loading it would mark every party removed")
    return parties


def _programs(raw: str | None) -> list[str]:
    """Programme codes from OFAC's ``DPRK3] [NPWMD`` form (brackets between codes)."""
    if raw is None:
        return []
    return [code for part in re.split(r"\]\s*\[", raw) if (code := part.strip(" []"))]


def read_comments(path: Path) -> dict[str, str]:
    """sdn_comments.csv: the overflow of each long remark, by ent_num (parts joined in file order)."""
    comments: dict[str, str] = {}
    for row in iter_rows(path, _COLUMNS[COMMENTS_FILE]):
        ent_num = _ent_num(path, row.line, row.fields[0])
        text = row.fields[1]
        if _value(text) is not None:
            comments[ent_num] = comments.get(ent_num, "") + text
    return comments


@dataclass(frozen=True)
class Alias:
    """One row of alt.csv: an alternative name of a party."""

    alt_num: str
    kind: str
    name: str
    remarks: str | None


def read_aliases(path: Path) -> dict[str, list[Alias]]:
    """alt.csv: the aliases of each party, by ent_num."""
    aliases: dict[str, list[Alias]] = defaultdict(list)
    for row in iter_rows(path, _COLUMNS[ALIAS_FILE]):
        ent_num = _ent_num(path, row.line, row.fields[0])
        f = [_value(v) for v in row.fields]
        if f[3] is None:
            continue
        aliases[ent_num].append(Alias(f[1] or str(row.line), (f[2] or "aka").lower(), f[3], f[4]))
    return dict(aliases)


@dataclass(frozen=True)
class _Address:
    add_num: str
    street: str | None
    city: str | None
    country: str | None
    remarks: str | None


def _read_addresses(path: Path) -> dict[str, list[_Address]]:
    addresses: dict[str, list[_Address]] = defaultdict(list)
    for row in iter_rows(path, _COLUMNS[ADDRESS_FILE]):
        ent_num = _ent_num(path, row.line, row.fields[0])
        f = [_value(v) for v in row.fields]
        addresses[ent_num].append(_Address(f[1] or str(row.line), f[2], f[3], f[4], f[5]))
    return dict(addresses)


def _join_remarks(remarks: str | None, overflow: str | None) -> str | None:
    """sdn.csv cuts long remarks mid-word; sdn_comments.csv holds the rest, to be appended as is."""
    if overflow is None:
        return remarks
    return (remarks or "") + overflow


class _NameIndex:
    """SDN names to party ids, to resolve "Linked To: NAME.", vessel owners and aircraft operators.

    A name resolves when exactly one entry bears it as its SDN name, else when exactly one entry has it
    among its alt.csv aliases; anything ambiguous stays unresolved.
    """

    def __init__(self, parties: list[_Party], aliases: dict[str, list[Alias]]) -> None:
        self._primary = self._index((party.name, party.ent_num) for party in parties)
        self._aliases = self._index((a.name, ent_num) for ent_num, rows in aliases.items() for a in rows)

    @staticmethod
    def _index(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
        index: dict[str, set[str]] = defaultdict(set)
        for name, ent_num in pairs:
            index[_name_key(name)].add(ent_num)
        return index

    def resolve(self, name: str) -> str | None:
        """The party id of ``name`` when exactly one SDN entry bears it, else None."""
        key = _name_key(name)
        for index in (self._primary, self._aliases):
            found = index.get(key, set())
            if len(found) == 1:
                return f"{ID_PREFIX}-{next(iter(found))}"
            if found:
                return None
        return None


def _name_key(name: str) -> str:
    return " ".join(name.upper().rstrip(".").split())


# -- remarks -----------------------------------------------------------------------------------------

Handler = Callable[["_Builder", str], None]


@dataclass(frozen=True)
class RemarkRule:
    """A remark of the form ``<label> <value>``: the label pattern and what its value becomes."""

    label: str
    handler: Handler
    description: str = ""


_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1
    )
}
_DATE_RE = re.compile(r"(?:(?:(\d{1,2})\s+)?([A-Za-z]{3})[a-z]*\.?\s+)?(\d{4})")


def _parse_date(text: str) -> str | None:
    """An OFAC date ("12 Jul 1986", "Jul 1986", "1986") in ISO form at its own precision."""
    match = _DATE_RE.fullmatch(text.strip().rstrip("."))
    if match is None:
        return None
    day, month_name, year = match.groups()
    if month_name is None:
        return year
    month = _MONTHS.get(month_name.lower())
    if month is None:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def _birth_dates(b: _Builder, value: str) -> None:
    """``DOB 12 Jul 1986``, ``DOB circa 1951``, ``DOB 1960 to 1965`` or ``1979-1982`` (both bounds kept)."""
    text = re.sub(r"^(?:circa|approximately)\s+", "", value, flags=re.IGNORECASE)
    for part in re.split(r"\s+to\s+|(?<=^\d{4})\s*-\s*(?=\d{4}$)", text):
        day = _parse_date(part)
        if day is None:
            b.unparsed.append(f"DOB {value}")
            return
        b.add("birthDate", day)


def _birth_place(b: _Builder, value: str) -> None:
    """``POB Pyongyang, Korea, North``: the place, and the country of its shortest trailing country part."""
    b.add("birthPlace", value)
    parts = [p.strip() for p in value.rstrip(".").split(",")]
    for start in range(len(parts) - 1, -1, -1):
        code = country_code(", ".join(parts[start:]))
        if code is not None:
            b.add("birthCountry", code)
            return


def _country_prop(prop: str) -> Handler:
    def handler(b: _Builder, value: str) -> None:
        b.add_country(prop, value)

    return handler


def _gender(b: _Builder, value: str) -> None:
    b.add("gender", value.lower() if value.lower() in ("male", "female") else None)


def _link(b: _Builder, value: str) -> None:
    b.link(value.strip().rstrip("."))


def _quoted_name(prop: str) -> Handler:
    def handler(b: _Builder, value: str) -> None:
        b.add(prop, value.strip().strip("'").strip())

    return handler


def _wallet(b: _Builder, value: str) -> None:
    match = re.fullmatch(r"(\S+)\s+(\S+)", value.strip())
    if match is None:
        b.unparsed.append(f"Digital Currency Address - {value}")
        return
    b.wallet(match.group(1).upper(), match.group(2))


def _imo(b: _Builder, value: str) -> None:
    """An IMO number checked in the scheme of the holder: ship numbers for vessels, company numbers for
    everyone else (OFAC labels some company numbers "Vessel Registration Identification")."""
    scheme = ImoScheme.SHIP if b.entity.schema.name == "Vessel" else ImoScheme.COMPANY
    imo = normalize_imo(value, scheme)
    if imo is None:
        b.unparsed.append(f"IMO {value} (no valid {scheme.value} IMO number)")
    elif b.entity.schema.get("imoNumber") is not None:
        b.add("imoNumber", imo)
    else:
        b.document("Identification", "IMO company number", imo.removeprefix("IMO"), None)


def _normalized(prop: str, normalize: Callable[[str], str | None]) -> Handler:
    def handler(b: _Builder, value: str) -> None:
        clean = normalize(value)
        if clean is None:
            b.unparsed.append(value)
        b.add(prop, clean)

    return handler


def _plain(prop: str) -> Handler:
    def handler(b: _Builder, value: str) -> None:
        b.add(prop, value.strip().rstrip(".") or None)

    return handler


def _date_prop(prop: str) -> Handler:
    def handler(b: _Builder, value: str) -> None:
        b.add(prop, _parse_date(value))

    return handler


def _provision(b: _Builder, value: str) -> None:
    b.provisions.append(value)


def _operator(b: _Builder, value: str) -> None:
    b.relate("operator", value.strip().rstrip("."))


REMARK_RULES: tuple[RemarkRule, ...] = (
    RemarkRule(r"DOB", _birth_dates, "birthDate (day, month or year precision; ranges keep both bounds)"),
    RemarkRule(r"POB", _birth_place, "birthPlace, and birthCountry from its last part"),
    RemarkRule(r"Nationality of Registration", _country_prop("country"), "country"),
    RemarkRule(r"nationality", _country_prop("nationality"), "nationality (country code)"),
    RemarkRule(r"citizen", _country_prop("citizenship"), "citizenship (country code)"),
    RemarkRule(r"Gender", _gender, "gender"),
    RemarkRule(r"Linked To:", _link, "UnknownLink to the SDN entry of that name"),
    RemarkRule(r"a\.k\.a\.", _quoted_name("weakAlias"), "weakAlias"),
    RemarkRule(r"f\.k\.a\.", _quoted_name("previousName"), "previousName"),
    RemarkRule(r"n\.k\.a\.", _quoted_name("alias"), "alias"),
    RemarkRule(r"Digital Currency Address -", _wallet, "CryptoWallet (publicKey, currencySymbol, holder)"),
    RemarkRule(
        r"(?:Vessel Registration Identification(?: IMO)?|(?:Company|Identification) Number IMO)"
        r"(?=\s+\d{5,7}$)",
        _imo,
        "imoNumber, checked with the ship (vessels) or company (others) check digit",
    ),
    RemarkRule(r"MMSI", _plain("mmsi"), "mmsi"),
    RemarkRule(r"Former Vessel Flag", _country_prop("pastFlags"), "pastFlags (country code)"),
    RemarkRule(r"Vessel Year of Build", _date_prop("buildDate"), "buildDate"),
    RemarkRule(r"Email Address", _normalized("email", normalize_email), "email"),
    RemarkRule(r"Website", _normalized("website", normalize_url), "website"),
    RemarkRule(
        r"(?:Phone (?:Number|No\.)|Telephone(?: No\.)?|Fax(?: No\.)?):?",
        _normalized("phone", normalize_phone),
        "phone",
    ),
    RemarkRule(r"SWIFT/BIC", _normalized("swiftBic", normalize_bic), "swiftBic"),
    RemarkRule(r"Organization Type:", _plain("classification"), "classification"),
    RemarkRule(r"Organization Established Date", _date_prop("incorporationDate"), "incorporationDate"),
    RemarkRule(r"D-U-N-S Number", _plain("dunsCode"), "dunsCode"),
    RemarkRule(r"Aircraft Model", _plain("model"), "model"),
    RemarkRule(r"Aircraft Manufacture Date", _date_prop("buildDate"), "buildDate"),
    RemarkRule(r"Aircraft Manufacturer's Serial Number \(MSN\)", _plain("serialNumber"), "serialNumber"),
    RemarkRule(
        r"Aircraft Construction Number \(also called L/N or S/N or F/N\)",
        _plain("serialNumber"),
        "serialNumber",
    ),
    RemarkRule(r"Aircraft Tail Number", _plain("registrationNumber"), "registrationNumber"),
    RemarkRule(r"Aircraft Operator", _operator, "operator (the SDN entry of that name)"),
    RemarkRule(r"Secondary sanctions risk:", _provision, "Sanction provisions"),
    RemarkRule(
        r"Transactions Prohibited For Persons Owned or Controlled By U\.S\. Financial Institutions:",
        _provision,
        "Sanction provisions",
    ),
    RemarkRule(r"Additional Sanctions Information -", _provision, "Sanction provisions"),
    RemarkRule(r"Executive Order \d+ Directive Determination -", _provision, "Sanction provisions"),
    RemarkRule(r"CAATSA Section \d+ Information:", _provision, "Sanction provisions"),
)
"""What each labelled remark becomes; a remark no rule or document pattern reads stays in ``notes``."""

_RULE_RE = re.compile(
    r"^(?:alt\.\s+)?(?:"
    + "|".join(f"(?P<r{i}>{rule.label})" for i, rule in enumerate(REMARK_RULES))
    + r")(?![\w'])",
    re.IGNORECASE,
)

DOCUMENT_KINDS: tuple[tuple[str, str], ...] = (
    (r"passport", "passportNumber"),
    (r"tax|v\.a\.t|\bvat\b|r\.?f\.?c|\bnit\b|\bruc\b|\brif\b|c\.u\.i\.t|fein|fiscal", "taxNumber"),
    (
        r"regist|company number|licen[cs]e|mercantil|c\.r\. no|chamber of commerce|incorporation|"
        r"enterprise number|gazette|legal entity|branch unit|charity",
        "registrationNumber",
    ),
    (r".", "idNumber"),
)
"""Document label → the party property its number also goes to (first match wins)."""

_DOCUMENT_RE = re.compile(
    r"^(?:alt\.\s+)?(?P<label>[A-Za-z.'#/ -]*(?:No\.?|Number|#|ID|Passport|Card|Code|Certificate|"
    r"License|Document|Registry|[A-Z]\.[A-Z]\.(?:[A-Z]\.)*|SSN|RTN|BIK|FEIN|RFC|CURP))"
    r"\s+(?P<number>[A-Z0-9][^()]*?\d[^()]*?)"
    r"(?:\s*\((?P<country>[^()]+)\))?"
    r"(?P<rest>\s+(?:issued|expires)\b.*)?$",
)
_DOCUMENT_KIND_RES = tuple((re.compile(pattern, re.IGNORECASE), prop) for pattern, prop in DOCUMENT_KINDS)


def _split_remarks(remarks: str) -> list[str]:
    """Remarks are ``;``-separated (OFAC sometimes omits the space); the last one ends with a full stop."""
    parts = [p.strip() for p in re.split(r";\s*", remarks)]
    if parts:
        parts[-1] = parts[-1].removesuffix(".")
    return [p for p in parts if p]


# -- entities -----------------------------------------------------------------------------------------


@dataclass
class _Builder:
    """Turns one SDN party and its aliases and addresses into entities."""

    party: _Party
    version: ListVersion
    names: _NameIndex
    derived: dict[str, EntityProxy] = field(default_factory=dict)
    provisions: list[str] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.id = f"{ID_PREFIX}-{self.party.ent_num}"
        self.entity = make_entity(_SCHEMATA[self.party.kind], self.id, self.version, self.party.ent_num)

    def add(self, prop: str, value: str | None) -> None:
        """Set a clean value when the party's schema has the property, else keep it in notes."""
        if value is None:
            return
        if self.entity.schema.get(prop) is None:
            self.unparsed.append(f"{prop}: {value}")
            return
        self.entity.add(prop, value, cleaned=True)

    def add_number(self, prop: str, raw: str | None) -> None:
        """A tonnage written ``40,800`` or ``2597`` as FtM's plain number; anything else stays as text."""
        if raw is None:
            return
        if _NUMBER_RE.fullmatch(raw):
            self.add(prop, raw.replace(",", ""))
        else:
            self.unparsed.append(f"{prop}: {raw}")

    def add_country(self, prop: str, name: str) -> None:
        code = country_code(name.strip().rstrip("."))
        if code is None:
            self.unparsed.append(f"{prop}: {name}")
        else:
            self.add(prop, code)

    def derive(self, schema: str, kind: str, *keys: object) -> EntityProxy:
        entity_id = derived_id(self.id, kind, *keys)
        if entity_id not in self.derived:
            self.derived[entity_id] = make_entity(schema, entity_id, self.version, self.party.ent_num)
        return self.derived[entity_id]

    def build(self, aliases: list[Alias], addresses: list[_Address]) -> None:
        p, e = self.party, self.entity
        e.add("name", p.name, cleaned=True)
        e.add("topics", "sanction", cleaned=True)
        e.add("programId", p.programs, cleaned=True)
        e.add("program", p.programs, cleaned=True)
        self.add("position", p.title)
        self.add("callSign", p.call_sign)
        self.add("type", p.vessel_type)
        self.add_number("tonnage", p.tonnage)
        self.add_number("grossRegisteredTonnage", p.grt)
        if p.flag is not None:
            self.add_country("flag", p.flag)
        if p.owner is not None:
            self.owner(p.owner)
        for alias in aliases:
            weak = alias.remarks is not None and "weak" in alias.remarks.lower()
            self.add("weakAlias" if weak else _ALIAS_PROPERTY.get(alias.kind, "alias"), alias.name)
        for address in addresses:
            self.address(address)
        if p.remarks is not None:
            e.add("notes", p.remarks, cleaned=True)
            for remark in _split_remarks(p.remarks):
                self.remark(remark)
        self.sanction()
        if self.unparsed:
            e.add("description", "; ".join(dict.fromkeys(self.unparsed)), cleaned=True)

    def remark(self, text: str) -> None:
        match = _RULE_RE.match(text)
        if match is not None:
            rule = REMARK_RULES[int(str(match.lastgroup)[1:])]
            rule.handler(self, text[match.end() :].strip())
            return
        doc = _DOCUMENT_RE.match(text)
        if doc is not None:
            label = " ".join(doc.group("label").split())
            kind = "Passport" if "passport" in label.lower() else "Identification"
            self.document(kind, label, doc.group("number").strip(), doc.group("country"), doc.group("rest"))

    def document(
        self, schema: str, label: str, number: str, country: str | None, rest: str | None = None
    ) -> None:
        prop = next(p for pattern, p in _DOCUMENT_KIND_RES if pattern.search(label))
        self.add(prop, number)
        if self.entity.schema.get("idNumber") is None:
            return
        doc = self.derive(schema, "doc", label, number)
        doc.add("holder", self.id, cleaned=True)
        doc.add("number", number, cleaned=True)
        doc.add("type", label, cleaned=True)
        doc.add("description", rest.strip() if rest else None, cleaned=True)
        if country is not None:
            code = country_code(country)
            doc.add("country", code, cleaned=True)
            if code is None:
                doc.add("description", country, cleaned=True)

    def wallet(self, ticker: str, address: str) -> None:
        wallet = self.derive("CryptoWallet", "wallet", ticker, address)
        wallet.add("publicKey", address, cleaned=True)
        wallet.add("currencySymbol", ticker, cleaned=True)
        wallet.add("holder", self.id, cleaned=True)
        wallet.add("topics", "sanction", cleaned=True)
        wallet.add("programId", self.party.programs, cleaned=True)

    def link(self, name: str) -> None:
        target = self.names.resolve(name)
        if target is None or target == self.id:
            self.unparsed.append(f"Linked To: {name} (not resolved to one SDN entry)")
            return
        link = self.derive("UnknownLink", "link", target.removeprefix(f"{ID_PREFIX}-"))
        link.add("subject", self.id, cleaned=True)
        link.add("object", target, cleaned=True)
        link.add("role", "Linked To", cleaned=True)

    def owner(self, name: str) -> None:
        target = self.names.resolve(name)
        if target is None or target == self.id:
            self.unparsed.append(f"owner: {name} (not resolved to one SDN entry)")
            return
        ownership = self.derive("Ownership", "owner", target.removeprefix(f"{ID_PREFIX}-"))
        ownership.add("owner", target, cleaned=True)
        ownership.add("asset", self.id, cleaned=True)
        ownership.add("role", "Vessel owner", cleaned=True)

    def relate(self, prop: str, name: str) -> None:
        """Point ``prop`` at the SDN entry called ``name``; unresolved names stay in the description."""
        target = self.names.resolve(name)
        if target is None or self.entity.schema.get(prop) is None:
            self.unparsed.append(f"{prop}: {name}")
        else:
            self.entity.add(prop, target, cleaned=True)

    def address(self, row: _Address) -> None:
        full = ", ".join(v for v in (row.street, row.city, row.country) if v)
        if not full:
            return
        address = self.derive("Address", "address", row.add_num)
        address.add("full", full, cleaned=True)
        address.add("street", row.street, cleaned=True)
        address.add("city", row.city, cleaned=True)
        address.add("remarks", row.remarks, cleaned=True)
        code = country_code(row.country) if row.country else None
        address.add("country", code, cleaned=True)
        if self.entity.schema.get("addressEntity") is not None:
            self.entity.add("addressEntity", address.id, cleaned=True)
            self.entity.add("address", full, cleaned=True)
        self.entity.add("country", code, cleaned=True)

    def sanction(self) -> None:
        sanction = self.derive("Sanction", "sanction", "ofac")
        sanction.add("entity", self.id, cleaned=True)
        sanction.add("authority", AUTHORITY, cleaned=True)
        sanction.add("country", "us", cleaned=True)
        sanction.add("authorityId", self.party.ent_num, cleaned=True)
        sanction.add("program", "; ".join(self.party.programs) or None, cleaned=True)
        sanction.add("programId", self.party.programs, cleaned=True)
        sanction.add("provisions", self.provisions, cleaned=True)

    def entities(self) -> Iterator[EntityProxy]:
        yield self.entity
        yield from self.derived.values()
