"""Wade-Giles <-> pinyin readings of romanized Chinese name tokens, with the table generated from pypinyin."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style
from pypinyin.style import convert

from chokepoint.screening import wadegiles
from chokepoint.screening.wadegiles import (
    MAX_READINGS,
    same_chinese_reading,
    wade_giles_readings,
    wade_giles_syllables,
)


def test_xi_jinping_in_wade_giles() -> None:
    assert wade_giles_readings("hsi") == {"xi"}
    assert {"jinping", "qinping"} <= wade_giles_readings("chinping")
    assert same_chinese_reading("hsi", "xi")
    assert same_chinese_reading("chin", "jin")
    assert same_chinese_reading("chinping", "jinping")
    assert same_chinese_reading("hsichinping", "xijinping")


def test_mao_tse_tung_is_mao_zedong() -> None:
    assert wade_giles_readings("tse") == {"ze", "ce"}
    assert wade_giles_readings("tung") == {"dong", "tong"}
    assert same_chinese_reading("tse", "ze")
    assert same_chinese_reading("tung", "dong")
    assert same_chinese_reading("tsetung", "zedong")
    assert same_chinese_reading("zedong", "tsetung")
    assert wade_giles_readings("mao") == {"mao"}


def test_chiang_chieh_shih_is_jiang_jieshi() -> None:
    assert same_chinese_reading("chiang", "jiang")
    assert same_chinese_reading("chieh", "jie")
    assert same_chinese_reading("shih", "shi")
    assert same_chinese_reading("chiehshih", "jieshi")


def test_chiang_kai_shek_is_cantonese_and_only_the_surname_reads() -> None:
    # 蔣介石 is Jiang Jieshi in pinyin; "Kai-shek" renders the Cantonese reading, not Wade-Giles.
    # "kai" is a Wade-Giles syllable (gai/kai) but not jie; "shek" is no Mandarin syllable.
    assert wade_giles_readings("kai") == {"gai", "kai"}
    assert wade_giles_readings("shek") == frozenset()
    assert wade_giles_readings("kaishek") == frozenset()
    assert not same_chinese_reading("kai", "jie")
    assert not same_chinese_reading("kaishek", "jieshi")
    assert same_chinese_reading("chiang", "jiang")


def test_apostrophe_dropped_keeps_both_aspiration_readings() -> None:
    assert wade_giles_syllables()["chin"] == {"jin", "qin"}
    assert wade_giles_syllables()["chu"] == {"zhu", "chu", "ju", "qu"}
    assert same_chinese_reading("chin", "qin")
    assert same_chinese_reading("ch'in", "qin")


def test_umlaut_readings_have_their_ascii_spellings() -> None:
    assert wade_giles_readings("hsu") == {"xu"}
    assert wade_giles_readings("yu") == {"you", "yu"}
    assert {"lu", "lv", "lyu"} <= wade_giles_readings("lu")
    assert wade_giles_readings("hsueh") == {"xue"}
    assert same_chinese_reading("lu", "lyu")
    assert same_chinese_reading("nu", "nv")


def test_pypinyin_errata_are_corrected() -> None:
    # pypinyin 0.55 writes -ai as -ei outside its main table and huo as "ho"; Wade-Giles keeps them.
    assert wade_giles_readings("lai") == {"lai"}
    assert "lai" not in wade_giles_readings("lei")
    assert wade_giles_readings("huo") == {"huo"}
    assert "huo" not in wade_giles_readings("ho")
    assert wade_giles_readings("shuo") == {"shuo"}
    assert wade_giles_readings("tieh") == {"die", "tie"}


def test_variant_spellings_share_a_reading() -> None:
    assert wade_giles_readings("ssu") == {"si"}
    assert wade_giles_readings("szu") == {"si"}
    assert same_chinese_reading("ssu", "szu")
    assert wade_giles_readings("erh") == {"er"}
    assert wade_giles_readings("i") == {"yi"}


def test_vowel_syllables_do_not_split_a_written_syllable() -> None:
    assert wade_giles_readings("tsai") == {"zai", "cai"}
    assert wade_giles_readings("hsiaoping") == {"xiaoping", "xiaobing"}
    assert same_chinese_reading("tenghsiaoping", "dengxiaoping")


def test_syllable_shaped_in_both_systems() -> None:
    # "chang" is pinyin chang and Wade-Giles for zhang and chang.
    assert wade_giles_readings("chang") == {"zhang", "chang"}
    assert same_chinese_reading("chang", "zhang")
    assert not same_chinese_reading("chang", "chang")
    # pinyin chi is Wade-Giles ch'ih; Wade-Giles chi is pinyin ji or qi
    assert wade_giles_readings("chi") == {"ji", "qi"}
    assert same_chinese_reading("chih", "chi")


def test_non_chinese_tokens_have_no_reading() -> None:
    for token in ("smith", "kim", "park", "shek", "hassan", "ahmad", "mohammed", "", "song", "zedong"):
        assert wade_giles_readings(token) == frozenset(), token
    assert not same_chinese_reading("kim", "jin")
    assert not same_chinese_reading("smith", "smyth")
    assert not same_chinese_reading("ivan", "iwan")
    assert not same_chinese_reading("jin", "jin")


def test_readings_are_bounded() -> None:
    # chu has four readings: four of them give 4**4 spellings, the bound; five syllables are too many.
    assert len(wade_giles_readings("chuchuchuchu")) == MAX_READINGS
    assert wade_giles_readings("chuchuchuchuchu") == frozenset()
    assert wade_giles_readings("a" * 10_000) == frozenset()


def test_table_is_generated_from_pypinyin() -> None:
    table = wade_giles_syllables()
    assert len(table) > 250
    # every syllable pypinyin writes with an unmarked Wade-Giles spelling is in the table
    for plain in ("ba", "zhong", "xiang", "rong", "cong", "guo"):
        written = convert(plain, Style.WADEGILES, strict=True).replace("'", "")
        assert plain in table[written], plain
    assert "n" not in table and "m" not in table


def test_table_builds_well_under_a_second() -> None:
    wadegiles._table.cache_clear()
    wadegiles._longest_syllable.cache_clear()
    wade_giles_readings.cache_clear()
    started = time.perf_counter()
    wade_giles_syllables()
    assert time.perf_counter() - started < 1.0


@settings(max_examples=500)
@given(st.text())
def test_readings_never_raise_and_are_lower_ascii(token: str) -> None:
    for reading in wade_giles_readings(token):
        assert reading.isascii() and reading.isalpha() and reading == reading.lower()


@settings(max_examples=300)
@given(st.text(), st.text())
def test_same_reading_never_raises_and_is_symmetric(a: str, b: str) -> None:
    assert same_chinese_reading(a, b) == same_chinese_reading(b, a)


@settings(max_examples=300)
@given(st.text(alphabet="acehijklmnopstuwy", min_size=1, max_size=14))
def test_readings_of_syllable_strings_are_lower_ascii(token: str) -> None:
    readings = wade_giles_readings(token)
    assert len(readings) <= MAX_READINGS
    for reading in readings:
        assert reading.isascii() and reading.isalpha() and reading == reading.lower()
        assert same_chinese_reading(token, reading) == (token != reading)


def test_letter_v_in_a_token_is_not_read_as_umlaut() -> None:
    assert wade_giles_readings("ivan") == frozenset()
    assert wade_giles_readings("lv") == frozenset()
    assert wade_giles_readings("Lü") == wade_giles_readings("lu")
