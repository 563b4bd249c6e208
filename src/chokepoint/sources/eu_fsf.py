"""EU Financial Sanctions Files, full list XML (``xmlFullSanctionsList_1_1``).

Schema: namespace ``http://eu.europa.eu/fpi/fsd/export``; root ``export`` with ``generationDate``
(the publication date); one ``sanctionEntity`` per listed party, identified by ``logicalId``, with
``euReferenceNumber`` (e.g. ``EU.1.40``) and ``unitedNationId`` (e.g. ``KPe.001``). Its children:
``regulation`` (``programme`` code such as ``PRK``, ``numberTitle``, ``publicationDate``,
``entryIntoForceDate``, ``publicationUrl``), ``subjectType`` (``code`` ``person`` or ``enterprise``),
``nameAlias`` (``wholeName``, ``firstName``/``middleName``/``lastName``, ``strong``, ``gender``,
``title``, ``function``, ``nameLanguage``), ``birthdate`` (``birthdate``, or ``year``/``monthOfYear``/
``dayOfMonth``, or ``yearRangeFrom``/``yearRangeTo``, with place and country), ``citizenship``,
``address`` (with ``contactInfo`` key/value pairs: PHONE, FAX, EMAIL, WEB) and ``identification``
(``identificationTypeCode``: ``passport``, ``id``, ``regnumber``, ``imo``, ``swiftbic``, ``fiscalcode``
…). Every value sits in an attribute. Country ``UNKNOWN`` (ISO ``00``) means no country.

Ids: ``eu-fsf-<logicalId>``. One Sanction per party by the EU, programmes as ``programId``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
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
    make_sanction,
    mark_listed,
)
from chokepoint.sources.xmlsafe import iter_records, text

SOURCE = "eu-fsf"
TITLE = "EU Financial Sanctions Files (xmlFullSanctionsList_1_1)"
ID_PREFIX = "eu-fsf"
EU = Authority("eu", "European Union (Council of the EU)", "eu")

_ROOT_TAGS = {"export"}
_RECORD_TAGS = {"sanctionEntity"}

SUBJECT_SCHEMATA = {"person": "Person", "enterprise": "Organization"}
GENDERS = {"M": "male", "F": "female"}
CONTACT_PROPS = {"PHONE": "phone", "FAX": "phone", "EMAIL": "email", "WEB": "website"}
IDENTIFIER_PROPS = {
    "swiftbic": "swiftBic",
    "imo": "imoNumber",
    "regnumber": "registrationNumber",
    "fiscalcode": "taxNumber",
}
"""Identification codes that are identifiers of the party itself; every other code (``passport``,
``id``, ``ssn``, ``other`` …) becomes an ``Identification`` (``Passport`` for ``passport``)."""
UNKNOWN_COUNTRY = {"UNKNOWN", "00", ""}


def _q(name: str) -> str:
    return f"{{*}}{name}"


def publication_date(path: Path) -> date | None:
    """The day of the ``generationDate`` attribute on the root ``export`` element."""
    for event, element in iter_records(path, set(), root_tags=_ROOT_TAGS):
        if event == "root":
            value = element.get("generationDate")
            if not value:
                return None
            try:
                return datetime.fromisoformat(value.strip()).date()
            except ValueError as exc:
                raise SourceFormatError(path, None, f"invalid generationDate {value!r}") from exc
    return None


def read(path: Path, version: ListVersion) -> Iterator[EntityProxy]:
    """Stream the FtM entities of an EU FSF full-list XML file."""
    seen: set[str] = set()
    for event, element in iter_records(path, _RECORD_TAGS, root_tags=_ROOT_TAGS):
        if event == "record":
            key = element.get("logicalId") or ""
            if key in seen:
                raise SourceFormatError(path, f"sanctionEntity logicalId={key}", "logicalId occurs twice")
            seen.add(key)
            yield from _entity(path, version, element)


def _country(element: Element) -> str | None:
    """The ISO code (or, failing that, the name) of an element's country; None for UNKNOWN."""
    code = (element.get("countryIso2Code") or "").strip()
    name = (element.get("countryDescription") or "").strip()
    if code.upper() not in UNKNOWN_COUNTRY:
        return code
    return name if name.upper() not in UNKNOWN_COUNTRY else None


def _entity(path: Path, version: ListVersion, element: Element) -> Iterator[EntityProxy]:
    logical_id = (element.get("logicalId") or "").strip()
    record = f"sanctionEntity logicalId={logical_id or '?'}"
    if not logical_id:
        raise SourceFormatError(path, record, "a sanctionEntity needs a logicalId")
    subject = element.find(_q("subjectType"))
    code = subject.get("code") if subject is not None else None
    schema = SUBJECT_SCHEMATA.get(code or "")
    if schema is None:
        raise SourceFormatError(path, record, f"unknown subjectType code {code!r}")
    party = make_entity(schema, f"{ID_PREFIX}-{logical_id}", version, logical_id)
    for remark in element.iterfind(_q("remark")):
        party.add("notes", text(remark))
        add_text_facts(party, text(remark))
    _names(party, element)
    _birth(party, element)
    for citizenship in element.iterfind(_q("citizenship")):
        party.add("nationality" if schema == "Person" else "country", _country(citizenship), quiet=True)
    for index, node in enumerate(element.iterfind(_q("address"))):
        yield from _address(party, version, logical_id, index, node)
    for index, node in enumerate(element.iterfind(_q("identification"))):
        yield from _identification(party, version, logical_id, index, node)
    sanction = make_sanction(party, EU, version, logical_id)
    programmes = _regulations(sanction, element)
    mark_listed(party, sanction, programmes)
    sanction.add("authorityId", element.get("euReferenceNumber"))
    sanction.add("unscId", element.get("unitedNationId"))
    sanction.add("startDate", element.get("designationDate"), quiet=True)
    sanction.add("summary", element.get("designationDetails"))
    yield sanction
    yield party


def _names(party: EntityProxy, element: Element) -> None:
    is_person = party.schema.is_a("Person")
    for alias in element.iterfind(_q("nameAlias")):
        whole = alias.get("wholeName") or " ".join(
            p for p in (alias.get("firstName"), alias.get("middleName"), alias.get("lastName")) if p
        )
        if not whole.strip():
            continue
        strong = alias.get("strong", "true").lower() != "false"
        prop = "name" if strong and not party.has("name") else ("alias" if strong else "weakAlias")
        party.add(prop, whole.strip())
        if is_person and prop == "name":
            party.add("firstName", alias.get("firstName") or None)
            party.add("middleName", alias.get("middleName") or None)
            party.add("lastName", alias.get("lastName") or None)
        if is_person:
            party.add("gender", GENDERS.get(alias.get("gender") or ""))
            party.add("title", alias.get("title") or None)
            party.add("position", alias.get("function") or None)
        elif alias.get("function"):
            party.add("notes", alias.get("function"))


def _birth(party: EntityProxy, element: Element) -> None:
    if not party.schema.is_a("Person"):
        return
    for birth in element.iterfind(_q("birthdate")):
        day = birth.get("birthdate") or iso_date(
            birth.get("year"), birth.get("monthOfYear"), birth.get("dayOfMonth")
        )
        if day is None:  # "between 1960 and 1962": both ends, as years
            day_range = [iso_date(birth.get(end)) for end in ("yearRangeFrom", "yearRangeTo")]
            party.add("birthDate", [d for d in day_range if d], quiet=True)
        party.add("birthDate", day, quiet=True)
        country = _country(birth)
        place = ", ".join(p for p in (birth.get("city"), birth.get("place"), birth.get("region")) if p)
        if place:
            name = birth.get("countryDescription") if country else None
            party.add("birthPlace", ", ".join(p for p in (place, name) if p))
        party.add("birthCountry", country, quiet=True)


def _address(
    party: EntityProxy, version: ListVersion, record: str, index: int, node: Element
) -> Iterator[EntityProxy]:
    for contact in node.iterfind(_q("contactInfo")):
        prop = CONTACT_PROPS.get((contact.get("key") or "").upper())
        value = contact.get("value")
        if prop and value:
            party.add(prop, [v.strip() for v in value.replace(";", ",").split(",") if v.strip()], quiet=True)
    country = _country(node)
    address = make_address(
        party,
        node.get("logicalId") or str(index),
        version,
        record,
        street=[node.get("street")],
        city=node.get("city"),
        postal_code=node.get("zipCode"),
        po_box=node.get("poBox"),
        region=node.get("region") or node.get("place"),
        country=node.get("countryDescription") if country else None,
    )
    if address is not None:
        address.add("country", country, quiet=True)
        address.add("remarks", [text(r) for r in node.iterfind(_q("remark"))])
        attach_address(party, address)
        yield address


def _identification(
    party: EntityProxy, version: ListVersion, record: str, index: int, node: Element
) -> Iterator[EntityProxy]:
    code = (node.get("identificationTypeCode") or "").strip().lower()
    number = (node.get("number") or node.get("latinNumber") or "").strip()
    if not number:
        return
    prop = IDENTIFIER_PROPS.get(code)
    if prop is not None:
        party.add(prop, number, quiet=True)
        return
    if code == "passport" and party.schema.get("passportNumber") is not None:
        party.add("passportNumber", number)
    else:
        party.add("idNumber", number)
    yield make_document(
        party,
        node.get("logicalId") or str(index),
        version,
        record,
        number=number,
        doc_type=node.get("identificationTypeDescription") or code,
        passport=code == "passport",
        country=_country(node),
        authority=node.get("issuedBy") or None,
        start_date=node.get("issueDate"),
        summary="; ".join(t for r in node.iterfind(_q("remark")) if (t := text(r))) or None,
    )


def _regulations(sanction: EntityProxy, element: Element) -> list[str]:
    """Copy each regulation onto the Sanction; returns the programme codes."""
    programmes: list[str] = []
    for regulation in element.iterfind(_q("regulation")):
        programme = regulation.get("programme")
        if programme:
            programmes.append(programme)
            sanction.add("program", programme)
        sanction.add("reason", regulation.get("numberTitle"))
        sanction.add("listingDate", regulation.get("publicationDate"), quiet=True)
        sanction.add("startDate", regulation.get("entryIntoForceDate"), quiet=True)
        sanction.add("sourceUrl", text(regulation.find(_q("publicationUrl"))), quiet=True)
    return programmes
