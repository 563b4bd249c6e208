"""Foreign names written in katakana, read without the vowels Japanese adds to final consonants.

Japanese writes a foreign syllable-final consonant as a whole mora: 김 is キム (kimu), 박 is パク
(paku), 철 is チョル (choru), Barack is バラク (baraku), Robert is ロバート (robato). Japanese sources
(the Ministry of Foreign Affairs' own DPRK designations, press, shipping papers) write Korean and
Western names this way, and the romaji ICU gives ("Kimu Yonchoru") then sits two or three edits from
every Latin spelling. ``consonant_final`` drops those added vowels: "kimu yonchoru" -> "kim yonchol",
"baraku" -> "barak". It is an extra reading beside ICU's (``names.transliterate``), never a
replacement: a Japanese name's own vowels look the same (スズキ suzuki would lose one), and scoring
keeps the better reading.

The rule: a ``u`` after k, m, p, s, b, g, f or z, and an ``o`` after t or d, that follows a vowel (or a
vowel and n) and ends the word or comes before another consonant, is the added vowel; a final ``ru``
so placed is an l (Korean ㄹ, English l: チョル chol, ミカエル mikael).
"""

from __future__ import annotations

import re

_ADDED_U = re.compile(r"(?<=[aeiou])(n?)([kmpsbgfz])u(?=[^aeiouy']|$)")
_ADDED_O = re.compile(r"(?<=[aeiou])(n?)([td])o(?=[^aeiouy']|$)")
_FINAL_RU = re.compile(r"(?<=[aeiou])(n?)ru(?=[^aeiouy']|$)")


def consonant_final(romaji: str) -> str:
    """``romaji`` (ICU's reading of a katakana name) with the vowels Japanese adds after final
    consonants dropped, word by word."""
    words = []
    for word in romaji.split():
        word = _FINAL_RU.sub(r"\1l", word)
        word = _ADDED_U.sub(r"\1\2", word)
        words.append(_ADDED_O.sub(r"\1\2", word))
    return " ".join(words)
