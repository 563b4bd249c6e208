"""Korean names written in Cyrillic, read back as McCune-Reischauer: Ким Чен Ын -> "kim chon un".

Russian writes Korean names in its own system (Kontsevich's, and the older Soviet practice it
replaced), not by transliterating a Latin spelling: ㅈ is чж or дж, aspirates take х (чх, кх, тх, пх),
ㅡ is ы, ㅐ is э, and a final ㅇ is written н like a final ㄴ. ICU's generic Cyrillic transliteration
therefore turns Ким Чен Ын into "Kim Chen Yn", which matches no Latin spelling of 김정은. Sanctions
work meets these names in Russian-language lists, registries, labour contracts and shipping papers.

A name is read this way only when every word (two or more) parses as one Korean syllable in these
tables, so Russian names keep their ICU form alone ("Иван Петров" has no such reading). Two readings
differ in one letter, because Russian has written ㅓ two ways: Kontsevich's о (Чон) and the older е
(Чен, Сен, Ен); ``readings`` returns the Kontsevich reading, where е is ㅔ, and the older one, where
е after a consonant is ㅓ. A final н is read as n; n / ng is then one edit, within the typo budget of
a syllable. Sources: A. Kontsevich's Cyrillization of Korean (the table used by Russian
orientalists since the 1950s) and its Wikipedia summary; MR as in ``hangul``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from chokepoint.screening.hangul import VOWEL_SYLLABLE_SPELLINGS

# Initial consonants, longest first (ㅊ ㅋ ㅌ ㅍ aspirates; ㅈ both ways; ㄲ ㄸ ㅃ ㅆ ㅉ tense).
_INITIALS: dict[str, str] = {
    "чх": "ch'",
    "кх": "k'",
    "тх": "t'",
    "пх": "p'",
    "чж": "ch",
    "дж": "ch",
    "кк": "kk",
    "тт": "tt",
    "пп": "pp",
    "сс": "ss",
    "чч": "tch",
    "к": "k",
    "г": "k",
    "н": "n",
    "т": "t",
    "д": "t",
    "р": "r",
    "л": "r",
    "м": "m",
    "п": "p",
    "б": "p",
    "с": "s",
    "ш": "s",
    "ч": "ch",
    "ц": "ch",  # the Soviet Koreans' spelling of ㅈ / ㅊ (Цой = 최)
    "х": "h",
}
# Vowels, longest first: (Kontsevich reading, older reading where it differs).
_VOWELS: dict[str, tuple[str, str]] = {
    "ый": ("ui", "ui"),
    "ой": ("oe", "oe"),  # ㅚ in the older spelling (Цой = Choe)
    "вэ": ("wae", "wae"),
    "ве": ("oe", "oe"),
    "ва": ("wa", "wa"),
    "во": ("wo", "wo"),
    "ви": ("wi", "wi"),
    "а": ("a", "a"),
    "э": ("ae", "ae"),
    "я": ("ya", "ya"),
    "е": ("e", "o"),
    "ё": ("yo", "yo"),
    "о": ("o", "o"),
    "у": ("u", "u"),
    "ю": ("yu", "yu"),
    "ы": ("u", "u"),
    "и": ("i", "i"),
}
# Final consonants: ㄱ ㄴ/ㅇ ㄹ ㅁ ㅂ ㅅ (ㅅ written т). "нъ" and "нг" mark ㅇ in some spellings.
_FINALS: dict[str, str] = {
    "нъ": "ng",
    "нг": "ng",
    "ль": "l",
    "к": "k",
    "н": "n",
    "л": "l",
    "р": "l",
    "м": "m",
    "п": "p",
    "т": "t",
}


def _alternation(keys: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(k) for k in keys), key=len, reverse=True))


_SYLLABLE_RE = re.compile(
    f"^({_alternation(_INITIALS)})?({_alternation(_VOWELS)})({_alternation(_FINALS)})?$"
)
_WORD_SPLIT_RE = re.compile(r"[\s\-‐‑–—]+")


def _syllable(word: str) -> tuple[str, str] | None:
    """A Cyrillic word as one Korean syllable: (Kontsevich reading, older reading), else None."""
    found = _SYLLABLE_RE.match(word)
    if found is None:
        return None
    initial, vowel, final = found.groups()
    latin_initial = _INITIALS[initial] if initial else ""
    kontsevich, older = _VOWELS[vowel]
    if not initial:
        # a word-initial е is ye (ㅖ) for Kontsevich and yo (ㅕ) in the older spelling (Ен = 영)
        kontsevich, older = ("ye", "yo") if vowel == "е" else (kontsevich, older)
    ending = _FINALS[final] if final else ""
    first, second = latin_initial + kontsevich + ending, latin_initial + older + ending
    # И, О, У are the syllables 이, 오, 우, written as names write them (not one-letter initials)
    return VOWEL_SYLLABLE_SPELLINGS.get(first, first), VOWEL_SYLLABLE_SPELLINGS.get(second, second)


@lru_cache(maxsize=10_000)
def readings(text: str) -> tuple[str, ...]:
    """The McCune-Reischauer readings of a Korean name written in Cyrillic (one or two), else ()."""
    words = [w for w in _WORD_SPLIT_RE.split(text.lower()) if w]
    if len(words) < 2:
        return ()
    syllables = [_syllable(word) for word in words]
    if any(s is None for s in syllables):
        return ()
    kontsevich = " ".join(s[0] for s in syllables if s is not None)
    older = " ".join(s[1] for s in syllables if s is not None)
    return (kontsevich,) if older == kontsevich else (kontsevich, older)
