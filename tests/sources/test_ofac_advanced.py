"""OFAC SDN advanced XML: a small DPRK file written from sdn_advanced.xsd, read into FtM entities."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from xml_hazards import read_all

from chokepoint.errors import SourceFormatError
from chokepoint.sources import ofac_advanced
from chokepoint.sources.load import load_source
from chokepoint.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "ofac_advanced" / "sdn_advanced_dprk.xml"


@pytest.fixture(scope="module")
def entities() -> dict[str, dict[str, list[str]]]:
    return {
        str(e.id): {"schema": [e.schema.name], **e.to_dict()["properties"]}
        for e in read_all(ofac_advanced, FIXTURE)
    }


def test_publication_date_is_the_date_of_issue() -> None:
    assert ofac_advanced.publication_date(FIXTURE) == date(2021, 7, 2)


def test_company_has_names_imo_number_addresses_and_programme(
    entities: dict[str, dict[str, list[str]]],
) -> None:
    omm = entities["ofac-sdn-17068"]
    assert omm["schema"] == ["Organization"]
    assert omm["name"] == ["OCEAN MARITIME MANAGEMENT COMPANY LIMITED"]
    assert set(omm["alias"]) == {"EAST SEA SHIPPING COMPANY", "KOREA MIRAE SHIPPING CO. LTD."}
    assert omm["imoNumber"] == ["IMO1790183"]
    assert omm["topics"] == ["sanction"] and omm["programId"] == ["DPRK"]
    address = entities["ofac-sdn-17068-address-25937"]
    assert address["full"] == ["43-39 Lugovaya, Vladivostok, Russia"] and address["country"] == ["ru"]
    assert "ofac-sdn-17068-address-25937" in omm["addressEntity"]


def test_sanction_carries_programme_listing_date_and_secondary_sanctions_note(
    entities: dict[str, dict[str, list[str]]],
) -> None:
    sanction = entities["ofac-sdn-17068-sanction-ofac"]
    assert sanction["entity"] == ["ofac-sdn-17068"]
    assert sanction["programId"] == ["DPRK"] and sanction["listingDate"] == ["2014-07-30"]
    assert sanction["provisions"] == ["Block"]
    assert any(s.startswith("Secondary sanctions risk") for s in sanction["summary"])


def test_vessel_has_imo_type_and_flag(entities: dict[str, dict[str, list[str]]]) -> None:
    vessel = entities["ofac-sdn-17069"]
    assert vessel["schema"] == ["Vessel"]
    assert vessel["imoNumber"] == ["IMO7937317"]
    assert vessel["type"] == ["General Cargo"] and vessel["flag"] == ["kp"]


def test_person_has_name_parts_birth_date_nationality_and_passport(
    entities: dict[str, dict[str, list[str]]],
) -> None:
    person = entities["ofac-sdn-17616"]
    assert person["schema"] == ["Person"]
    assert person["name"] == ["Jin RYU"] and person["lastName"] == ["RYU"] and person["firstName"] == ["Jin"]
    assert person["birthDate"] == ["1965-08-07"] and person["nationality"] == ["kp"]
    passport = entities["ofac-sdn-17616-passport-10003"]
    assert passport["holder"] == ["ofac-sdn-17616"] and passport["number"] == ["563410081"]
    assert passport["endDate"] == ["2018-03-11"]


def test_digital_currency_addresses_become_wallets_held_by_the_party(
    entities: dict[str, dict[str, list[str]]],
) -> None:
    wallets = [e for e in entities.values() if e["schema"] == ["CryptoWallet"]]
    assert {w["publicKey"][0] for w in wallets} == {
        "134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak",
        "15YK647qtoZQDzNrvY6HJL6QwXduLHfT28",
    }
    assert all(w["holder"] == ["ofac-sdn-28263"] and w["currencySymbol"] == ["XBT"] for w in wallets)
    person = entities["ofac-sdn-28263"]
    assert person["weakAlias"] == ["tianyinyin0404"] and person["programId"] == ["CYBER2", "DPRK3"]


def test_owned_or_controlled_by_becomes_ownership(entities: dict[str, dict[str, list[str]]]) -> None:
    link = entities["ofac-sdn-19570-ownership-80001"]
    assert link["asset"] == ["ofac-sdn-19570"] and link["owner"] == ["ofac-sdn-17068"]
    assert link["role"] == ["Owned or Controlled By"]


def test_party_ids_are_the_legacy_csv_ent_nums(
    shared_data: Path, entities: dict[str, dict[str, list[str]]]
) -> None:
    """FixedRef equals the legacy ent_num: the same party has the same id in both OFAC formats."""
    with (shared_data / "lists" / "ofac_sdn_2021-07" / "sdn.csv").open(
        encoding="utf-8", errors="replace"
    ) as fh:
        legacy = {row[0]: row[1] for row in csv.reader(fh) if len(row) > 1}
    parties = {k: v for k, v in entities.items() if v["schema"][0] in {"Person", "Organization", "Vessel"}}
    assert len(parties) == 5
    for entity_id, props in parties.items():
        legacy_name = legacy[entity_id.removeprefix("ofac-sdn-")]
        words = {w.strip(",").upper() for w in legacy_name.split()}
        assert words == {w.upper() for w in props["name"][0].split()}


def test_loads_into_the_store_under_its_own_source(store: Store) -> None:
    result = load_source(store, "ofac-advanced", FIXTURE)
    assert result.version.source == "ofac-advanced" and result.version.published == date(2021, 7, 2)
    assert store.get("ofac-sdn-17069").get("imoNumber") == ["IMO7937317"]
    assert load_source(store, "ofac-advanced", FIXTURE).created is False


def test_a_reference_to_an_undeclared_value_names_the_record(tmp_path: Path) -> None:
    path = tmp_path / "SDN_ADVANCED.XML"
    path.write_bytes(FIXTURE.read_bytes().replace(b'FeatureTypeID="344"', b'FeatureTypeID="9999"', 1))
    with pytest.raises(SourceFormatError, match=r"DistinctParty FixedRef=28263.*FeatureType ID '9999'"):
        read_all(ofac_advanced, path)


def test_a_relationship_to_an_unknown_profile_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "SDN_ADVANCED.XML"
    path.write_bytes(FIXTURE.read_bytes().replace(b'To-ProfileID="17068"', b'To-ProfileID="1"'))
    with pytest.raises(SourceFormatError, match="ProfileRelationship ID=80001"):
        read_all(ofac_advanced, path)


def test_documents_after_their_parties_are_still_attached(tmp_path: Path) -> None:
    data = FIXTURE.read_text(encoding="utf-8")
    start, end = (
        data.index("  <IDRegDocuments>"),
        data.index("</IDRegDocuments>") + len("</IDRegDocuments>\n"),
    )
    documents = data[start:end]
    moved = (data[:start] + data[end:]).replace(
        "  <ProfileRelationships>", documents + "  <ProfileRelationships>"
    )
    path = tmp_path / "SDN_ADVANCED.XML"
    path.write_text(moved, encoding="utf-8")
    entities = {e.id: e for e in read_all(ofac_advanced, path)}
    assert entities["ofac-sdn-17069"].get("imoNumber") == ["IMO7937317"]
    assert entities["ofac-sdn-17616-passport-10003"].get("holder") == ["ofac-sdn-17616"]


def test_a_party_listed_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "SDN_ADVANCED.XML"
    path.write_bytes(
        FIXTURE.read_bytes().replace(b'DistinctParty FixedRef="19570"', b'DistinctParty FixedRef="17069"')
    )
    with pytest.raises(SourceFormatError, match="DistinctParty FixedRef=17069: FixedRef occurs twice"):
        read_all(ofac_advanced, path)
