"""Korean names in Cyrillic (screening.kontsevich) read back as McCune-Reischauer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tests.screening.conftest import pair_score

from chokepoint.screening.kontsevich import readings
from chokepoint.screening.names import analyze_name


def test_both_russian_spellings_of_a_korean_name() -> None:
    assert readings("Ким Чен Ын") == ("kim chen un", "kim chon un")  # Kontsevich е = ㅔ, older е = ㅓ
    assert readings("Чхве Рён Хэ") == ("ch'oe ryon hae",)
    assert readings("Пак Пон Чжу") == ("pak pon chu",)
    assert readings("Ли Дже-Сон") == ("ri che son", "ri cho son")
    assert readings("Ким Ен Нам")[1] == "kim yon nam"  # a word-initial е is ㅕ in the older spelling
    assert readings("Цой Рён Хэ") == ("choe ryon hae",)  # the Soviet Koreans' Цой for 최


def test_russian_names_and_single_words_have_no_korean_reading() -> None:
    for text in ("Иван Петров", "Ким", "Пхеньян", "Сергей Лавров", "Ким Иванович"):
        assert readings(text) == (), text


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя -", max_size=40))
def test_any_cyrillic_text_gives_at_most_two_syllable_by_syllable_readings(text: str) -> None:
    found = readings(text)
    assert len(found) <= 2
    for reading in found:
        assert reading.isascii()
        assert len(reading.split()) == len([w for w in text.replace("-", " ").split() if w])


def test_the_reading_is_a_form_of_the_name_beside_icu() -> None:
    systems = [form.system for form in analyze_name("Ким Чен Ын", "person").forms]
    assert systems == ["icu", "mr", "mr"]
    assert [form.system for form in analyze_name("Иван Петров", "person").forms] == ["icu"]


def test_a_korean_name_in_cyrillic_matches_its_latin_spellings_only() -> None:
    assert pair_score("Ким Чен Ын", "Kim Jong Un") >= 0.8
    assert pair_score("Ким Чен Ир", "KIM JONG IL") >= 0.8
    assert pair_score("Ким Чен Ын", "Kim Jong Il") < 0.5
    assert pair_score("Иван Петров", "Ivan Petrov") >= 0.9


def test_one_vowel_syllables_are_not_initials() -> None:
    assert readings("И Ён Хо") == ("yi yon ho",)
    assert readings("О Гык Рёль") == ("oh kuk ryol",)
