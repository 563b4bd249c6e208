"""Spelling variants that are the same name: Korean surname romanizations and a romanization skeleton.

``SURNAME_VARIANTS`` is data: each row lists the spellings of one Korean surname (or syllable) that
DPRK, ROK, McCune-Reischauer, Revised Romanization and English-language press use for it. Sources:
the National Institute of Korean Language surname romanization survey (2009), the DPRK 1992
romanization, and the spellings the UN 1718 and OFAC DPRK lists use for the same people (e.g. Ri/Lee,
Jong/Chong/Jung, Pak/Park). A token maps to the first spelling of its row, so two spellings of a row
compare as equal when at least one side was romanized by a person (see ``names``).

``skeleton`` folds the letter choices romanization systems disagree on (voicing of stops, MR's
aspirate apostrophe and vowel breves, doubled letters, ``h`` after a consonant) so that "Che-son" and
"Je-son", "Mohammed" and "Mohamed" share a key; it is a blocking and phonetic key, not an identity.
"""

from __future__ import annotations

import re
from functools import lru_cache

SURNAME_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("ri", "rhee", "lee", "yi", "i", "li", "rhie", "yee"),
    ("jong", "chong", "jung", "jeong", "chung", "cheong"),
    ("kim", "gim"),
    ("pak", "park", "bak", "bahk"),
    ("choe", "choi", "chwe", "choy"),
    ("ryu", "yu", "yoo", "ryoo", "rhyu"),
    ("kang", "gang"),
    ("o", "oh"),
    ("jo", "cho"),
    ("jang", "chang"),
    ("yun", "yoon"),
    ("rim", "lim", "im", "yim"),
    ("ro", "roh", "no", "noh"),
    ("sin", "shin"),
    ("so", "seo", "suh"),
    ("kwon", "gwon"),
    ("paek", "baek", "baik", "paik"),
    ("hyon", "hyun", "hyeon"),
    ("ryang", "yang"),
    ("mun", "moon"),
    ("jon", "jeon", "chon", "chun", "jun"),
    ("ko", "go"),
    ("ku", "koo", "gu"),
    ("ju", "joo", "chu"),
    ("ahn", "an"),
    ("sim", "shim"),
    ("u", "woo"),
    ("pae", "bae"),
    ("son", "sohn"),
    ("ho", "heo", "hur"),
    ("kye", "gye"),
    ("tong", "dong"),
    ("cha", "ch'a"),
    ("chae", "ch'ae"),
    ("chon", "ch'on"),
    ("kil", "gil"),
    ("kuk", "guk"),
    ("pyon", "byeon", "byun"),
    ("song",),
)

_CANONICAL: dict[str, str] = {}
for _row in SURNAME_VARIANTS:
    for _spelling in _row:
        _CANONICAL.setdefault(_spelling, _row[0])

# (pattern, replacement) applied in order; each folds one disagreement between romanization systems.
# Each rule also names the letters its every match contains (empty: always run): a token holding
# none of them is left as it is, and skipping the regular expression then saves most of the cost
# of a skeleton (tokens hold a handful of letters, the rules are two dozen).
_SKELETON_RULES: tuple[tuple[str, str, str], ...] = (
    (r"['’ʼ`]", "", "'’ʼ`"),  # MR aspirate marks: ch'ol -> chol
    (r"ŏ", "o", "ŏ"),
    (r"ŭ", "u", "ŭ"),
    (r"eo", "o", "e"),  # RR eo = MR ŏ
    (r"eu", "u", "e"),  # RR eu = MR ŭ
    (r"oo", "u", "o"),
    (r"ee", "i", "e"),
    (r"ou", "u", "o"),
    (r"(?<=[aeiou])y(?=[aeiou])", "i", "y"),
    (r"(?<=.)(?:iy|yy|ij|yj)$", "i", "yj"),  # Slavic -ий endings: Zelenskyy, Zelenskiy, Zelenskij
    (r"(?<=.)y", "i", "y"),  # y as a vowel after the first letter: Volodymyr / Volodimir
    (r"(?<=.)ung$", "ong", "u"),  # Korean ㅓ+ㅇ written "ung" in press spellings: Byung / Pyong, Sung / Song
    (r"(?<=.)x", "ks", "x"),  # Cyrillic кс, Greek ξ written x or ks: Aleksandr / Alexander, Maksim / Maxim
    (r"tch|ch|j|zh|dj", "j", "hj"),
    (r"sh|sch", "s", "h"),
    (r"ph", "f", "h"),
    (r"kh|gh|q|c(?=[aou])|ck", "k", "hqc"),
    (r"(?<=[bdgkpt])h", "", "h"),  # aspiration written as h: th, kh, bh, dh
    (r"g", "k", "g"),
    (r"d", "t", "d"),
    (r"b", "p", "b"),
    (r"w(?=[aeiou])", "v", "w"),
    (r"(.)\1+", r"\1", ""),  # doubled letters
    (r"(?<=.)h$", "", "h"),  # final h: Allah/Alla, Shah
)
_COMPILED = tuple((re.compile(p), r, frozenset(letters)) for p, r, letters in _SKELETON_RULES)


def canonical_spelling(token: str) -> str:
    """The first spelling of the variant row ``token`` belongs to, else ``token`` itself."""
    return _CANONICAL.get(token, token)


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """A romanization-insensitive key of a lower-case Latin token (see the module docstring)."""
    key = canonical_spelling(token)
    for pattern, replacement, letters in _COMPILED:
        if not letters or not letters.isdisjoint(key):
            key = pattern.sub(replacement, key)
    return key


_VOWELS_RE = re.compile(r"[aeiouyvw]")


@lru_cache(maxsize=200_000)
def consonants(token: str) -> str:
    """The skeleton without vowels and glides: how abjad scripts (Arabic, Hebrew) write a name."""
    return _VOWELS_RE.sub("", skeleton(token)) or token
