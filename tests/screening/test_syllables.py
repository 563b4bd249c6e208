"""Names written wholly in Korean syllables (screening.syllables) and the particles they do not have."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from normality import ascii_text

from chokepoint.screening import hangul
from chokepoint.screening.align import align
from chokepoint.screening.names import LOW_WEIGHT_WORDS, low_weight_words
from chokepoint.screening.syllables import spells_syllable, syllabic


def test_romanized_syllables_in_every_system() -> None:
    for word in ("kim", "ri", "lee", "chol", "chul", "cheol", "young", "hyun", "bin", "da", "sub", "hee"):
        assert spells_syllable(word), word
    for word in ("korea", "osama", "laden", "juan", "cruz", "smith", "yomg", "", "12", "김", "x" * 20):
        assert not spells_syllable(word), word


@given(st.integers(min_value=0xAC00, max_value=0xD7A3))
def test_both_romanizations_of_every_syllable_spell_a_syllable(code: int) -> None:
    syllable = chr(code)
    assert spells_syllable(hangul.romanize_syllable(syllable, "rr"))
    assert spells_syllable((ascii_text(hangul.romanize_syllable(syllable, "mr")) or "").replace("'", ""))


def test_syllabic_names() -> None:
    assert syllabic(("kim", "su", "bin"))
    assert not syllabic(("osama", "bin", "laden"))
    assert not syllabic(("bin",))  # one word: nothing to tell
    assert syllabic(("rye", "song", "gang", "1"))


def test_particles_weigh_in_full_in_a_syllabic_name() -> None:
    assert "bin" not in low_weight_words(("kim", "su", "bin"), ("kim", "su", "yong"))
    assert "bin" in low_weight_words(("osama", "bin", "laden"), ("usama", "bin", "ladin"))
    assert low_weight_words(("kim", "su"), ("kim", "su", "il")) is LOW_WEIGHT_WORDS
    # an unanswered given-name syllable "bin" is a differing word, not a particle
    assert align(("kim", "su", "bin"), ("kim", "su", "il")).measures["weakest_token"] == 0.0
    assert align(("kim", "bin", "su"), ("su", "bin", "kim")).measures["patronymic_swap"] == 0.0
    son_and_father = align(("salman", "bin", "muhammad"), ("muhammad", "bin", "salman"))
    assert son_and_father.measures["patronymic_swap"] == 1.0
