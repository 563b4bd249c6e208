"""The UK Sanctions List, FCDO XML format (``UK-Sanctions-List.xml``).

Which UK format: the FCDO's UK Sanctions List is the official UK list (every designation under the
Sanctions and Anti-Money Laundering Act, with the measures imposed and the statement of reasons).
OFSI's "Consolidated List of Financial Sanctions Targets" (``ConList.csv``/``.xml``) is being retired
in its favour (frozen on 28 January 2026), so Chokepoint reads the FCDO XML only.

Format: root ``Designations`` with ``DateGenerated`` (dd/mm/yyyy, the publication date) and one
``Designation`` per listed person, entity or ship: ``UniqueID`` (e.g. ``DPR0001``: the regime code
and a number), ``OFSIGroupID``, ``UNReferenceNumber``, ``Names/Name`` (``Name1``…``Name6``, where
``Name6`` is the surname or the entity/ship name, ``NameType`` "Primary Name" / "Primary Name
Variation" / "Alias", ``AliasStrength``), ``NonLatinNames``, ``RegimeName``, ``IndividualEntityShip``,
``DesignationSource`` (UK or UN), ``SanctionsImposed`` ("Asset freeze|Travel Ban"), ``DateDesignated``,
``LastUpdated``, ``OtherInformation``, ``UKStatementofReasons``, ``Addresses/Address``
(``AddressLine1``…``6``, ``AddressPostalCode``, ``AddressCountry``), ``PhoneNumbers``,
``EmailAddresses``, ``Websites`` and a details block per kind: ``IndividualDetails/Individual`` (DOBs
with ``dd``/``mm`` placeholders for unknown parts, nationalities, passports, national identifiers,
positions, genders, birth details), ``EntityDetails/Entity`` (business registration numbers, entity
types, parent companies, subsidiaries) and ``ShipDetails/Ship`` (IMO numbers, owners/operators, type,
flags, tonnage, year built).

Ids: ``uk-<UniqueID>``. Programme ids are the regime code that prefixes the Unique ID (``DPR`` for
the DPRK regime, ``RUS`` for Russia); the regime's name goes into the Sanction's ``program``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney import EntityProxy

from chokepoint.errors import SourceFormatError
from chokepoint.model import ListVersion, make_entity
from chokepoint.sources.listing import (
    Authority,
    add_text_facts,
    attach_address,
    iso_date,
    make_address,
    make_document,
    make_owner,
    make_sanction,
    mark_listed,
)
from chokepoint.sources.xmlsafe import iter_records, text

SOURCE = "uk"
TITLE = "UK Sanctions List (FCDO, XML)"
ID_PREFIX = "uk"
FCDO = Authority("fcdo", "UK Foreign, Commonwealth & Development Office (FCDO)", "gb")

_ROOT_TAGS = {"Designations"}
KIND_SCHEMATA = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
NAME_PROPS = {"primary name": "name", "primary name variation": "alias", "alias": "alias"}
"""``NameType`` → FtM property; an alias whose ``AliasStrength`` says "low" is a ``weakAlias``."""
GENDERS = {"male": "male", "female": "female"}
_REGIME_CODE = re.compile(r"^([A-Za-z]+)\d")
_EMAIL_SPLIT = re.compile(r"[;,\s]+")


def _q(path: str) -> str:
    return "/".join(f"{{*}}{step}" for step in path.split("/"))


def _texts(element: Element, path: str) -> list[str]:
    return [value for node in element.iterfind(_q(path)) if (value := text(node))]


def _leaf_texts(element: Element, leaf: str) -> list[str]:
    return [value for node in element.iterfind(f".//{{*}}{leaf}") if (value := text(node))]


def uk_date(value: str | None) -> str | None:
    """A ``dd/mm/yyyy`` date as ISO, keeping only the known parts (``dd/mm/1971`` → ``1971``)."""
    if not value:
        return None
    parts = value.strip().split("/")
    if len(parts) != 3:
        return None
    day, month, year = parts
    return iso_date(year, month, day if month.isdigit() else None)


def publication_date(path: Path) -> date | None:
    """The ``DateGenerated`` of the file (dd/mm/yyyy)."""
    for event, element in iter_records(path, {"DateGenerated", "Designation"}, root_tags=_ROOT_TAGS):
        if event != "record":
            continue
        if element.tag.rsplit("}", 1)[-1] != "DateGenerated":
            return None
        day = uk_date(text(element))
        if day is None or len(day) != 10:
            raise SourceFormatError(path, "DateGenerated", f"invalid date {text(element)!r}")
        return date.fromisoformat(day)
    return None


def read(path: Path, version: ListVersion) -> Iterator[EntityProxy]:
    """Stream the FtM entities of a UK Sanctions List XML file."""
    seen: set[str] = set()
    for event, element in iter_records(path, {"Designation"}, root_tags=_ROOT_TAGS):
        if event == "record":
            key = text(element.find(_q("UniqueID"))) or ""
            if key in seen:
                raise SourceFormatError(path, f"Designation {key}", "UniqueID occurs twice")
            seen.add(key)
            yield from _designation(path, version, element)


def _designation(path: Path, version: ListVersion, element: Element) -> Iterator[EntityProxy]:
    unique_id = text(element.find(_q("UniqueID")))
    record = f"Designation {unique_id or '?'}"
    if not unique_id:
        raise SourceFormatError(path, record, "a Designation needs a UniqueID")
    kind = (text(element.find(_q("IndividualEntityShip"))) or "").lower()
    schema = KIND_SCHEMATA.get(kind)
    if schema is None:
        raise SourceFormatError(path, record, f"unknown IndividualEntityShip {kind!r}")
    party = make_entity(schema, f"{ID_PREFIX}-{unique_id}", version, unique_id)
    _names(party, element)
    for note in _texts(element, "OtherInformation"):
        party.add("notes", note)
        add_text_facts(party, note)
    if party.schema.is_a("LegalEntity"):
        party.add("phone", _texts(element, "PhoneNumbers/PhoneNumber"), quiet=True)
        party.add("website", _texts(element, "Websites/Website"), quiet=True)
        for emails in _texts(element, "EmailAddresses/EmailAddress"):
            party.add("email", [e for e in _EMAIL_SPLIT.split(emails) if e], quiet=True)
    for index, address in enumerate(element.iterfind(_q("Addresses/Address"))):
        yield from _address(party, version, unique_id, index, address)
    for individual in element.iterfind(_q("IndividualDetails/Individual")):
        yield from _individual(party, version, unique_id, individual)
    for entity in element.iterfind(_q("EntityDetails/Entity")):
        _entity_details(party, entity)
    for ship in element.iterfind(_q("ShipDetails/Ship")):
        yield from _ship(party, version, unique_id, ship)
    yield _sanction(party, version, unique_id, element)
    yield party


def _names(party: EntityProxy, element: Element) -> None:
    is_person = party.schema.is_a("Person")
    for name in element.iterfind(_q("Names/Name")):
        parts = [text(name.find(_q(f"Name{i}"))) for i in range(1, 7)]
        full = " ".join(p for p in parts if p)
        if not full:
            continue
        name_type = (text(name.find(_q("NameType"))) or "alias").lower()
        prop = NAME_PROPS.get(name_type, "alias")
        if prop == "name" and party.has("name"):
            prop = "alias"
        if prop == "alias" and "low" in (text(name.find(_q("AliasStrength"))) or "").lower():
            prop = "weakAlias"
        party.add(prop, full)
        if is_person and prop == "name":
            party.add("firstName", parts[0])
            party.add("middleName", [p for p in parts[1:5] if p])
            party.add("lastName", parts[5])
    party.add("alias", _texts(element, "NonLatinNames/NonLatinName/NameNonLatinScript"))
    if is_person:
        party.add("title", _texts(element, "Titles/Title"))


def _address(
    party: EntityProxy, version: ListVersion, record: str, index: int, node: Element
) -> Iterator[EntityProxy]:
    line = {i: text(node.find(_q(f"AddressLine{i}"))) for i in range(1, 7)}
    address = make_address(
        party,
        str(index),
        version,
        record,
        street=[line[1], line[2], line[3]],
        city=line[6] or line[4],
        region=line[5],
        postal_code=text(node.find(_q("AddressPostalCode"))),
        country=text(node.find(_q("AddressCountry"))),
    )
    if address is not None:
        attach_address(party, address)
        yield address


def _individual(
    party: EntityProxy, version: ListVersion, record: str, node: Element
) -> Iterator[EntityProxy]:
    party.add("birthDate", [uk_date(d) for d in _texts(node, "DOBs/DOB")], quiet=True)
    party.add("nationality", _texts(node, "Nationalities/Nationality"), quiet=True)
    party.add("position", _texts(node, "Positions/Position"))
    party.add("gender", [GENDERS.get(g.lower()) for g in _texts(node, "Genders/Gender")])
    for place in node.iterfind(_q("BirthDetails/Location")):
        town, country = text(place.find(_q("TownOfBirth"))), text(place.find(_q("CountryOfBirth")))
        party.add("birthPlace", ", ".join(p for p in (town, country) if p) or None)
        party.add("birthCountry", country, quiet=True)
    documents = [
        ("Passport", "PassportDetails/Passport", "PassportNumber", "PassportAdditionalInformation"),
        (
            "National identifier",
            "NationalIdentifierDetails/NationalIdentifier",
            "NationalIdentifierNumber",
            "NationalIdentifierAdditionalInformation",
        ),
    ]
    seen: set[tuple[str, str]] = set()
    for doc_type, path, number_tag, info_tag in documents:
        for doc in node.iterfind(_q(path)):
            number = text(doc.find(_q(number_tag)))
            if number is None or (doc_type, number) in seen:
                continue
            seen.add((doc_type, number))
            passport = doc_type == "Passport"
            party.add("passportNumber" if passport else "idNumber", number)
            yield make_document(
                party,
                f"{doc_type}-{number}",
                version,
                record,
                number=number,
                doc_type=doc_type,
                passport=passport,
                summary=text(doc.find(_q(info_tag))),
            )


def _entity_details(party: EntityProxy, node: Element) -> None:
    party.add("registrationNumber", _texts(node, "BusinessRegistrationNumbers/BusinessRegistrationNumber"))
    party.add("legalForm", _texts(node, "TypeOfEntities/TypeOfEntity"))
    party.add("notes", [f"Parent company: {p}" for p in _texts(node, "ParentCompanies/ParentCompany")])
    party.add("notes", [f"Subsidiary: {s}" for s in _texts(node, "Subsidiaries/Subsidiary")])


def _ship(party: EntityProxy, version: ListVersion, record: str, node: Element) -> Iterator[EntityProxy]:
    """Ship details, found by their leaf element names (the containers are plural forms of them)."""
    party.add("imoNumber", _leaf_texts(node, "IMONumber"), quiet=True)
    party.add("type", _leaf_texts(node, "TypeOfShip"))
    party.add("flag", _leaf_texts(node, "CurrentBelievedFlagOfShip"), quiet=True)
    party.add("pastFlags", _leaf_texts(node, "PreviousFlag"), quiet=True)
    party.add("tonnage", _leaf_texts(node, "TonnageOfShip"), quiet=True)
    party.add("buildDate", _leaf_texts(node, "YearBuilt"), quiet=True)
    for owner in _leaf_texts(node, "CurrentOwnerOperator"):
        yield from make_owner(party, owner, version, record)


def _sanction(party: EntityProxy, version: ListVersion, unique_id: str, element: Element) -> EntityProxy:
    sanction = make_sanction(party, FCDO, version, unique_id)
    regime = _REGIME_CODE.match(unique_id)
    mark_listed(party, sanction, [regime.group(1).upper()] if regime else [])
    sanction.add("program", _texts(element, "RegimeName"))
    sanction.add("authorityId", unique_id)
    sanction.add("recordId", _texts(element, "OFSIGroupID"))
    sanction.add("unscId", _texts(element, "UNReferenceNumber"))
    sanction.add("listingDate", [uk_date(d) for d in _texts(element, "DateDesignated")], quiet=True)
    sanction.add("modifiedAt", [uk_date(d) for d in _texts(element, "LastUpdated")], quiet=True)
    for imposed in _texts(element, "SanctionsImposed"):
        sanction.add("provisions", [p.strip() for p in imposed.split("|") if p.strip()])
    sanction.add("reason", _texts(element, "UKStatementofReasons"))
    sanction.add("summary", [f"Designation source: {s}" for s in _texts(element, "DesignationSource")])
    return sanction
