"""The entities every listed party gets, whatever list it comes from.

A reader turns one record into a party (Person, Organization, Vessel, …) and hands it here for the
pieces that follow the same conventions on every list: one ``Sanction`` per party and authority
(``entity`` → party), ``Address`` entities linked through ``addressEntity``, ``Identification`` /
``Passport`` documents held by the party, and the ``topics``/``programId`` marks of a listed party.
Derived ids come from the party id (``chokepoint.model.derived_id``), so they are stable per record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from followthemoney import EntityProxy

from chokepoint.model import ListVersion, derived_id, make_entity
from chokepoint.sources.facts import ImoScheme, extract_facts


@dataclass(frozen=True)
class Authority:
    """A sanctioning authority: ``key`` goes into Sanction ids, ``name`` and ``country`` into the entity."""

    key: str
    name: str
    country: str


def make_sanction(party: EntityProxy, authority: Authority, version: ListVersion, record: str) -> EntityProxy:
    """The Sanction of ``party`` by ``authority``: id ``<party>-sanction-<authority key>``."""
    assert party.id is not None
    sanction = make_entity("Sanction", derived_id(party.id, "sanction", authority.key), version, record)
    sanction.add("entity", party.id)
    sanction.add("authority", authority.name)
    sanction.add("country", authority.country)
    return sanction


def mark_listed(party: EntityProxy, sanction: EntityProxy, programme_ids: Iterable[str]) -> None:
    """Give a listed party the topic ``sanction`` and its programme codes, on it and its Sanction."""
    codes = sorted({code.strip() for code in programme_ids if code and code.strip()})
    party.add("topics", "sanction")
    party.add("programId", codes)
    sanction.add("programId", codes)


def make_address(
    party: EntityProxy,
    key: str,
    version: ListVersion,
    record: str,
    *,
    street: Iterable[str | None] = (),
    city: str | None = None,
    postal_code: str | None = None,
    po_box: str | None = None,
    region: str | None = None,
    country: str | None = None,
    full: str | None = None,
) -> EntityProxy | None:
    """An Address for ``party`` (None when every part is empty); ``full`` defaults to the parts joined.

    ``country`` may be a name or an ISO code; FtM normalises it (unknown names are dropped).
    """
    assert party.id is not None
    streets = [s.strip() for s in street if s and s.strip()]
    parts = [*streets, po_box, city, region, postal_code, country]
    text = full or ", ".join(p.strip() for p in parts if p and p.strip())
    if not text:
        return None
    address = make_entity("Address", derived_id(party.id, "address", key), version, record)
    address.add("full", text)
    address.add("street", ", ".join(streets) or None)
    address.add("city", city)
    address.add("postalCode", postal_code)
    address.add("postOfficeBox", po_box)
    address.add("region", region)
    address.add("country", country, quiet=True)
    return address


def attach_address(party: EntityProxy, address: EntityProxy) -> None:
    """Link an Address to its party: ``addressEntity`` plus the full text and country on the party."""
    party.add("addressEntity", address.id)
    party.add("address", address.get("full"))
    if party.schema.get("country") is not None:
        party.add("country", address.get("country"))


def make_document(
    party: EntityProxy,
    key: str,
    version: ListVersion,
    record: str,
    *,
    number: str,
    doc_type: str | None,
    passport: bool = False,
    country: str | None = None,
    authority: str | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    summary: str | None = None,
) -> EntityProxy:
    """An Identification (or Passport) held by ``party``; id ``<party>-<kind>-<key>``."""
    assert party.id is not None
    schema = "Passport" if passport else "Identification"
    document = make_entity(schema, derived_id(party.id, schema.lower(), key), version, record)
    document.add("holder", party.id)
    document.add("number", number)
    document.add("type", doc_type)
    document.add("country", country, quiet=True)
    document.add("authority", authority)
    document.add("startDate", start_date, quiet=True)
    document.add("endDate", end_date, quiet=True)
    document.add("summary", summary)
    return document


def add_text_facts(party: EntityProxy, text: str | None) -> None:
    """Add the phone numbers, e-mails, websites, SWIFT/BIC and IMO numbers written in free text.

    Uses ``chokepoint.sources.facts``; IMO numbers are checked as ship numbers on vessels and as
    company numbers on everything else. Properties the party's schema lacks are skipped.
    """
    if not text:
        return
    scheme = ImoScheme.SHIP if party.schema.is_a("Vessel") else ImoScheme.COMPANY
    facts = extract_facts(text, scheme)
    found = {
        "phone": [*facts.phones, *facts.faxes],
        "email": facts.emails,
        "website": facts.websites,
        "swiftBic": facts.swift_bics,
        "imoNumber": facts.imo_numbers,
    }
    for prop, values in found.items():
        if values and party.schema.get(prop) is not None:
            party.add(prop, values, cleaned=True)


def make_owner(asset: EntityProxy, name: str, version: ListVersion, record: str) -> list[EntityProxy]:
    """A named owner of a vessel or aircraft: a LegalEntity and the Ownership linking it to ``asset``."""
    assert asset.id is not None
    owner = make_entity("LegalEntity", derived_id(asset.id, "owner", name), version, record)
    owner.add("name", name)
    ownership = make_entity("Ownership", derived_id(asset.id, "ownership", name), version, record)
    ownership.add("owner", owner.id)
    ownership.add("asset", asset.id)
    return [owner, ownership]


def iso_date(year: str | None, month: str | None = None, day: str | None = None) -> str | None:
    """An ISO date as precise as the parts given: ``1964``, ``1964-02`` or ``1964-02-10``."""
    if not year or not year.strip().isdigit() or len(year.strip()) != 4:
        return None
    text = year.strip()
    for part, highest in ((month, 12), (day, 31)):
        if not part or not part.strip().isdigit() or not 1 <= int(part) <= highest:
            return text
        text += f"-{int(part):02d}"
    return text
