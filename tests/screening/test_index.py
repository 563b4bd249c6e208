"""The candidate index returns few, relevant candidates."""

from __future__ import annotations

from followthemoney import EntityProxy

from chokepoint.screening.index import CandidateIndex, form_keys
from chokepoint.screening.names import analyze_name
from chokepoint.screening.records import Query
from chokepoint.screening.screener import records_from_entities


def test_form_keys_include_variants_skeletons_and_affixes() -> None:
    keys = form_keys(analyze_name("Lee Je-Sun", "person").forms[0])
    assert {"t:ri", "s:je", "t:sun"} <= keys
    assert "p:kor" in form_keys(analyze_name("Korea Ryonbong", "org").forms[0])


def test_typo_and_variant_queries_find_their_party(entities: list[EntityProxy]) -> None:
    index = CandidateIndex(records_from_entities(entities))
    ids = {r.id for r in index.records}
    assert "ofac-sdn-25308-wallet-ETH" in ids
    for name in ("Ri Che Son", "Kim Jong Un", "Korea Ryongbong General Corp"):
        found = [index.records[n].id for n in index.candidates(Query(name).to_record(), 3)]
        assert found, name


def test_identifier_key_finds_the_vessel_without_a_name_match(entities: list[EntityProxy]) -> None:
    index = CandidateIndex(records_from_entities(entities))
    found = index.candidates(Query("UNKNOWN TANKER", "Vessel", imo="8660313").to_record(), 3)
    assert [index.records[n].id for n in found] == ["ofac-sdn-15036"]
