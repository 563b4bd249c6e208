"""Queries are validated before screening; entities become records with their qualifiers."""

from __future__ import annotations

import pytest
from followthemoney import EntityProxy

from chokepoint.screening.records import MAX_NAME_LENGTH, Query, QueryError, record_from_entity


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("x" * (MAX_NAME_LENGTH + 1), "longer than"),
        ("Kim\x00Jong", "control"),
        ("Vlаdimir", "mixes CYRILLIC and LATIN"),  # Cyrillic а inside a Latin word
        ("!!!", "no letters"),
    ],
)
def test_bad_query_names_are_refused_with_a_reason(name: str, reason: str) -> None:
    with pytest.raises(QueryError, match=reason):
        Query(name, id="q1").to_record()


def test_unknown_schema_and_bad_wallet_are_refused() -> None:
    with pytest.raises(QueryError, match="unknown schema"):
        Query("x", schema="Spaceship").to_record()
    with pytest.raises(QueryError, match="wallet"):
        Query("x", wallet="0xnothex", ticker="ETH").to_record()


def test_persian_zero_width_non_joiner_is_accepted() -> None:
    assert Query("مسعود پزشک\u200cفر").to_record().names


def test_record_from_entity_carries_source_key_and_qualifiers(entities: list[EntityProxy]) -> None:
    record = record_from_entity(entities[0])
    assert (record.source, record.source_id) == ("un-sc", "KPi.002")
    assert record.birth_dates == {"1938"} and record.countries == {"kp"}
    assert [n.name.original for n in record.names] == ["RI JE-SON", "Ri Che-son"]


def test_single_word_person_names_are_weak(entities: list[EntityProxy]) -> None:
    entity = entities[0].clone()
    entity.add("alias", "Jeson")
    record = record_from_entity(entity)
    assert [n.weak for n in record.names if n.name.original == "Jeson"] == [True]


def test_address_country_is_a_country_qualifier() -> None:
    record = Query("Kim", address="Potonggang District, Pyongyang, North Korea").to_record()
    assert record.countries == {"kp"}
    assert Query("Kim", address="somewhere unknown").to_record().countries == set()
