"""EU Financial Sanctions Files XML: a small DPRK export written from xmlFullSanctionsList_1_1."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from xml_hazards import read_all

from chokepoint.errors import SourceFormatError
from chokepoint.sources import eu_fsf
from chokepoint.sources.load import load_source
from chokepoint.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "eu_fsf" / "xmlFullSanctionsList_1_1_dprk.xml"


@pytest.fixture(scope="module")
def entities() -> dict[str, dict[str, list[str]]]:
    return {
        str(e.id): {"schema": [e.schema.name], **e.to_dict()["properties"]} for e in read_all(eu_fsf, FIXTURE)
    }


def test_publication_date_is_the_generation_date() -> None:
    assert eu_fsf.publication_date(FIXTURE) == date(2024, 3, 14)


def test_enterprise_has_names_contacts_imo_number_and_address(
    entities: dict[str, dict[str, list[str]]],
) -> None:
    omm = entities["eu-fsf-5541"]
    assert omm["schema"] == ["Organization"]
    assert omm["name"] == ["Ocean Maritime Management Company, Limited"]
    assert omm["weakAlias"] == ["OMM"]  # strong="false"
    assert omm["imoNumber"] == ["IMO1790183"]
    assert omm["phone"] == ["+85023814410"] and omm["email"] == ["omm@silibank.net.kp"]
    assert omm["topics"] == ["sanction"] and omm["programId"] == ["PRK"]
    address = entities["eu-fsf-5541-address-7001"]
    assert address["city"] == ["Pyongyang"] and address["country"] == ["kp"]


def test_sanction_carries_regulation_and_reference_numbers(entities: dict[str, dict[str, list[str]]]) -> None:
    sanction = entities["eu-fsf-5541-sanction-eu"]
    assert sanction["entity"] == ["eu-fsf-5541"]
    assert sanction["authorityId"] == ["EU.3416.18"] and sanction["unscId"] == ["KPe.020"]
    assert sanction["reason"] == ["2014/842 (OJ L231)"] and sanction["listingDate"] == ["2014-08-01"]


def test_person_has_birth_dates_nationality_and_passport(entities: dict[str, dict[str, list[str]]]) -> None:
    person = entities["eu-fsf-5520"]
    assert person["schema"] == ["Person"]
    assert person["name"] == ["Ryu Jin"] and person["alias"] == ["류진"]
    assert person["birthDate"] == ["1965-08-07", "1966", "1967", "1968"]  # a date, a year, a range of years
    assert person["birthPlace"] == ["Pyongyang, NORTH KOREA"] and person["nationality"] == ["kp"]
    assert person["gender"] == ["male"] and person["position"] == ["KOMID official in Syria"]
    passport = entities["eu-fsf-5520-passport-8010"]
    assert passport["number"] == ["563410081"] and passport["startDate"] == ["2013-03-11"]


def test_unknown_country_is_no_country(entities: dict[str, dict[str, list[str]]]) -> None:
    """The second birth record says countryIso2Code="00" / UNKNOWN: it adds a year but no country."""
    assert entities["eu-fsf-5520"]["birthCountry"] == ["kp"]


def test_swift_code_becomes_a_property_not_a_document(entities: dict[str, dict[str, list[str]]]) -> None:
    assert entities["eu-fsf-5600"]["swiftBic"] == ["KNICKPPY"]
    assert not any(k.startswith("eu-fsf-5600-identification") for k in entities)


def test_loads_into_the_store(store: Store) -> None:
    result = load_source(store, "eu-fsf", FIXTURE)
    assert result.version.published == date(2024, 3, 14)
    assert result.version.entity_count == 9


def test_unknown_subject_type_names_the_record(tmp_path: Path) -> None:
    path = tmp_path / "eu.xml"
    path.write_bytes(FIXTURE.read_bytes().replace(b'code="person"', b'code="vessel"'))
    with pytest.raises(SourceFormatError, match=r"sanctionEntity logicalId=5520.*'vessel'"):
        read_all(eu_fsf, path)


def test_an_entity_listed_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "eu.xml"
    path.write_bytes(FIXTURE.read_bytes().replace(b'logicalId="5600"', b'logicalId="5541"'))
    with pytest.raises(SourceFormatError, match="sanctionEntity logicalId=5541: logicalId occurs twice"):
        read_all(eu_fsf, path)
