"""Wade-Giles and Hanyu Pinyin: when a romanized Chinese name token in one system reads as one in the other.

The same Chinese person is listed as "Mao Tse-tung" in older records, Taiwanese and Hong Kong
documents and as "Mao Zedong" in PRC-era records; "Hsi Chin-p'ing" is "Xi Jinping", "Chiang Chieh-shih"
is "Jiang Jieshi". The two systems spell the same Mandarin syllables differently: Wade-Giles writes the
unaspirated stops p, t, k, ch, ts where pinyin writes b, d, g, zh/j, z, and marks the aspirated ones
with an apostrophe (p', t', k', ch', ts') where pinyin writes p, t, k, ch/q, c. Screening tokens have
lost the apostrophes (and the umlaut of u), so one ASCII Wade-Giles token stands for several pinyin
syllables: "chin" is jin (chin) or qin (ch'in), "chu" is zhu, chu, ju or qu.

The syllable table is generated from pypinyin, not typed in: every reading pypinyin's character
dictionary knows is converted to plain pinyin and to pypinyin's Wade-Giles style, and the Wade-Giles
spelling is folded to screening's ASCII form (apostrophes dropped, ü written u). On top of that:

* errata: pypinyin 0.55 writes the final -ai as -ei when it is not in its main table (ai, hai, lai,
  mai, nai, sai, shai, wai: "Lai" would read as "lei"), tie as "t'oeh", and huo/shuo as ho/sho
  although Wade-Giles keeps -uo after k, k', h and sh (kuo, huo, shuo: "Shuo-wen chieh-tzu");
  ``_ERRATA`` gives the Wade-Giles spelling for these;
* variants: si is written ssu and, in older records, szu (``_VARIANTS``);
* syllables outside the standard syllable inventory of Putonghua are left out (``_NON_NAME_SYLLABLES``):
  the interjections without a vowel (m, n, ng, hm, hng, ê) and a few dialect or single-character
  syllables (biang, fiao, ...). They never occur in names, and single consonants such as "n" would let
  almost any word segment into "syllables";
* pinyin ü: pypinyin writes lü, nü, lüe, nüe as lv, nv, lve, nve. Records write them "lu"/"nu"
  (umlaut dropped, the most common form), "lyu"/"nyu" (PRC passports since GB/T 28039-2011) or
  "lv"/"nv" (Chinese IT systems), so a reading carries all three spellings. After j, q, x, y pinyin
  already writes ü as u (ju, xu, yu), which is what pypinyin gives.

Building the table reads pypinyin's dictionary once (about 0.2 s, mostly importing it); it is built on
first use, so importing this module costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from itertools import product
from types import MappingProxyType

MAX_SYLLABLES = 4
"""A token is read as at most this many syllables: a joined given name (two) plus a surname, or a
joined four-character name. Longer tokens are not Chinese names written as one word."""

MAX_READINGS = 256
"""Bound on the pinyin spellings of one token. Each ASCII Wade-Giles syllable has at most four pinyin
readings (chu: zhu, chu, ju, qu), so four syllables give at most 4**4 = 256 per segmentation; a token
whose readings exceed the bound (only strings made of the most ambiguous syllables, several ways
segmented) is too ambiguous to be evidence of a Chinese name and gets no reading at all, rather than
an arbitrary subset."""

_ERRATA: dict[str, str] = {
    "ai": "ai",
    "hai": "hai",
    "lai": "lai",
    "mai": "mai",
    "nai": "nai",
    "sai": "sai",
    "shai": "shai",
    "wai": "wai",
    "tie": "t'ieh",
    "huo": "huo",
    "shuo": "shuo",
}

_VARIANTS: dict[str, tuple[str, ...]] = {
    "si": ("szu",),
}

_NON_NAME_SYLLABLES = frozenset(
    {
        "m",
        "n",
        "ng",
        "hm",
        "hng",
        "ê",
        "biang",
        "bong",
        "cei",
        "dia",
        "din",
        "fiao",
        "kei",
        "len",
        "rua",
        "tei",
        "wong",
    }
)

_APOSTROPHES = {"'": None, "`": None, "’": None, "ʼ": None, "‘": None}
# Records drop the marks of ü and ê; Wade-Giles never uses the letter v, pypinyin writes its ü as v.
_TOKEN_FOLD = str.maketrans({"ü": "u", "ê": "e", **_APOSTROPHES})
_WADE_GILES_FOLD = str.maketrans({"v": "u", "ü": "u", "ê": "e", **_APOSTROPHES})
_TOKEN = re.compile(r"[a-z]+")
_VOWELS = frozenset("aeiou")


def _ascii_wade_giles(spelling: str) -> str:
    """Fold a Wade-Giles spelling to a screening token: lower case, no apostrophes, ü and ê without marks.

    pypinyin writes the Wade-Giles ü as "v"; Wade-Giles itself never uses the letter v, so v is ü.
    """
    return spelling.lower().translate(_WADE_GILES_FOLD)


def _pinyin_spellings(plain: str) -> frozenset[str]:
    """The ASCII spellings records use for one plain pinyin syllable (pypinyin's ``v`` is ü)."""
    if "v" not in plain:
        return frozenset({plain})
    return frozenset({plain, plain.replace("v", "u"), plain.replace("v", "yu")})


@cache
def _table() -> dict[str, frozenset[str]]:
    """ASCII Wade-Giles syllable -> the ASCII pinyin spellings it can stand for, built from pypinyin."""
    from pypinyin import Style
    from pypinyin.pinyin_dict import pinyin_dict
    from pypinyin.style import convert

    marked: set[str] = set()
    for readings in pinyin_dict.values():
        marked.update(readings.split(","))

    table: dict[str, set[str]] = {}
    for syllable in marked:
        plain = convert(syllable, Style.NORMAL, strict=True)
        if plain in _NON_NAME_SYLLABLES or not _TOKEN.fullmatch(plain):
            continue
        wade_giles = _ERRATA.get(plain) or convert(syllable, Style.WADEGILES, strict=True)
        spellings = _pinyin_spellings(plain)
        for written in (wade_giles, *_VARIANTS.get(plain, ())):
            folded = _ascii_wade_giles(written)
            if _TOKEN.fullmatch(folded):
                table.setdefault(folded, set()).update(spellings)
    return {written: frozenset(spellings) for written, spellings in table.items()}


@cache
def _longest_syllable() -> int:
    """Length of the longest ASCII Wade-Giles syllable (bounds the segmentation search)."""
    return max(len(written) for written in _table())


def wade_giles_syllables() -> Mapping[str, frozenset[str]]:
    """The generated table, read-only: ASCII Wade-Giles syllable -> ASCII pinyin spellings.

    >>> sorted(wade_giles_syllables()["chin"])
    ['jin', 'qin']
    """
    return MappingProxyType(_table())


def _segmentations(token: str) -> list[tuple[str, ...]]:
    """Every way of cutting ``token`` into 1..MAX_SYLLABLES Wade-Giles syllables.

    Only the first syllable may start with a vowel. Written as one word, "mao" is mao and not ma+o,
    "tsai" is tsai and not tsa+i: pinyin marks such a boundary with an apostrophe (Xi'an) and Wade-Giles
    with a hyphen, both of which screening tokens have lost, so reading across it would turn every
    -ai, -ao, -ou syllable into two (and "mao" into the pinyin "mae").
    """
    found: list[tuple[str, ...]] = []
    _walk(token, 0, (), _table(), _longest_syllable(), found)
    return found


def _walk(
    token: str,
    start: int,
    taken: tuple[str, ...],
    table: dict[str, frozenset[str]],
    longest: int,
    found: list[tuple[str, ...]],
) -> None:
    """Depth-first step of ``_segmentations``: every cut of ``token[start:]`` after the syllables ``taken``.

    A module function, not a closure: a recursive closure refers to itself through its cell, so each
    call of ``_segmentations`` would leave a reference cycle that only the cyclic collector frees (paused
    during screening batches, it then had thousands of them to trace)."""
    if start == len(token):
        found.append(taken)
        return
    if len(taken) == MAX_SYLLABLES:
        return
    for end in range(start + 1, min(len(token), start + longest) + 1):
        piece = token[start:end]
        if piece in table and (start == 0 or piece[0] not in _VOWELS):
            _walk(token, end, (*taken, piece), table, longest, found)


def _normalize(token: str) -> str | None:
    """A token in screening form (lower case, no apostrophes, ü as u), or None unless it is ASCII letters."""
    folded = token.lower().translate(_TOKEN_FOLD)
    return folded if _TOKEN.fullmatch(folded) else None


_NO_READINGS: frozenset[str] = frozenset()
"""The answer for most tokens, shared: a new empty set per token would be one more object for the
cyclic collector to trace in every cache entry."""


@lru_cache(maxsize=65_536)
def wade_giles_readings(token: str) -> frozenset[str]:
    """Every pinyin spelling of ``token`` read as Wade-Giles, or an empty set if it is not Wade-Giles.

    The token must cut into one to ``MAX_SYLLABLES`` Wade-Giles syllables as a whole ("chinping" is
    chin+ping); every cut and every reading of each syllable counts, so the result is a set of joined
    pinyin spellings ("chinping" -> jinping, qinping, jinbing, qinbing). A token with more than
    ``MAX_READINGS`` spellings gets none. Pinyin ü has its three ASCII spellings (see the module doc).
    Never raises: anything that is not ASCII letters (after lower-casing and dropping apostrophes) has
    no reading.

    >>> sorted(wade_giles_readings("tse"))
    ['ce', 'ze']
    >>> sorted(wade_giles_readings("hsi"))
    ['xi']
    >>> wade_giles_readings("smith")
    frozenset()
    """
    normalized = _normalize(token)
    if normalized is None or len(normalized) > MAX_SYLLABLES * _longest_syllable():
        return _NO_READINGS
    table = _table()
    cuts = _segmentations(normalized)
    total = 0
    for cut in cuts:
        count = 1
        for syllable in cut:
            count *= len(table[syllable])
        total += count
        if total > MAX_READINGS:
            return _NO_READINGS
    readings: set[str] = set()
    for cut in cuts:
        readings.update("".join(parts) for parts in product(*(sorted(table[s]) for s in cut)))
    return frozenset(readings) if readings else _NO_READINGS


@lru_cache(maxsize=262_144)
def _same_reading(first: str, second: str) -> bool:
    """``same_chinese_reading`` for an ordered pair (the cache is shared by both argument orders)."""
    if _normalize(first) == _normalize(second):
        return False
    first_readings = wade_giles_readings(first)
    second_readings = wade_giles_readings(second)
    return (
        second in first_readings or first in second_readings or not first_readings.isdisjoint(second_readings)
    )


def same_chinese_reading(a: str, b: str) -> bool:
    """Whether two different tokens can be the same Chinese name, one in Wade-Giles and one in pinyin.

    True when one token read as Wade-Giles gives the other as a pinyin spelling ("tsetung" and
    "zedong", "chiang" and "jiang", "hsi" and "xi"), in either order, or when both read as Wade-Giles
    share a pinyin spelling ("ssu" and "szu" are both si). Equal tokens give False: equality is the
    caller's (stronger) evidence, and this function answers only whether the table relates them.

    Every match comes through the generated syllable table, so both tokens must be made of Mandarin
    syllables: "kim" and "jin", "smith" and anything are False. What remains is the ambiguity of the
    systems themselves: many Wade-Giles syllables are also pinyin syllables of another sound ("chang" is
    WG for zhang, "tang" for dang, "pen" for ben), so a few unrelated Western words made of such
    syllables also relate ("tina"/"dina", "ken"/"gen"). Callers should weigh this below exact equality
    and, where they can, in the context of a name that reads as Chinese as a whole. Cached.
    """
    if a == b:
        return False
    return _same_reading(a, b) if a < b else _same_reading(b, a)
