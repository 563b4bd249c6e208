"""Korean names written in Hanja are read with their Korean readings and match their romanizations."""

from __future__ import annotations

import unicodedata

from followthemoney import EntityProxy

from chokepoint.screening import Query, Screener
from chokepoint.screening.hanja import READINGS, korean_reading
from chokepoint.screening.names import analyze_name


def test_every_reading_is_one_hangul_syllable_of_a_han_character() -> None:
    for char, reading in READINGS.items():
        assert unicodedata.name(char).startswith("CJK UNIFIED IDEOGRAPH"), char
        assert len(reading) == 1 and "가" <= reading <= "힣", char


def test_korean_readings_keep_the_dprk_initial_r() -> None:
    assert korean_reading("金正恩") == "김정은"
    assert korean_reading("李濟善") == "리제선"
    assert korean_reading("崔 龍海") == "최 룡해"


def test_a_name_with_a_character_outside_the_table_gets_no_reading() -> None:
    assert korean_reading("习近平") is None


def test_a_hanja_name_has_its_mandarin_and_korean_romanizations() -> None:
    forms = {f.system: f.tokens for f in analyze_name("金正恩", "person").forms}
    assert forms["pinyin"] == ("jin", "zheng", "en")
    assert forms["mr"] == ("kim", "chong", "un")
    assert forms["rr"] == ("gim", "jeong", "eun")


def test_a_hanja_query_finds_the_romanized_list_entry_and_not_another_kim(
    entities: list[EntityProxy],
) -> None:
    screener = Screener.from_entities(entities)
    matches = screener.match(Query("金正恩", "Person"), threshold=0.5)
    assert matches and matches[0].entity_id == "un-sc-KPi.075"
    assert all(m.entity_id != "un-sc-KPi.099" for m in matches)


def test_a_han_name_longer_than_a_korean_name_is_read_as_chinese_only() -> None:
    systems = {f.system for f in analyze_name("素琴 月英 陳", "person").forms}
    assert systems == {"pinyin", "wade-giles"}


def test_dprk_names_as_chinese_sources_write_them() -> None:
    # Chinese-language sources write DPRK officials' names in simplified characters
    assert korean_reading("朴凤柱") == "박봉주"  # Pak Pong Ju
    assert korean_reading("李洙墉") == "리수용"  # Ri Su Yong
    assert korean_reading("赵甬元") == "조용원"  # Jo Yong Won
