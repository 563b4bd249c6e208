"""Whether a romanized word can spell one Korean syllable, and so whether a name is written wholly in
syllables ("KIM SU BIN", "Ri Je-son", "LI DA WEI").

In such a name every word is a syllable of a given name or a surname: "bin", "da", "de" and "la"
are the syllables 빈, 다, 데 and 라, not the particles of "Osama bin Laden" or "Juan de la Cruz",
and they weigh as much as any other word (``names.low_weight_words``).

``*_SPELLINGS`` list, for each jamo, the ways the romanization systems in use write it: Revised
Romanization, McCune-Reischauer with and without its marks (the DPRK's usage), and the
English-language press (ㅓ as "u": Chul, Sun, Hyun; ㅕ as "yu"; ㅢ as "ee"; ㅜ as "oo"). Initial ㄹ is
also written L, N or not at all, and initial ㄴ not at all (the South's initial-sound rule). A word
spells a syllable when one of the syllable's spellings has the word's romanization skeleton
(``variants.skeleton``), so voicing, aspiration marks and doubled letters never matter. Sources: as
``hangul`` (NIKL 2000 tables, McCune-Reischauer 1939) and the NIKL survey of surname spellings.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from chokepoint.screening.hangul import table_row
from chokepoint.screening.variants import skeleton

# Initial consonants ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ; "-": nothing written.
INITIAL_SPELLINGS: tuple[str, ...] = (
    "k g",
    "kk gg k g",
    "n -",
    "t d",
    "tt dd t d",
    "r l n -",
    "m",
    "p b",
    "pp bb p b",
    "s sh",
    "ss s sh",
    "-",
    "ch j",
    "tch jj ch j",
    "ch ch' chh",
    "k k' kh",
    "t t' th",
    "p p' ph",
    "h",
)
# Vowels ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
VOWEL_SPELLINGS: tuple[str, ...] = (
    "a",
    "ae ai",
    "ya",
    "yae",
    "eo o ŏ u",
    "e",
    "yeo yo yŏ yu",
    "ye",
    "o",
    "wa",
    "wae",
    "oe oi we",
    "yo",
    "u oo woo",
    "wo weo wŏ",
    "we",
    "wi wee",
    "yu yoo",
    "eu u ŭ",
    "ui eui ŭi ee i",
    "i ee",
)
# Final sounds (a syllable's final consonant is pronounced, and written, as one of these seven).
FINAL_SPELLINGS: tuple[str, ...] = ("-", "k g", "n", "t d", "l r", "m", "p b", "ng")


@lru_cache(maxsize=1)
def syllable_skeletons() -> frozenset[str]:
    """The skeleton of every spelling of every syllable (about 2,400 keys, built once in ~0.1 s)."""
    fold = skeleton.__wrapped__  # not through the cache: these spellings are not screened names
    spellings = {
        "".join(parts)
        for initial, vowel, final in product(INITIAL_SPELLINGS, VOWEL_SPELLINGS, FINAL_SPELLINGS)
        for parts in product(table_row(initial), table_row(vowel), table_row(final))
    }
    return frozenset(fold(text) for text in spellings)


@lru_cache(maxsize=100_000)
def spells_syllable(token: str) -> bool:
    """Whether ``token`` (lower-case Latin) can be one Korean syllable in some romanization."""
    if not token.isascii() or not token.isalpha() or len(token) > 7:
        return False
    return skeleton(token) in syllable_skeletons()


def syllabic(tokens: tuple[str, ...]) -> bool:
    """Whether a name of two words or more is written wholly in syllables (digits aside)."""
    words = [t for t in tokens if not t.isdigit()]
    return len(words) >= 2 and all(spells_syllable(t) for t in words)
