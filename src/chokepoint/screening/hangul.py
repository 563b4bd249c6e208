"""Hangul romanization: Revised Romanization (South Korea, 2000) and McCune-Reischauer (DPRK usage).

A precomposed syllable is ``0xAC00 + (initial * 21 + medial) * 28 + final`` (Unicode 15, section
3.12, "Conjoining Jamo Behavior"); the jamo tables below are the romanization of each position.
Names are romanized syllable by syllable, as passports and sanctions lists write them (no sound
assimilation across syllables): 김정은 -> RR "Gim Jeong Eun", MR "Kim Chŏng Ŭn" (ASCII "Kim Chong Un").

Sources: National Institute of Korean Language, "Romanization of Korean" (2000), tables 1-2;
McCune & Reischauer, "The Romanization of the Korean Language" (1939), as used by the DPRK's own
1992 system for names (initial ㄹ kept as R, aspirates marked with an apostrophe).
"""

from __future__ import annotations

from typing import Literal

System = Literal["rr", "mr"]

_BASE = 0xAC00
_LAST = 0xD7A3
_MEDIALS = 21
_FINALS = 28


def table_row(text: str) -> tuple[str, ...]:
    """A table row written as space-separated spellings, ``-`` for 'nothing written'."""
    return tuple("" if cell == "-" else cell for cell in text.split())


# Initial consonants ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
INITIALS: dict[System, tuple[str, ...]] = {
    "rr": table_row("g kk n d tt r m b pp s ss - j jj ch k t p h"),
    "mr": table_row("k kk n t tt r m p pp s ss - ch tch ch' k' t' p' h"),
}
# Medial vowels ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
MEDIALS: dict[System, tuple[str, ...]] = {
    "rr": table_row("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i"),
    "mr": table_row("a ae ya yae ŏ e yŏ ye o wa wae oe yo u wŏ we wi yu ŭ ŭi i"),
}
# Final consonants (none) ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
FINALS: dict[System, tuple[str, ...]] = {
    "rr": table_row("- k k k n n n t l k m l l l p l m p p t t ng t t k t p t"),
    "mr": table_row("- k k k n n n t l k m l l l p l m p p t t ng t t k t p t"),
}

VOWEL_SYLLABLE_SPELLINGS = {"i": "yi", "o": "oh", "u": "woo"}
"""이, 오, 우 as names write them: a one-letter word is an initial (I. / Il), a syllable is not."""

TWO_SYLLABLE_SURNAMES = frozenset({"남궁", "선우", "제갈", "황보", "독고", "사공", "서문", "동방", "을지"})
"""Korean compound surnames (the rest are one syllable): the name splits after them, not after one."""


def is_hangul_syllable(char: str) -> bool:
    """Whether ``char`` is a precomposed Hangul syllable (U+AC00-U+D7A3)."""
    return _BASE <= ord(char) <= _LAST


def decompose(char: str) -> tuple[int, int, int]:
    """(initial, medial, final) jamo indexes of one precomposed syllable."""
    offset = ord(char) - _BASE
    return offset // (_MEDIALS * _FINALS), (offset // _FINALS) % _MEDIALS, offset % _FINALS


def romanize_syllable(char: str, system: System) -> str:
    """One syllable in ``system``; non-syllables are returned unchanged.

    MR voices ㄱ ㄷ ㅂ ㅈ between voiced sounds (g d b j); for names we keep the word-initial,
    voiceless value for every syllable, which is how DPRK passports and the UN list write given names
    ("Kim Jong Un" aside, "Ri Chol", "Pak Pong Ju"). The voiced spellings are matched as variants.
    """
    if not is_hangul_syllable(char):
        return char
    initial, medial, final = decompose(char)
    return INITIALS[system][initial] + MEDIALS[system][medial] + FINALS[system][final]


_IOTIZED = frozenset({2, 3, 6, 7, 12, 17, 20})
"""Vowels ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ (medial indexes): before them the South drops a word-initial ㄹ or ㄴ."""
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11


def south_korean_spelling(char: str) -> str:
    """``char`` as the South writes it at the start of a word (Korean orthography, articles 10-12, the
    initial-sound rule): ㄹ becomes ㅇ before ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ and ㄴ before the other vowels, ㄴ becomes ㅇ
    before ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ. The DPRK keeps both: its 리 / 류 / 림 / 로 / 량 are the South's 이 / 유 / 임 /
    노 / 양, the Hangul counterpart of Ri / Lee. Other characters are returned unchanged."""
    if not is_hangul_syllable(char):
        return char
    initial, medial, final = decompose(char)
    if initial == _RIEUL:
        initial = _IEUNG if medial in _IOTIZED else _NIEUN
    elif initial == _NIEUN and medial in _IOTIZED:
        initial = _IEUNG
    else:
        return char
    return chr(_BASE + (initial * _MEDIALS + medial) * _FINALS + final)


def split_korean_name(name: str) -> tuple[str, str]:
    """(surname, given name) of a Hangul personal name written surname first without a space."""
    if len(name) >= 3 and name[:2] in TWO_SYLLABLE_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def romanize(word: str, system: System) -> list[str]:
    """The syllables of a Hangul word, each romanized in ``system`` (non-Hangul characters kept)."""
    return [romanize_syllable(char, system) for char in word if not char.isspace()]
