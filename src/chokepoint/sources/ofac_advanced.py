"""OFAC SDN list in the advanced XML format (``SDN_ADVANCED.XML``, schema ``sdn_advanced.xsd``).

The advanced file is a small relational database in XML. Per the published schema its top-level
sections come in this order, and the reader streams them in one pass:

1. ``DateOfIssue`` — the publication date.
2. ``ReferenceValueSets`` — lookup tables (countries with ISO2, alias, name-part, feature, document,
   relation and sanctions types …) that every later ``…ID`` attribute points into.
3. ``Locations`` — addresses and countries, referenced by features (``VersionLocation``).
4. ``IDRegDocuments`` — passports, national ids, IMO and MMSI numbers …, keyed by ``IdentityID``.
5. ``DistinctParties`` — one ``DistinctParty`` per listed party: ``Profile`` (party sub-type),
   ``Identity`` (aliases made of ``DocumentedName``/``NamePart`` values), ``Feature`` (birth date,
   nationality, vessel flag, "Digital Currency Address - XBT" …).
6. ``ProfileRelationships`` — "Associate Of", "Owned or Controlled By", "Leader or official of" …
7. ``SanctionsEntries`` — per profile: the list, the programme measures (``SanctionsMeasure`` of type
   "Program" carries the code, e.g. ``DPRK3``) and the listing events.

It is the same SDN list as the legacy CSV set, so parties get the SAME ids as the ``ofac-sdn`` reader:
``ofac-sdn-<FixedRef>`` (OFAC's DistinctParty FixedRef equals the legacy ``ent_num``). The source
name is ``ofac-advanced``. Parties are held until the sanctions entries (at the end of the file)
are read; derived entities (addresses, documents, wallets) are streamed as they are built.
Reference: OFAC, "SDN Advanced Notes" and ``sdn_advanced.xsd`` (Sanctions List Service).
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney import EntityProxy, model
from followthemoney.schema import Schema

from chokepoint.errors import SourceFormatError
from chokepoint.model import ListVersion, derived_id, make_entity
from chokepoint.sources.listing import (
    Authority,
    attach_address,
    make_address,
    make_document,
    make_owner,
    make_sanction,
    mark_listed,
)
from chokepoint.sources.xmlsafe import iter_records, local_name, text

SOURCE = "ofac-advanced"
TITLE = "OFAC SDN list, advanced XML (SDN_ADVANCED.XML)"
ID_PREFIX = "ofac-sdn"
OFAC = Authority("ofac", "US Office of Foreign Assets Control (OFAC)", "us")
DETAILS_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={}"

_ROOT_TAGS = {"Sanctions"}
_RECORD_TAGS = {
    "DateOfIssue",
    "ReferenceValueSets",
    "Location",
    "IDRegDocument",
    "DistinctParty",
    "ProfileRelationship",
    "SanctionsEntry",
}

PARTY_SCHEMATA: dict[str, str] = {
    "Individual": "Person",
    "Entity": "Organization",
    "Vessel": "Vessel",
    "Aircraft": "Airplane",
}
"""Party (sub-)type → FtM schema; a sub-type "Unknown" falls back to its party type."""

ALIAS_PROPS: dict[str, str] = {"Name": "name", "A.K.A.": "alias", "F.K.A.": "previousName", "N.K.A.": "name"}
"""Alias type → FtM name property; a low-quality a.k.a. becomes ``weakAlias``."""

WHOLE_NAME_PARTS = ("Entity Name", "Vessel Name", "Aircraft Name")
PERSON_NAME_PARTS: dict[str, str | None] = {
    "Nickname": None,
    "First Name": "firstName",
    "Middle Name": "middleName",
    "Patronymic": "fatherName",
    "Matronymic": "motherName",
    "Maiden Name": None,
    "Last Name": "lastName",
}
"""Name-part types of a person in the order a full name is written, with the FtM property of each."""

FEATURE_PROPS: dict[str, str] = {
    "Birthdate": "birthDate",
    "Place of Birth": "birthPlace",
    "Nationality Country": "nationality",
    "Citizenship Country": "citizenship",
    "Gender": "gender",
    "Title": "position",
    "Website": "website",
    "Email Address": "email",
    "Phone Number": "phone",
    "SWIFT/BIC": "swiftBic",
    "D-U-N-S Number": "dunsCode",
    "Organization Established Date": "incorporationDate",
    "Organization Type:": "sector",
    "Registration Country": "jurisdiction",
    "Vessel Call Sign": "callSign",
    "Other Vessel Call Sign": "callSign",
    "Vessel Flag": "flag",
    "Former Vessel Flag": "pastFlags",
    "Other Vessel Flag": "pastFlags",
    "VESSEL TYPE": "type",
    "Other Vessel Type": "type",
    "Vessel Tonnage": "tonnage",
    "Vessel Gross Registered Tonnage": "grossRegisteredTonnage",
    "Vessel Year of Build": "buildDate",
    "Aircraft Model": "model",
    "Aircraft Manufacturer's Serial Number (MSN)": "serialNumber",
    "Aircraft Manufacture Date": "buildDate",
    "Aircraft Tail Number": "registrationNumber",
    "Previous Aircraft Tail Number": "registrationNumber",
}
"""Feature type → FtM property of the party. Unmapped features are kept as ``notes``."""

LOCATION_FEATURE = "Location"
WALLET_FEATURE_PREFIX = "Digital Currency Address - "
OWNER_FEATURES = {"Vessel Owner", "Aircraft Operator"}
SANCTION_FEATURES = {
    "Secondary sanctions risk:",
    "Additional Sanctions Information -",
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:",
}
"""Features that describe the sanction rather than the party: they go into the Sanction ``summary``."""

DOCUMENT_TYPES: dict[str, tuple[str | None, str | None]] = {
    "Passport": ("passportNumber", "Passport"),
    "Diplomatic Passport": ("passportNumber", "Passport"),
    "National ID No.": ("idNumber", "Identification"),
    "Identification Number": ("idNumber", "Identification"),
    "Personal ID Card": ("idNumber", "Identification"),
    "Cedula No.": ("idNumber", "Identification"),
    "Vessel Registration Identification": ("imoNumber", None),
    "MMSI": ("mmsi", None),
    "SWIFT/BIC": ("swiftBic", None),
    "Tax ID No.": ("taxNumber", None),
    "Legal Entity Number": ("leiCode", None),
    "Registration Number": ("registrationNumber", None),
    "Registration ID": ("registrationNumber", None),
    "Business Registration Number": ("registrationNumber", None),
    "Commercial Registry Number": ("registrationNumber", None),
    "Company Number": ("registrationNumber", None),
    "Aircraft Serial Identification": ("serialNumber", None),
}
"""ID/registration document type → (FtM property on the party, document entity schema or None).
Any other type becomes an ``Identification`` (with ``idNumber``) for persons and organisations and a
``registrationNumber`` for vessels and aircraft."""

RELATIONS: dict[str, tuple[str, str, str]] = {
    "Owned or Controlled By": ("Ownership", "asset", "owner"),
    "Owns, controls, or operates": ("Ownership", "owner", "asset"),
    "Property in the interest of": ("Ownership", "asset", "owner"),
    "Leader or official of": ("Directorship", "director", "organization"),
    "Principal Executive Officer": ("Directorship", "director", "organization"),
    "Family member of": ("Family", "person", "relative"),
    "Acting for or on behalf of": ("Representation", "agent", "client"),
}
"""Relation type → (FtM schema, property of the From profile, property of the To profile). Any other
type, or one whose parties do not fit the schema, becomes an ``UnknownLink`` with the type as role."""
UNKNOWN_LINK = ("UnknownLink", "subject", "object")


def _q(path: str) -> str:
    """An ElementTree path matching its steps in any (or no) namespace."""
    return "/".join(f"{{*}}{step}" for step in path.split("/"))


def publication_date(path: Path) -> date | None:
    """The ``DateOfIssue`` at the head of the file."""
    for event, element in iter_records(path, {"DateOfIssue"}, root_tags=_ROOT_TAGS):
        if event == "record":
            return _date(path, "DateOfIssue", element)
    return None


def read(path: Path, version: ListVersion) -> Iterator[EntityProxy]:
    """Stream the FtM entities of an SDN_ADVANCED.XML file."""
    reader = _Reader(path, version)
    for event, element in iter_records(path, _RECORD_TAGS, root_tags=_ROOT_TAGS):
        if event == "record":
            yield from reader.handle(local_name(element.tag), element)
    yield from reader.finish()


@dataclass(frozen=True)
class _Ref:
    text: str | None
    attrs: dict[str, str]


@dataclass
class _Location:
    parts: dict[str, str]
    country: str | None
    country_name: str | None


@dataclass
class _IdDocument:
    key: str
    doc_type: str
    number: str
    country: str | None
    authority: str | None
    comment: str | None
    dates: dict[str, str]


@dataclass
class _Party:
    entity: EntityProxy
    record: str
    sanction_notes: list[str] = field(default_factory=list)


@dataclass
class _Entries:
    programmes: set[str] = field(default_factory=set)
    measures: set[str] = field(default_factory=set)
    lists: set[str] = field(default_factory=set)
    reasons: set[str] = field(default_factory=set)
    listed: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Relation:
    key: str
    source: str
    target: str
    kind: str
    comment: str | None
    former: bool


class _Reader:
    """The state of one pass over the file: lookup tables, then parties, then their links."""

    def __init__(self, path: Path, version: ListVersion) -> None:
        self.path = path
        self.version = version
        self.refs: dict[str, dict[str, _Ref]] | None = None
        self.locations: dict[str, _Location] = {}
        self.documents: dict[str, list[_IdDocument]] = defaultdict(list)
        self.parties: dict[str, _Party] = {}
        self.identities: dict[str, _Party] = {}
        self.fixed_refs: set[str] = set()
        self.entries: dict[str, _Entries] = defaultdict(_Entries)
        self.relations: list[_Relation] = []

    # -- dispatch ------------------------------------------------------------------------------

    def handle(self, tag: str, element: Element) -> Iterator[EntityProxy]:
        if tag == "ReferenceValueSets":
            self.refs = _parse_refs(element)
        elif tag == "Location":
            self._location(element)
        elif tag == "IDRegDocument":
            self._id_document(element)
        elif tag == "DistinctParty":
            yield from self._party(element)
        elif tag == "ProfileRelationship":
            self._relation(element)
        elif tag == "SanctionsEntry":
            self._entry(element)

    def finish(self) -> Iterator[EntityProxy]:
        # Documents of identities read after them (the schema puts IDRegDocuments first, but an
        # export that does not loses nothing); documents of no known identity belong to no party.
        for identity_id in [i for i in self.documents if i in self.identities]:
            yield from self._documents(self.identities[identity_id], identity_id)
        for profile_id, entries in self.entries.items():
            party = self.parties.get(profile_id)
            if party is None:
                raise SourceFormatError(
                    self.path, f"SanctionsEntry for profile {profile_id}", "no DistinctParty has this profile"
                )
            yield self._sanction(party, entries)
        for relation in self.relations:
            yield self._link(relation)
        for party in self.parties.values():
            yield party.entity

    # -- lookups -------------------------------------------------------------------------------

    def _error(self, record: str, reason: str) -> SourceFormatError:
        return SourceFormatError(self.path, record, reason)

    def _ref(self, kind: str, ref_id: str | None, record: str) -> _Ref:
        if self.refs is None:
            raise self._error(record, "record before the ReferenceValueSets it refers to")
        value = self.refs.get(kind, {}).get(ref_id or "")
        if value is None:
            raise self._error(record, f"unknown {kind} ID {ref_id!r}")
        return value

    def _ref_text(self, kind: str, ref_id: str | None, record: str) -> str:
        value = self._ref(kind, ref_id, record).text
        if value is None:
            raise self._error(record, f"{kind} ID {ref_id!r} has no text")
        return value

    def _country(self, country_id: str | None, record: str) -> str | None:
        if country_id is None:
            return None
        ref = self._ref("Country", country_id, record)
        return ref.attrs.get("ISO2") or ref.text

    # -- lookup sections -----------------------------------------------------------------------

    def _location(self, element: Element) -> None:
        key = element.get("ID") or ""
        record = f"Location ID={key}"
        parts: dict[str, str] = {}
        for part in element.iterfind(_q("LocationPart")):
            kind = self._ref_text("LocPartType", part.get("LocPartTypeID"), record)
            values = [text(v) for v in part.iterfind(_q("LocationPartValue/Value"))]
            value = next((v for v in values if v), None)
            if value:
                parts[kind] = value
        country = element.find(_q("LocationCountry"))
        country_id = country.get("CountryID") if country is not None else None
        self.locations[key] = _Location(
            parts,
            self._country(country_id, record),
            self._ref("Country", country_id, record).text if country_id else None,
        )

    def _id_document(self, element: Element) -> None:
        key = element.get("ID") or ""
        record = f"IDRegDocument ID={key}"
        number = text(element.find(_q("IDRegistrationNo")))
        if number is None:
            return
        dates: dict[str, str] = {}
        for doc_date in element.iterfind(_q("DocumentDate")):
            kind = self._ref_text("IDRegDocDateType", doc_date.get("IDRegDocDateTypeID"), record)
            period = doc_date.find(_q("DatePeriod"))
            values = self._period(period, record) if period is not None else []
            if values:
                dates[kind] = values[0]
        self.documents[element.get("IdentityID") or ""].append(
            _IdDocument(
                key=key,
                doc_type=self._ref_text("IDRegDocType", element.get("IDRegDocTypeID"), record),
                number=number,
                country=self._country(element.get("IssuedBy-CountryID"), record),
                authority=text(element.find(_q("IssuingAuthority"))),
                comment=text(element.find(_q("Comment"))),
                dates=dates,
            )
        )

    # -- parties -------------------------------------------------------------------------------

    def _party(self, element: Element) -> Iterator[EntityProxy]:
        fixed_ref = element.get("FixedRef")
        record = f"DistinctParty FixedRef={fixed_ref}"
        profile = element.find(_q("Profile"))
        if not fixed_ref or profile is None:
            raise self._error(record, "a DistinctParty needs a FixedRef and a Profile")
        if fixed_ref in self.fixed_refs:
            raise self._error(record, "FixedRef occurs twice")
        self.fixed_refs.add(fixed_ref)
        entity = make_entity(
            self._schema(profile, record), f"{ID_PREFIX}-{fixed_ref}", self.version, fixed_ref
        )
        entity.add("sourceUrl", DETAILS_URL.format(fixed_ref), cleaned=True)
        entity.add("notes", text(element.find(_q("Comment"))))
        party = _Party(entity, fixed_ref)
        for identity in profile.iterfind(_q("Identity")):
            self._names(entity, identity, record)
            self.identities[identity.get("ID") or ""] = party
            yield from self._documents(party, identity.get("ID") or "")
        for feature in profile.iterfind(_q("Feature")):
            yield from self._feature(party, feature, record)
        self.parties[profile.get("ID") or fixed_ref] = party

    def _schema(self, profile: Element, record: str) -> str:
        sub_type = self._ref("PartySubType", profile.get("PartySubTypeID"), record)
        label = sub_type.text
        if label not in PARTY_SCHEMATA:
            label = self._ref_text("PartyType", sub_type.attrs.get("PartyTypeID"), record)
        schema = PARTY_SCHEMATA.get(label or "")
        if schema is None:
            raise self._error(record, f"unknown party type {label!r}")
        return schema

    def _names(self, entity: EntityProxy, identity: Element, record: str) -> None:
        groups = {
            group.get("ID") or "": self._ref_text("NamePartType", group.get("NamePartTypeID"), record)
            for group in identity.iterfind(_q("NamePartGroups/MasterNamePartGroup/NamePartGroup"))
        }
        for alias in identity.iterfind(_q("Alias")):
            alias_type = self._ref_text("AliasType", alias.get("AliasTypeID"), record)
            prop = ALIAS_PROPS.get(alias_type, "alias")
            if alias.get("LowQuality") == "true" and prop == "alias":
                prop = "weakAlias"
            primary = alias.get("Primary") == "true"
            for name in alias.iterfind(_q("DocumentedName")):
                parts: dict[str, list[str]] = defaultdict(list)
                for value in name.iterfind(_q("DocumentedNamePart/NamePartValue")):
                    part_type = groups.get(value.get("NamePartGroupID") or "")
                    if part_type is None:
                        raise self._error(record, f"unknown NamePartGroupID {value.get('NamePartGroupID')!r}")
                    if value_text := text(value):
                        parts[part_type].append(value_text)
                self._add_name(entity, prop, primary, parts)

    @staticmethod
    def _add_name(entity: EntityProxy, prop: str, primary: bool, parts: dict[str, list[str]]) -> None:
        whole = [" ".join(parts[p]) for p in WHOLE_NAME_PARTS if parts.get(p)]
        ordered = [" ".join(parts[p]) for p in PERSON_NAME_PARTS if parts.get(p)]
        known = {*WHOLE_NAME_PARTS, *PERSON_NAME_PARTS}
        others = [" ".join(v) for k, v in parts.items() if k not in known and v]
        full = " ".join([*whole, *ordered, *others])
        if not full:
            return
        entity.add(prop, full)
        if primary and prop == "name" and entity.schema.is_a("Person"):
            for part, part_prop in PERSON_NAME_PARTS.items():
                if part_prop and parts.get(part):
                    entity.add(part_prop, " ".join(parts[part]))

    def _documents(self, party: _Party, identity_id: str) -> Iterator[EntityProxy]:
        entity = party.entity
        for doc in self.documents.pop(identity_id, []):
            prop, schema = DOCUMENT_TYPES.get(doc.doc_type, ("idNumber", "Identification"))
            if not entity.schema.is_a("LegalEntity"):
                schema = None
            if prop is None or entity.schema.get(prop) is None:
                prop = "registrationNumber" if entity.schema.get("registrationNumber") else None
            if prop is not None:
                entity.add(prop, doc.number, quiet=True)
            if schema is not None:
                yield make_document(
                    entity,
                    doc.key,
                    self.version,
                    party.record,
                    number=doc.number,
                    doc_type=doc.doc_type,
                    passport=schema == "Passport",
                    country=doc.country,
                    authority=doc.authority,
                    start_date=doc.dates.get("Issue Date"),
                    end_date=doc.dates.get("Expiration Date"),
                    summary=doc.comment,
                )

    def _feature(self, party: _Party, feature: Element, record: str) -> Iterator[EntityProxy]:
        label = self._ref_text("FeatureType", feature.get("FeatureTypeID"), record).strip()
        for version in feature.iterfind(_q("FeatureVersion")):
            location_el = version.find(_q("VersionLocation"))
            location_id = location_el.get("LocationID") or "" if location_el is not None else None
            location = None
            if location_id is not None:
                location = self.locations.get(location_id)
                if location is None:
                    raise self._error(record, f"unknown LocationID {location_id!r}")
            values = self._version_values(version, record)
            if label == LOCATION_FEATURE and location_id is not None and location is not None:
                yield from self._address(party, location_id, location)
            elif label.startswith(WALLET_FEATURE_PREFIX):
                for value in values:
                    yield self._wallet(party, label.removeprefix(WALLET_FEATURE_PREFIX).strip(), value)
            elif label in OWNER_FEATURES:
                for value in values:
                    yield from self._owner(party, value)
            elif label in SANCTION_FEATURES:
                party.sanction_notes.extend(f"{label.rstrip(':- ')}: {value}" for value in values)
            else:
                if location is not None:
                    values.append(location.country or ", ".join(location.parts.values()))
                self._apply(party.entity, label, [v for v in values if v])

    def _version_values(self, version: Element, record: str) -> list[str]:
        values: list[str] = []
        period = version.find(_q("DatePeriod"))
        if period is not None:
            values.extend(self._period(period, record))
        for detail in version.iterfind(_q("VersionDetail")):
            reference = detail.get("DetailReferenceID")
            value = self._ref_text("DetailReference", reference, record) if reference else text(detail)
            if value:
                values.append(value)
        return values

    @staticmethod
    def _apply(entity: EntityProxy, label: str, values: list[str]) -> None:
        prop_name = FEATURE_PROPS.get(label)
        prop = entity.schema.get(prop_name) if prop_name else None
        if prop is None:
            entity.add("notes", [f"{label}: {value}" for value in values])
        else:
            entity.add(prop, values, quiet=True)

    def _address(self, party: _Party, key: str, location: _Location) -> Iterator[EntityProxy]:
        parts = dict(location.parts)
        address = make_address(
            party.entity,
            key,
            self.version,
            party.record,
            street=[parts.pop(p, None) for p in ("ADDRESS1", "ADDRESS2", "ADDRESS3")],
            city=parts.pop("CITY", None),
            postal_code=parts.pop("POSTAL CODE", None),
            region=parts.pop("STATE/PROVINCE", None) or parts.pop("REGION", None),
            country=location.country_name,
            full=parts.pop("Unknown", None),
        )
        if address is not None:
            attach_address(party.entity, address)
            yield address

    def _wallet(self, party: _Party, ticker: str, address: str) -> EntityProxy:
        assert party.entity.id is not None
        wallet = make_entity(
            "CryptoWallet", derived_id(party.entity.id, "wallet", ticker, address), self.version, party.record
        )
        wallet.add("publicKey", address)
        wallet.add("currencySymbol", ticker)
        wallet.add("holder", party.entity.id)
        wallet.add("topics", "sanction")
        return wallet

    def _owner(self, party: _Party, name: str) -> Iterator[EntityProxy]:
        if party.entity.schema.is_a("Asset"):
            yield from make_owner(party.entity, name, self.version, party.record)
        else:
            party.entity.add("notes", f"Owner: {name}")

    # -- links and sanctions -------------------------------------------------------------------

    def _relation(self, element: Element) -> None:
        key = element.get("ID") or ""
        record = f"ProfileRelationship ID={key}"
        source, target = element.get("From-ProfileID"), element.get("To-ProfileID")
        if not source or not target:
            raise self._error(record, "a relationship needs From-ProfileID and To-ProfileID")
        self.relations.append(
            _Relation(
                key=key,
                source=source,
                target=target,
                kind=self._ref_text("RelationType", element.get("RelationTypeID"), record),
                comment=text(element.find(_q("Comment"))),
                former=element.get("Former") == "true",
            )
        )

    def _link(self, relation: _Relation) -> EntityProxy:
        record = f"ProfileRelationship ID={relation.key}"
        source, target = self.parties.get(relation.source), self.parties.get(relation.target)
        if source is None or target is None:
            missing = relation.source if source is None else relation.target
            raise self._error(record, f"no DistinctParty has profile {missing}")
        schema, source_prop, target_prop = RELATIONS.get(relation.kind, UNKNOWN_LINK)
        source_schema = _role_schema(source.entity, schema, source_prop)
        target_schema = _role_schema(target.entity, schema, target_prop)
        if source_schema is None or target_schema is None:
            schema, source_prop, target_prop = UNKNOWN_LINK
        else:
            source.entity.schema, target.entity.schema = source_schema, target_schema
        assert source.entity.id is not None
        link = make_entity(
            schema, derived_id(source.entity.id, schema.lower(), relation.key), self.version, source.record
        )
        link.add(source_prop, source.entity.id)
        link.add(target_prop, target.entity.id)
        link.add("relationship" if schema == "Family" else "role", relation.kind)
        link.add("summary", relation.comment)
        if relation.former:
            link.add("status", "former", quiet=True)
        return link

    def _entry(self, element: Element) -> None:
        profile_id = element.get("ProfileID") or ""
        record = f"SanctionsEntry ID={element.get('ID')}"
        entries = self.entries[profile_id]
        entries.lists.add(self._ref_text("List", element.get("ListID"), record))
        for event in element.iterfind(_q("EntryEvent")):
            when = event.find(_q("Date"))
            if when is not None:
                entries.listed.add(_date(self.path, record, when).isoformat())
            if event.get("LegalBasisID"):
                entries.reasons.add(self._ref_text("LegalBasis", event.get("LegalBasisID"), record))
        for measure in element.iterfind(_q("SanctionsMeasure")):
            kind = self._ref_text("SanctionsType", measure.get("SanctionsTypeID"), record)
            comment = text(measure.find(_q("Comment")))
            if kind == "Program" and comment:
                entries.programmes.add(comment)
            else:
                entries.measures.add(kind)

    def _sanction(self, party: _Party, entries: _Entries) -> EntityProxy:
        sanction = make_sanction(party.entity, OFAC, self.version, party.record)
        mark_listed(party.entity, sanction, entries.programmes)
        sanction.add("program", sorted(entries.programmes))
        sanction.add("provisions", sorted(entries.measures))
        sanction.add("reason", sorted(entries.reasons))
        sanction.add("listingDate", min(entries.listed) if entries.listed else None)
        sanction.add("authorityId", party.record)
        sanction.add("sourceUrl", DETAILS_URL.format(party.record), cleaned=True)
        sanction.add("summary", [*sorted(entries.lists), *party.sanction_notes])
        return sanction

    # -- dates ---------------------------------------------------------------------------------

    def _period(self, period: Element, record: str) -> list[str]:
        """A ``DatePeriod`` as FtM dates: one when it names a day, month or year, else both ends."""
        ends = [period.find(_q(p)) for p in ("Start/From", "End/To", "Start/To", "End/From")]
        found = [_date(self.path, record, e) for e in ends if e is not None]
        if not found:
            return []
        low, high = min(found), max(found)
        if low.month == 1 and low.day == 1 and high.month == 12 and high.day == 31:
            years = sorted({str(low.year), str(high.year)})
            return years
        last_day = calendar.monthrange(high.year, high.month)[1]
        if low.day == 1 and high.day == last_day and (low.year, low.month) != (high.year, high.month):
            return [low.isoformat()[:7], high.isoformat()[:7]]
        if low.day == 1 and high.day == last_day:
            return [low.isoformat()[:7]]
        return sorted({low.isoformat(), high.isoformat()})


def _role_schema(entity: EntityProxy, schema: str, prop_name: str) -> Schema | None:
    """The schema ``entity`` needs to stand in ``prop_name`` of ``schema``, None if it cannot.

    An Organization that is owned becomes a Company (FtM's Organization is not an Asset)."""
    link_schema = model.get(schema)
    prop = link_schema.get(prop_name) if link_schema is not None else None
    if prop is None or prop.range is None:
        return None
    if entity.schema.is_a(prop.range):
        return entity.schema
    company = model.get("Company")
    if entity.schema.name == "Organization" and company is not None and company.is_a(prop.range):
        return company
    return None


def _parse_refs(element: Element) -> dict[str, dict[str, _Ref]]:
    refs: dict[str, dict[str, _Ref]] = defaultdict(dict)
    for value_set in element:
        for value in value_set:
            refs[local_name(value.tag)][value.get("ID") or ""] = _Ref(text(value), dict(value.attrib))
    return dict(refs)


def _date(path: Path, record: str, element: Element) -> date:
    """A ``Year``/``Month``/``Day`` element group as a date; a missing month or day counts as 1."""
    parts = [text(element.find(_q(p))) for p in ("Year", "Month", "Day")]
    try:
        year = int(parts[0] or "")
        return date(year, int(parts[1] or 1), int(parts[2] or 1))
    except ValueError as exc:
        raise SourceFormatError(path, record, f"invalid date {'-'.join(p or '?' for p in parts)}") from exc
