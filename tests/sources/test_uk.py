"""UK Sanctions List (FCDO XML): a small DPRK file written from the published format."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from xml_hazards import read_all

from chokepoint.errors import SourceFormatError
from chokepoint.sources import uk
from chokepoint.sources.load import load_source
from chokepoint.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "uk" / "UK-Sanctions-List_dprk.xml"


@pytest.fixture(scope="module")
def entities() -> dict[str, dict[str, list[str]]]:
    return {
        str(e.id): {"schema": [e.schema.name], **e.to_dict()["properties"]} for e in read_all(uk, FIXTURE)
    }


def test_publication_date_is_date_generated() -> None:
    assert uk.publication_date(FIXTURE) == date(2024, 3, 14)


@pytest.mark.parametrize(
    ("written", "iso"),
    [("07/08/1965", "1965-08-07"), ("dd/mm/1966", "1966"), ("dd/08/1966", "1966-08"), ("1966", None)],
)
def test_uk_dates_keep_only_the_known_parts(written: str, iso: str | None) -> None:
    assert uk.uk_date(written) == iso


def test_person_has_names_dates_passport_and_regime(entities: dict[str, dict[str, list[str]]]) -> None:
    person = entities["uk-DPR0016"]
    assert person["schema"] == ["Person"]
    assert (
        person["name"] == ["Jin RYU"] and person["alias"] == ["류진"] and person["weakAlias"] == ["Jin RYU"]
    )
    assert person["birthDate"] == ["1965-08-07", "1966"]
    assert person["nationality"] == ["kp"] and person["birthPlace"] == ["Pyongyang, North Korea"]
    assert person["programId"] == ["DPR"] and person["topics"] == ["sanction"]
    passports = [k for k in entities if k.startswith("uk-DPR0016-passport")]
    assert len(passports) == 1  # the repeated passport row is one document


def test_sanction_has_regime_measures_reasons_and_un_reference(
    entities: dict[str, dict[str, list[str]]],
) -> None:
    sanction = entities["uk-DPR0016-sanction-fcdo"]
    assert sanction["program"] == ["Democratic People's Republic of Korea"]
    assert sanction["provisions"] == ["Asset freeze", "Travel Ban"]
    assert sanction["unscId"] == ["KPi.012"] and sanction["listingDate"] == ["2016-03-02"]
    assert sanction["recordId"] == ["13340"]  # the OFSI group id, for matching the old ConList


def test_entity_has_contacts_registration_and_address(entities: dict[str, dict[str, list[str]]]) -> None:
    omm = entities["uk-DPR0130"]
    assert omm["schema"] == ["Organization"]
    assert omm["email"] == ["omm@silibank.net.kp", "mmc@silibank.net.kp"]
    assert omm["phone"] == ["+85023814410"] and omm["registrationNumber"] == ["1790183"]
    assert omm["imoNumber"] == ["IMO1790183"]  # found in OtherInformation "IMO Number: 1790183."
    assert entities["uk-DPR0130-address-0"]["full"] == [
        "Donghung Dong, Central District, PO Box 120, Pyongyang, North Korea"
    ]


def test_ship_has_imo_flag_type_and_owner(entities: dict[str, dict[str, list[str]]]) -> None:
    ship = entities["uk-DPR0241"]
    assert ship["schema"] == ["Vessel"]
    assert (
        ship["imoNumber"] == ["IMO7937317"] and ship["flag"] == ["kp"] and ship["type"] == ["General Cargo"]
    )
    ownership = next(e for e in entities.values() if e["schema"] == ["Ownership"])
    owner = entities[ownership["owner"][0]]
    assert ownership["asset"] == ["uk-DPR0241"]
    assert owner["name"] == ["OCEAN MARITIME MANAGEMENT COMPANY, LIMITED"]


def test_loads_into_the_store(store: Store) -> None:
    result = load_source(store, "uk", FIXTURE)
    assert result.version.published == date(2024, 3, 14)
    assert store.get("uk-DPR0241").get("imoNumber") == ["IMO7937317"]


def test_designation_without_kind_names_the_record(tmp_path: Path) -> None:
    path = tmp_path / "uk.xml"
    path.write_bytes(FIXTURE.read_bytes().replace(b"<IndividualEntityShip>Ship</IndividualEntityShip>", b""))
    with pytest.raises(SourceFormatError, match="Designation DPR0241"):
        read_all(uk, path)


def test_a_designation_listed_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "uk.xml"
    path.write_bytes(
        FIXTURE.read_bytes().replace(b"<UniqueID>DPR0241</UniqueID>", b"<UniqueID>DPR0016</UniqueID>")
    )
    with pytest.raises(SourceFormatError, match="Designation DPR0016: UniqueID occurs twice"):
        read_all(uk, path)
