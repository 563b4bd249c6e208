"""The OFAC SDN legacy CSV reader, on the real 2021-07 set and on a small fixture folder."""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from followthemoney import EntityProxy

from chokepoint.errors import SourceFormatError
from chokepoint.model import ListVersion
from chokepoint.sources import ofac_sdn

FIXTURE = Path(__file__).parent / "fixtures" / "un_ofac" / "ofac_sdn_2024-01-15"
PARTY_SCHEMATA = ("Person", "Organization", "Vessel", "Airplane")
DPRK_PROGRAMS = {"DPRK", "DPRK2", "DPRK3", "DPRK4", "DPRK-NKSPEA"}


def read(path: Path) -> dict[str, EntityProxy]:
    version = ListVersion.of_file(ofac_sdn.SOURCE, path, ofac_sdn.publication_date(path))
    entities = list(ofac_sdn.read(path, version))
    by_id = {e.id: e for e in entities if e.id is not None}
    assert len(by_id) == len(entities), "entity ids must be unique"
    return by_id


@pytest.fixture(scope="module")
def sdn(shared_data: Path) -> dict[str, EntityProxy]:
    return read(shared_data / "lists" / "ofac_sdn_2021-07")


@pytest.fixture(scope="module")
def small() -> dict[str, EntityProxy]:
    return read(FIXTURE)


def of_schema(entities: dict[str, EntityProxy], *schemata: str) -> list[EntityProxy]:
    return [e for e in entities.values() if e.schema.name in schemata]


def test_real_set_counts(sdn: dict[str, EntityProxy]) -> None:
    parties = of_schema(sdn, *PARTY_SCHEMATA)
    assert len(parties) == 8976
    assert Counter(e.schema.name for e in parties)["Vessel"] == 406
    assert len(of_schema(sdn, "Sanction")) == 8976


def test_dprk_vessels_carry_imo_numbers(sdn: dict[str, EntityProxy]) -> None:
    vessels = [e for e in of_schema(sdn, "Vessel") if DPRK_PROGRAMS & set(e.get("programId"))]
    assert len(vessels) == 106
    assert sum(1 for v in vessels if v.get("imoNumber")) >= 105


def test_a_wallet_for_every_digital_currency_address(shared_data: Path, sdn: dict[str, EntityProxy]) -> None:
    folder = shared_data / "lists" / "ofac_sdn_2021-07"
    overflow = {row[0]: row[1] for row in csv.reader((folder / "sdn_comments.csv").open()) if len(row) == 2}
    expected: set[tuple[str, str, str]] = set()
    for row in csv.reader((folder / "sdn.csv").open(encoding="cp1252")):
        if len(row) == 12:
            remarks = row[11] + overflow.get(row[0], "")
            for ticker, address in re.findall(r"Digital Currency Address - (\w+) (\w+)", remarks):
                expected.add((f"ofac-sdn-{row[0]}", ticker, address))
    wallets = {
        (w.first("holder"), w.first("currencySymbol"), w.first("publicKey"))
        for w in of_schema(sdn, "CryptoWallet")
    }
    assert expected and wallets == expected


def test_linked_to_resolves_on_the_real_set(sdn: dict[str, EntityProxy]) -> None:
    links = of_schema(sdn, "UnknownLink")
    assert len(links) > 3000
    assert all(link.first("object") in sdn for link in links)


def test_publication_date_falls_back_to_the_folder_name(tmp_path: Path) -> None:
    assert ofac_sdn.publication_date(FIXTURE) == date(2024, 1, 15)
    assert ofac_sdn.publication_date(Path("ofac_sdn_2021-07")) == date(2021, 7, 1)
    assert ofac_sdn.publication_date(tmp_path) is None


def test_party_schemata_and_programmes(small: dict[str, EntityProxy]) -> None:
    assert [small[f"ofac-sdn-900{i}"].schema.name for i in range(1, 6)] == [
        "Person",
        "Organization",
        "Vessel",
        "Airplane",
        "Organization",
    ]
    assert small["ofac-sdn-9001"].get("programId") == ["DPRK3", "NPWMD"]


def test_person_remarks_become_typed_properties(small: dict[str, EntityProxy]) -> None:
    kim = small["ofac-sdn-9001"]
    assert kim.get("birthDate") == ["1969-03-12", "1966", "1968"]
    assert kim.get("birthPlace") == ["Pyongyang, Korea, North"]
    assert kim.get("birthCountry") == ["kp"]
    assert kim.get("nationality") == ["kp"]
    assert kim.get("gender") == ["male"]
    assert kim.get("email") == ["kcs@example.com.kp"]
    assert kim.get("phone") == ["+8613314257947"]
    assert kim.get("weakAlias") == ["Kimmy"]
    assert kim.get("alias") == ["KIM, Cholsu"]
    assert kim.get("passportNumber") == ["654110043"]
    passport = small["ofac-sdn-9001-doc-Passport-654110043"]
    assert passport.schema.name == "Passport"
    assert passport.get("country") == ["kp"]


def test_wallets_are_held_by_the_party(small: dict[str, EntityProxy]) -> None:
    wallets = {
        (w.first("currencySymbol"), w.first("publicKey"), w.first("holder"))
        for w in of_schema(small, "CryptoWallet")
    }
    assert wallets == {
        ("XBT", "1ExampLeAddre55Xbt9aZ", "ofac-sdn-9001"),
        ("ETH", "0x00000000000000000000000000000000000000ab", "ofac-sdn-9001"),
        ("LTC", "LExampleLtcAddr3ss0000000000000000", "ofac-sdn-9005"),
        # split between sdn.csv and sdn_comments.csv mid-word: joined back before parsing
        ("XBT", "3ExampleSplitAcrossTheBoundary", "ofac-sdn-9005"),
    }


def test_links_resolve_by_name_and_unresolved_names_are_kept(small: dict[str, EntityProxy]) -> None:
    link = small["ofac-sdn-9001-link-9002"]
    assert (link.first("subject"), link.first("object")) == ("ofac-sdn-9001", "ofac-sdn-9002")
    assert "ofac-sdn-9005-link-9001" in small  # "KIM, Chol Su" resolves though it contains a comma
    company = small["ofac-sdn-9002"]
    assert not [e for e in of_schema(small, "UnknownLink") if e.first("subject") == "ofac-sdn-9002"]
    assert "Linked To: NOBODY WE KNOW (not resolved to one SDN entry)" in company.first("description")


def test_company_facts_and_provisions(small: dict[str, EntityProxy]) -> None:
    company = small["ofac-sdn-9002"]
    assert company.get("imoNumber") == ["IMO1790183"]
    assert company.get("swiftBic") == ["KUDBKPPY"]
    assert company.get("website") == ["http://www.example-ocean.com.kp"]
    assert company.get("registrationNumber") == ["0123456"]
    assert company.get("previousName") == ["OCEAN EXAMPLE TRADING"]
    sanction = small["ofac-sdn-9002-sanction-ofac"]
    assert sanction.get("authority") == ["US OFAC"]
    assert sanction.get("authorityId") == ["9002"]
    assert any("510.214" in p for p in sanction.get("provisions"))


def test_vessel_columns_owner_and_imo(small: dict[str, EntityProxy]) -> None:
    vessel = small["ofac-sdn-9003"]
    assert vessel.get("imoNumber") == ["IMO9074729"]
    assert vessel.get("mmsi") == ["445112000"]
    assert vessel.get("callSign") == ["HMEX7"]
    assert vessel.get("type") == ["Oil Tanker"]
    assert vessel.get("tonnage") == ["40800"]
    assert vessel.get("grossRegisteredTonnage") == ["1200"]
    assert vessel.get("flag") == ["kp"]
    assert vessel.get("pastFlags") == ["pa"]
    ownership = small["ofac-sdn-9003-owner-9002"]
    assert (ownership.first("owner"), ownership.first("asset")) == ("ofac-sdn-9002", "ofac-sdn-9003")


def test_aircraft_operator_resolves_through_an_alias(small: dict[str, EntityProxy]) -> None:
    plane = small["ofac-sdn-9004"]
    assert plane.get("operator") == ["ofac-sdn-9002"]
    assert plane.get("model") == ["IL-76TD"]
    assert plane.get("serialNumber") == ["1023409321"]


def test_windows_1252_names_are_decoded(small: dict[str, EntityProxy]) -> None:
    assert small["ofac-sdn-9005"].get("name") == ["CAFÉ EXAMPLE S.A."]
    assert small["ofac-sdn-9005"].get("taxNumber") == ["800146749-7"]


def test_an_overflow_only_folder_is_refused(shared_data: Path) -> None:
    folder = shared_data / "lists" / "ofac_2025-12"
    version = ListVersion.of_file(ofac_sdn.SOURCE, folder)
    with pytest.raises(SourceFormatError, match=r"sdn\.csv is missing"):
        list(ofac_sdn.read(folder, version))


def test_overflow_files_of_the_2025_set_parse(shared_data: Path) -> None:
    folder = shared_data / "lists" / "ofac_2025-12"
    comments = ofac_sdn.read_comments(folder / "sdn_comments.csv")
    assert len(comments) >= 20
    assert any("Digital Currency Address - XBT" in text for text in comments.values())
    aliases = ofac_sdn.read_aliases(folder / "alt.csv")
    assert sum(len(v) for v in aliases.values()) > 20_000
    assert {a.kind for v in aliases.values() for a in v} <= {"aka", "fka", "nka"}
