"""The UN Security Council consolidated list reader, on the real list and on a small fixture."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from followthemoney import EntityProxy
from typer.testing import CliRunner

from chokepoint.cli import app
from chokepoint.model import ListVersion
from chokepoint.sources import un_sc
from chokepoint.sources.load import load_source
from chokepoint.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "un_ofac" / "un_consolidated_small.xml"
UN_FILE = Path("lists/un/UN_consolidated_2026-02-27.xml")


def read(path: Path) -> dict[str, EntityProxy]:
    version = ListVersion.of_file(un_sc.SOURCE, path, un_sc.publication_date(path))
    entities = list(un_sc.read(path, version))
    by_id = {e.id: e for e in entities if e.id is not None}
    assert len(by_id) == len(entities), "entity ids must be unique"
    return by_id


@pytest.fixture(scope="module")
def un_list(shared_data: Path) -> dict[str, EntityProxy]:
    return read(shared_data / UN_FILE)


@pytest.fixture(scope="module")
def small() -> dict[str, EntityProxy]:
    return read(FIXTURE)


def test_publication_date_comes_from_date_generated() -> None:
    assert un_sc.publication_date(FIXTURE) == date(2025, 3, 4)


def test_counts_on_the_real_list(un_list: dict[str, EntityProxy]) -> None:
    parties = [e for e in un_list.values() if e.schema.name in ("Person", "Organization")]
    assert Counter(e.schema.name for e in parties) == {"Person": 730, "Organization": 273}
    dprk = [e for e in parties if "DPRK" in e.get("programId")]
    assert Counter(str(e.id)[: len("un-sc-KPi")] for e in dprk) == {"un-sc-KPi": 80, "un-sc-KPe": 75}
    sanctions = [e for e in un_list.values() if e.schema.name == "Sanction"]
    assert len(sanctions) == len(parties)


def test_ocean_maritime_management_carries_its_imo_company_number(un_list: dict[str, EntityProxy]) -> None:
    omm = un_list["un-sc-KPe.020"]
    assert omm.first("name").startswith("OCEAN MARITIME MANAGEMENT COMPANY, LIMITED")
    assert "East Sea Shipping Company" in omm.get("alias")
    assert omm.get("imoNumber") == ["IMO1790183"]
    document = un_list["un-sc-KPe.020-imo-IMO1790183"]
    assert document.get("holder") == ["un-sc-KPe.020"]
    assert document.get("type") == ["IMO company number"]


def test_dprk_comment_facts_on_the_real_list(un_list: dict[str, EntityProxy]) -> None:
    daesong = un_list["un-sc-KPe.042"]
    assert "daesong@star-co.net.kp" in daesong.get("email")
    assert "+85023814432" in daesong.get("phone")
    assert un_list["un-sc-KPe.047"].get("swiftBic") == ["FTBDKPPY"]


def test_trailing_spaces_in_reference_numbers_are_stripped(small: dict[str, EntityProxy]) -> None:
    assert "un-sc-KPi.901" in small
    assert small["un-sc-KPi.901"].context["provenance"]["record"] == "KPi.901"


def test_person_fields(small: dict[str, EntityProxy]) -> None:
    kim = small["un-sc-KPi.901"]
    assert kim.schema.name == "Person"
    assert kim.get("name") == ["KIM CHOL SU"]
    assert set(kim.get("alias")) == {"Kim Chol-su", "김철수"}
    assert kim.get("weakAlias") == ["Chol"]
    assert kim.get("nationality") == ["kp"]
    assert kim.get("gender") == ["male"]
    assert kim.get("title") == ["Colonel"]
    assert kim.get("position") == ["Bank representative"]
    assert kim.get("birthPlace") == ["Pyongyang, Democratic People's Republic of Korea"]
    assert kim.get("email") == ["kcs@example.com.kp"]
    assert kim.get("phone") == ["+85023814410"]


def test_birth_date_ranges_keep_both_bounds(small: dict[str, EntityProxy]) -> None:
    assert small["un-sc-KPi.901"].get("birthDate") == ["1969-03-12", "1966", "1968"]
    assert "date of birth: as reported in 2017" in small["un-sc-KPi.901"].get("notes")
    assert small["un-sc-QDi.901"].get("birthDate") == ["1975"]


def test_documents_become_passport_and_identification(small: dict[str, EntityProxy]) -> None:
    passport = small["un-sc-KPi.901-doc-654110043"]
    assert passport.schema.name == "Passport"
    assert passport.get("country") == ["kp"]
    assert passport.get("startDate") == ["2014-06-01"]
    national = small["un-sc-KPi.901-doc-A-77"]
    assert national.schema.name == "Identification"
    assert national.get("holder") == ["un-sc-KPi.901"]
    assert small["un-sc-KPi.901"].get("passportNumber") == ["654110043"]


def test_entity_aliases_addresses_and_sanction(small: dict[str, EntityProxy]) -> None:
    org = small["un-sc-KPe.901"]
    assert org.schema.name == "Organization"
    assert org.get("alias") == ["Example Sea Shipping"]
    assert org.get("previousName") == ["Old Example Shipping"]
    assert org.get("swiftBic") == ["KUDBKPPY"]
    (address_id,) = org.get("addressEntity")
    assert small[address_id].get("city") == ["Pyongyang"]
    assert small[address_id].get("country") == ["kp"]
    sanction = small["un-sc-KPe.901-sanction-unsc"]
    assert sanction.get("entity") == ["un-sc-KPe.901"]
    assert sanction.get("authority") == ["United Nations Security Council"]
    assert sanction.get("unscId") == ["KPe.901"]
    assert sanction.get("programId") == ["DPRK"]
    assert sanction.get("listingDate") == ["2018-03-30"]


def test_every_entity_carries_provenance(small: dict[str, EntityProxy]) -> None:
    for entity in small.values():
        provenance = entity.context["provenance"]
        assert provenance["source"] == "un-sc"
        assert provenance["published"] == "2025-03-04"


def test_unknown_country_names_are_kept_as_text(tmp_path: Path) -> None:
    data = FIXTURE.read_bytes().replace(
        b"<ISSUING_COUNTRY>Democratic People's Republic of Korea", b"<ISSUING_COUNTRY>Atlantis"
    )
    path = tmp_path / "un.xml"
    path.write_bytes(data)
    passport = read(path)["un-sc-KPi.901-doc-654110043"]
    assert passport.get("country") == []
    assert passport.get("description") == ["country: Atlantis"]


def test_cli_entity_view_of_ocean_maritime_management(shared_data: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    load_source(Store(home), "un-sc", shared_data / UN_FILE)
    result = CliRunner().invoke(app, ["entity", "un-sc-KPe.020", "--json", "--home", str(home)])
    assert result.exit_code == 0, result.output
    view = json.loads(result.output)
    assert view["caption"].startswith("OCEAN MARITIME MANAGEMENT COMPANY, LIMITED")
    assert "Korea Mirae Shipping Co. Ltd" in view["names"]["alias"]
    assert view["properties"]["imoNumber"] == ["IMO1790183"]
    assert "1790183" in result.output.replace("IMO1790183", "")  # the Identification's number too
