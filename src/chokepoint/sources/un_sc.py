"""The UN Security Council consolidated list (XML), all programmes.

Format: ``<CONSOLIDATED_LIST dateGenerated=...>`` with ``INDIVIDUALS/INDIVIDUAL`` and
``ENTITIES/ENTITY`` records (schema https://www.un.org/sc/resources/sc-sanctions.xsd). An INDIVIDUAL
becomes a ``Person``, an ENTITY an ``Organization``, with id ``un-sc-<REFERENCE_NUMBER>`` (stripped:
some reference numbers carry trailing spaces). Each party also yields a ``Sanction``, its ``Address``
entities and its documents (``Passport`` or ``Identification``). Contact details and IMO company
numbers hidden in ``COMMENTS1`` are extracted by :mod:`chokepoint.sources.facts`. See docs/lists.md for
the field-by-field table.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney import EntityProxy

from chokepoint.errors import SourceFormatError
from chokepoint.model import ListVersion, derived_id, make_entity, slug
from chokepoint.sources.facts import ImoScheme, country_code, extract_facts
from chokepoint.sources.xmlsafe import iter_records, text

SOURCE = "un-sc"
TITLE = "UN Security Council Consolidated List (XML)"
AUTHORITY = "United Nations Security Council"
ID_PREFIX = "un-sc"

_RECORD_TAGS = {"INDIVIDUAL", "ENTITY"}
_ROOT_TAGS = {"CONSOLIDATED_LIST"}
_NAME_TAGS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_ALIAS_PROPERTY = {
    "good": "alias",
    "a.k.a.": "alias",
    "": "alias",
    "low": "weakAlias",
    "f.k.a.": "previousName",
}
"""UN alias QUALITY to FtM name property: "Low" quality aliases are weak, "f.k.a." names are former."""
_GENDERS = {"male": "male", "female": "female"}


def publication_date(path: Path) -> date | None:
    """The day of the root's ``dateGenerated`` attribute (UTC), or None when absent."""
    for event, element in iter_records(path, _RECORD_TAGS, root_tags=_ROOT_TAGS):
        if event == "root":
            value = element.get("dateGenerated")
            return _timestamp_day(path, value) if value else None
    return None


def read(path: Path, version: ListVersion) -> Iterator[EntityProxy]:
    """Stream the parties of the list with their sanctions, addresses and documents.

    A list without a single INDIVIDUAL or ENTITY is refused: loading it would mark every party removed.
    """
    count = 0
    seen: set[str] = set()
    for event, element in iter_records(path, _RECORD_TAGS, root_tags=_ROOT_TAGS):
        if event != "record":
            continue
        count += 1
        record = _Record(path, version, element, count)
        if record.party.id in seen:
            raise SourceFormatError(path, record.where, "REFERENCE_NUMBER occurs twice")
        seen.add(str(record.party.id))
        yield from record.entities()
    if count == 0:
        raise SourceFormatError(path, None, "the list holds no INDIVIDUAL or ENTITY record")


def _timestamp_day(path: Path, value: str) -> date:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise SourceFormatError(path, None, f"dateGenerated is not a timestamp: {value!r}") from exc


class _Record:
    """One INDIVIDUAL or ENTITY element and the entities it yields."""

    def __init__(self, path: Path, version: ListVersion, element: Element, number: int) -> None:
        self.path = path
        self.version = version
        self.element = element
        reference = text(element.find("REFERENCE_NUMBER"))
        self.where = f"#{number} ({reference or 'no REFERENCE_NUMBER'})"
        if reference is None or not slug(reference):
            raise SourceFormatError(path, self.where, f"<{element.tag}> has no REFERENCE_NUMBER")
        self.reference = reference
        self.is_person = element.tag == "INDIVIDUAL"
        self.party = make_entity(
            "Person" if self.is_person else "Organization",
            f"{ID_PREFIX}-{slug(reference)}",
            version,
            reference,
        )
        self.derived: dict[str, EntityProxy] = {}

    def entities(self) -> Iterator[EntityProxy]:
        party = self.party
        names = [text(self.element.find(tag)) for tag in _NAME_TAGS]
        name = " ".join(n for n in names if n)
        if not name:
            raise SourceFormatError(self.path, self.where, "record has no name")
        party.add("name", name, cleaned=True)
        party.add("alias", self._texts("NAME_ORIGINAL_SCRIPT"), cleaned=True)
        party.add("topics", "sanction", cleaned=True)
        list_type = self._text("UN_LIST_TYPE")
        party.add("programId", list_type, cleaned=True)
        party.add("program", list_type, cleaned=True)
        party.add("modifiedAt", self._dates("LAST_DAY_UPDATED/VALUE"), cleaned=True)
        self._aliases()
        self._addresses()
        self._comments()
        if self.is_person:
            self._person()
        self._sanction(list_type)
        yield party
        yield from self.derived.values()

    def _text(self, tag: str) -> str | None:
        return text(self.element.find(tag))

    def _texts(self, xpath: str) -> list[str]:
        return [value for e in self.element.findall(xpath) if (value := text(e)) is not None]

    def _dates(self, xpath: str) -> list[str]:
        return [self._iso_date(v, xpath) for v in self._texts(xpath)]

    def _iso_date(self, value: str, field: str) -> str:
        """A YYYY-MM-DD or YYYY value checked to be a real date."""
        try:
            if len(value) == 4 and value.isdigit():
                return value
            return date.fromisoformat(value[:10]).isoformat()
        except ValueError as exc:
            raise SourceFormatError(self.path, self.where, f"{field} is not a date: {value!r}") from exc

    def _derive(self, schema: str, kind: str, *keys: object) -> EntityProxy:
        entity_id = derived_id(self.party.id or "", kind, *keys)
        if entity_id not in self.derived:
            self.derived[entity_id] = make_entity(schema, entity_id, self.version, self.reference)
        return self.derived[entity_id]

    def _country(self, prop: str, entity: EntityProxy, name: str | None) -> None:
        """Set a country property; a name FtM cannot map is kept in ``notes`` (documents: ``description``)."""
        if name is None:
            return
        code = country_code(name)
        if code is not None:
            entity.add(prop, code, cleaned=True)
        else:
            keep = "notes" if entity.schema.get("notes") is not None else "description"
            entity.add(keep, f"{prop}: {name}", cleaned=True)

    def _note(self, about: str, node: Element) -> None:
        """Keep the NOTE of an alias, birth date or birth place ("Approximately", "in Arabic script: …")."""
        note = text(node.find("NOTE"))
        if note is not None:
            self.party.add("notes", f"{about}: {note}", cleaned=True)

    def _aliases(self) -> None:
        for alias in self.element.iterfind(f"{self.element.tag}_ALIAS"):
            name = text(alias.find("ALIAS_NAME"))
            if name is None:
                continue
            quality = (text(alias.find("QUALITY")) or "").lower()
            self.party.add(_ALIAS_PROPERTY.get(quality, "alias"), name, cleaned=True)
            self._note(f"alias {name}", alias)
            if self.is_person:
                self.party.add("birthDate", self._dates_in(alias, "DATE_OF_BIRTH"), cleaned=True)
                place = _join(text(alias.find("CITY_OF_BIRTH")), text(alias.find("COUNTRY_OF_BIRTH")))
                self.party.add("birthPlace", place, cleaned=True)

    def _dates_in(self, element: Element, tag: str) -> list[str]:
        return [self._iso_date(v, tag) for e in element.iterfind(tag) if (v := text(e)) is not None]

    def _addresses(self) -> None:
        for node in self.element.iterfind(f"{self.element.tag}_ADDRESS"):
            parts = {tag: text(node.find(tag)) for tag in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE")}
            country = text(node.find("COUNTRY"))
            full = _join(*parts.values(), country)
            if full is None:
                continue
            address = self._derive("Address", "address", full)
            address.add("full", full, cleaned=True)
            address.add("street", parts["STREET"], cleaned=True)
            address.add("city", parts["CITY"], cleaned=True)
            address.add("region", parts["STATE_PROVINCE"], cleaned=True)
            address.add("postalCode", parts["ZIP_CODE"], cleaned=True)
            address.add("remarks", text(node.find("NOTE")), cleaned=True)
            self._country("country", address, country)
            self._country("country", self.party, country)
            self.party.add("addressEntity", address.id, cleaned=True)
            self.party.add("address", full, cleaned=True)

    def _comments(self) -> None:
        comments = self._text("COMMENTS1")
        if comments is None:
            return
        party = self.party
        party.add("notes", comments, cleaned=True)
        facts = extract_facts(comments, ImoScheme.COMPANY)
        party.add("phone", facts.phones, cleaned=True)
        party.add("phone", facts.faxes, cleaned=True)
        party.add("email", facts.emails, cleaned=True)
        party.add("website", facts.websites, cleaned=True)
        party.add("swiftBic", facts.swift_bics, cleaned=True)
        if not self.is_person:
            party.add("imoNumber", facts.imo_numbers, cleaned=True)
        for imo in facts.imo_numbers:
            document = self._derive("Identification", "imo", imo)
            document.add("holder", party.id, cleaned=True)
            document.add("number", imo.removeprefix("IMO"), cleaned=True)
            document.add("type", "IMO company number", cleaned=True)
            document.add("authority", "International Maritime Organization", cleaned=True)

    def _person(self) -> None:
        party = self.party
        gender = _GENDERS.get((self._text("GENDER") or "").lower())
        party.add("gender", gender, cleaned=True)
        party.add("title", self._texts("TITLE/VALUE"), cleaned=True)
        party.add("position", self._texts("DESIGNATION/VALUE"), cleaned=True)
        for nationality in self._texts("NATIONALITY/VALUE"):
            self._country("nationality", party, nationality)
        for node in self.element.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
            party.add("birthDate", self._birth_dates(node), cleaned=True)
            self._note("date of birth", node)
        for node in self.element.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
            country = text(node.find("COUNTRY"))
            parts = [text(node.find(t)) for t in ("STREET", "CITY", "STATE_PROVINCE")]
            party.add("birthPlace", _join(*parts, country), cleaned=True)
            self._country("birthCountry", party, country)
            self._note("place of birth", node)
        for index, node in enumerate(self.element.iterfind("INDIVIDUAL_DOCUMENT"), start=1):
            self._document(node, index)

    def _birth_dates(self, node: Element) -> list[str]:
        """EXACT and APPROXIMATELY give a DATE or YEAR; BETWEEN keeps both bounds at year precision."""
        kind = (text(node.find("TYPE_OF_DATE")) or "").upper()
        if kind == "BETWEEN":
            return self._dates_in(node, "FROM_YEAR") + self._dates_in(node, "TO_YEAR")
        return self._dates_in(node, "DATE") + self._dates_in(node, "YEAR")

    def _document(self, node: Element, index: int) -> None:
        number = text(node.find("NUMBER"))
        kinds = [k for k in (text(node.find("TYPE_OF_DOCUMENT")), text(node.find("TYPE_OF_DOCUMENT2"))) if k]
        kind = " ".join(" / ".join(kinds).split()) or None
        if number is None and kind is None:
            return
        is_passport = kind is not None and "pas" in kind.lower()
        document = self._derive("Passport" if is_passport else "Identification", "doc", number or index)
        document.add("holder", self.party.id, cleaned=True)
        document.add("number", number, cleaned=True)
        document.add("type", kind, cleaned=True)
        document.add("description", text(node.find("NOTE")), cleaned=True)
        issued = text(node.find("DATE_OF_ISSUE"))
        if issued is not None:
            document.add("startDate", self._iso_date(issued, "DATE_OF_ISSUE"), cleaned=True)
        document.add("authority", text(node.find("CITY_OF_ISSUE")), cleaned=True)
        for tag in ("ISSUING_COUNTRY", "COUNTRY_OF_ISSUE"):
            self._country("country", document, text(node.find(tag)))
        self.party.add("passportNumber" if is_passport else "idNumber", number, cleaned=True)

    def _sanction(self, list_type: str | None) -> None:
        sanction = self._derive("Sanction", "sanction", "unsc")
        sanction.add("entity", self.party.id, cleaned=True)
        sanction.add("authority", AUTHORITY, cleaned=True)
        sanction.add("authorityId", self.reference, cleaned=True)
        sanction.add("unscId", self.reference, cleaned=True)
        sanction.add("program", list_type, cleaned=True)
        sanction.add("programId", list_type, cleaned=True)
        sanction.add("recordId", self._text("DATAID"), cleaned=True)
        sanction.add("listingDate", self._dates("LISTED_ON"), cleaned=True)
        sanction.add("provisions", self._texts("LIST_TYPE/VALUE"), cleaned=True)


def _join(*parts: str | None) -> str | None:
    """The non-empty parts joined with ", ", or None when there are none."""
    text_ = ", ".join(p for p in parts if p)
    return text_ or None
