"""Name analysis: a pipeline of small named steps from a raw name to comparable token forms.

``analyze_name(text, kind)`` runs, in order: ``clean`` (Unicode NFKC, control and format characters
to spaces), ``strip_titles`` (Mr., Dr., H.E. for people, via rigour, and the honorifics rigour misses,
Shaikh, Haji, Mullah, at the start of each comma-separated part), ``transliterate`` (one or more
Latin *forms*: Hangul to Revised Romanization and McCune-Reischauer, Han to pinyin and Wade-Giles
and, for a Korean name in Hanja (``hanja``), its Korean reading in both Hangul romanizations;
a Korean name in Cyrillic also gets its McCune-Reischauer reading (``kontsevich``); every other
script through ICU's Any-Latin via normality), ``split_glued_legal_forms`` (SiemensAG -> Siemens AG,
organisations), ``fold_roman_numerals`` (Trust II -> Trust 2, organisations and vessels),
``normalise_legal_forms`` (rigour's org types plus ``ORG_CLASS_WORDS``, so "Corporation" and "Corp."
are one token that scoring weighs low; skipped for a name written wholly in Korean syllables,
``syllables``), ``tokenize`` (lower-case ASCII words; digits kept, apostrophes dropped, hyphens
split). Then, for organisations and vessels, ``fold_number_words`` (Brigade Forty-Four -> brigade 44),
``join_initialisms`` (A.B.C. -> abc), ``fold_numbers`` (ordinals and Roman numerals to digits) and
``fold_org_words`` (abbreviations such as Dept. to their words, class words to one spelling); for
people, ``fold_digit_letters`` (Ig0r -> igor) and
``theophoric_words`` (Abd al-Aziz, Abdul Aziz, Abdelaziz -> abdul aziz).

A form remembers how it was made (``system``) because comparison depends on it: two names written in
the same non-Latin script are compared in one romanization system and strictly (김종은 and 김정은
differ in one vowel and must stay different), while a Latin name against a romanized one is compared
with the romanization variant tables (Ri/Lee, Jong/Chong). Forms made from abjad scripts (Arabic,
Hebrew, Syriac) carry no short vowels and are compared on consonants.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from normality import ascii_text
from pypinyin import Style, lazy_pinyin
from rigour.names import remove_person_prefixes, replace_org_types_compare

from chokepoint.screening.arabic import join_theophoric, strip_part_honorifics
from chokepoint.screening.hangul import (
    VOWEL_SYLLABLE_SPELLINGS,
    is_hangul_syllable,
    romanize,
    split_korean_name,
)
from chokepoint.screening.hanja import korean_reading
from chokepoint.screening.katakana import consonant_final
from chokepoint.screening.kontsevich import readings as kontsevich_readings
from chokepoint.screening.korean_orgs import english_readings
from chokepoint.screening.numberwords import fold_number_words
from chokepoint.screening.syllables import syllabic

NameKind = Literal["person", "org", "other"]
System = Literal["latin", "rr", "mr", "pinyin", "wade-giles", "abjad", "icu", "native"]

ORG_CLASS_WORDS: dict[str, str] = {
    "corporation": "corp",
    "corp": "corp",
    "incorporated": "inc",
    "inc": "inc",
    "company": "co",
    "co": "co",
    "comp": "co",
    "cie": "co",
    "companies": "co",
    "limited": "ltd",
    "ltd": "ltd",
    "llc": "llc",
    "jsc": "jsc",
    "ag": "jsc",
    "plc": "jsc",
    "sa": "jsc",
    "coltd": "ltd",
    "gmbh": "llc",
    "ooo": "llc",
    "oao": "jsc",
    "zao": "jsc",
    "pjsc": "jsc",
    "ojsc": "jsc",
    "group": "group",
    "grp": "group",
    "holding": "holding",
    "holdings": "holding",
    "trading": "trading",
    "trade": "trading",
    "international": "intl",
    "intl": "intl",
    "general": "general",
    "enterprise": "enterprise",
    "enterprises": "enterprise",
    "ent": "enterprise",
    "the": "the",
    "and": "and",
    "of": "of",
}
"""Words that say what kind of organisation a name is, folded to one spelling each. They stay in the
name (a "Trading Company" is not a "Bank") but weigh little: alone they are not evidence of identity."""

ORG_ABBREVIATIONS: dict[str, str] = {
    "dept": "department",
    "assn": "association",
    "assoc": "association",
    "mfg": "manufacturing",
    "mgmt": "management",
    "natl": "national",
    "univ": "university",
    "inst": "institute",
    "bros": "brothers",
    "svc": "service",
    "svcs": "services",
    "devt": "development",
    "dvpt": "development",
    "govt": "government",
    "admin": "administration",
    "ctr": "center",
    "centre": "center",
    "coop": "cooperative",
    "mktg": "marketing",
    "engg": "engineering",
    "shpg": "shipping",
    "equip": "equipment",
    "chem": "chemical",
    "pharm": "pharmaceutical",
    "hldg": "holding",
    "hldgs": "holding",
}
"""Abbreviations written in organisation names (trade records, payment fields, registries), each to its
word: "Munitions Industry Dept." is "Munitions Industry Department" (and the British "centre" is
"center"). "Banking" is not folded to "bank": Sumitomo Mitsui Banking Corporation and Sumitomo
Mitsui Trust Bank are two banks. Unlike ``ORG_CLASS_WORDS`` they weigh in full, except where the word
is a class word itself (holding). Only abbreviations with one reading in an organisation name are
listed (not "ind", "sci", "eng", "dev")."""

PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "del", "der", "van", "von", "la", "le"})
"""Connecting words of personal names; kept, weighed low."""

_ABJAD_SCRIPTS = frozenset({"ARABIC", "HEBREW", "SYRIAC", "THAANA"})
_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_APOSTROPHE_RE = re.compile(r"['’ʼ`ʻʿʾʹʺ]")


@dataclass(frozen=True)
class NameForm:
    """One Latin rendering of a name: lower-case ASCII tokens and the system that produced it."""

    tokens: tuple[str, ...]
    system: System


@dataclass(frozen=True)
class AnalyzedName:
    """A name ready to compare: the original text, its kind, its script and its Latin forms."""

    original: str
    kind: NameKind
    script: str
    forms: tuple[NameForm, ...]
    native: NameForm | None = None
    """The name in its own script (Hangul and Han split into syllables), for same-script comparison."""

    @property
    def tokens(self) -> tuple[str, ...]:
        """The tokens of the primary form."""
        return self.forms[0].tokens if self.forms else ()


_ASCII_CONTROLS = {code: " " for code in (*range(0x20), 0x7F)}
"""The ASCII characters of Unicode categories C and Z other than the space itself (all are controls)."""


def clean(text: str) -> str:
    """NFKC-normalised text: zero-width joiners dropped, other control, format and separators to spaces."""
    if text.isascii():
        # NFKC leaves ASCII as it is, and its only C and Z characters are the controls and the space
        return text.translate(_ASCII_CONTROLS).strip()
    text = unicodedata.normalize("NFKC", text).replace("\u200c", "").replace("\u200d", "")
    return "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text).strip()


def strip_titles(text: str, kind: NameKind) -> str:
    """Drop honorifics and titles (Mr., Mrs., Dr., Sheikh ...) from personal names."""
    if kind != "person":
        return text
    stripped = strip_part_honorifics(remove_person_prefixes(text))
    return stripped if stripped.strip() else text


def script_of(text: str) -> str:
    """The dominant non-Latin script of ``text`` (Unicode name prefix: HANGUL, CJK, ARABIC ...) or LATIN."""
    if text.isascii():
        return "LATIN"  # ASCII letters are Latin, and Latin is what the count leaves out
    counts: dict[str, int] = {}
    for char in text:
        if not char.isalpha() or char.isascii():
            continue
        script = "HANGUL" if is_hangul_syllable(char) else unicodedata.name(char, "UNKNOWN").split(" ")[0]
        counts[script] = counts.get(script, 0) + 1
    counts.pop("LATIN", None)
    return max(counts, key=lambda s: counts[s]) if counts else "LATIN"


def _hangul_forms(text: str, kind: NameKind) -> list[tuple[System, str]]:
    forms: list[tuple[System, str]] = []
    for system in ("rr", "mr"):
        words: list[str] = []
        for word in text.split():
            if kind == "person" and len(word) in (2, 3, 4) and all(is_hangul_syllable(c) for c in word):
                surname, given = split_korean_name(word)
                words.append("".join(romanize(surname, system)))
                words.extend(romanize(given, system))
            else:
                words.extend(romanize(word, system))
        forms.append((system, " ".join(VOWEL_SYLLABLE_SPELLINGS.get(w, w) for w in words)))
    return forms


def _korean_name_length(text: str) -> bool:
    """A Korean personal name has two to four syllables (surname of one or two, given name of one or
    two; National Institute of Korean Language): longer Han names are not read as Korean."""
    return 2 <= len("".join(text.split())) <= 4


def transliterate(text: str, kind: NameKind) -> list[tuple[System, str]]:
    """Latin renderings of ``text``: itself if Latin, else one per romanization system of its script."""
    script = script_of(text)
    if script == "LATIN":
        return [("latin", text)]
    if script == "HANGUL":
        # an organisation's name in Hangul also in the lists' English (조선련봉총회사: Korea Ryonbong
        # General Corporation)
        korean = _hangul_forms(text, kind)
        return korean if kind == "person" else [*korean, *english_readings(text)]
    if script == "CJK":
        forms: list[tuple[System, str]] = [
            ("pinyin", " ".join(lazy_pinyin(text))),
            ("wade-giles", " ".join(lazy_pinyin(text, style=Style.WADEGILES))),
        ]
        reading = korean_reading(text) if kind == "person" and _korean_name_length(text) else None
        return forms + _hangul_forms(reading, kind) if reading else forms
    if script == "CYRILLIC":
        # a Korean name in Russian's own system (Ким Чен Ын) also gets its Korean reading
        return [("icu", text), *(("mr", reading) for reading in kontsevich_readings(text))]
    if script == "KATAKANA":
        # キム・ヨンチョル: ICU's "kimu yonchoru", and without the vowels Japanese adds, "kim yonchol"
        return [("icu", text), ("icu", consonant_final(" ".join(tokenize(text))))]
    return [("abjad" if script in _ABJAD_SCRIPTS else "icu", text)]


_GLUED_FORM_RE = re.compile(r"\b([^\W\d_]{5,}?)(ag|gmbh|llc|ltd|inc|plc|corp)\b", re.IGNORECASE)


def split_glued_legal_forms(text: str) -> str:
    """A legal form written onto the name is its own word: 'SiemensAG' -> 'Siemens AG'."""
    return _GLUED_FORM_RE.sub(r"\1 \2", text)


def normalise_legal_forms(text: str) -> str:
    """Legal forms to one compare form each (rigour's generic org types): 'Aktiengesellschaft' -> 'jsc'."""
    return replace_org_types_compare(text.lower(), generic=True)


def tokenize(text: str) -> tuple[str, ...]:
    """Lower-case ASCII tokens: apostrophes dropped (Ky'ong -> kyong), other punctuation splits."""
    folded = _APOSTROPHE_RE.sub("", ascii_text(_APOSTROPHE_RE.sub("", text)) or "")  # ICU writes ь as '

    return tuple(t for t in _SPLIT_RE.split(folded.lower()) if t)


def _is_separator(char: str) -> bool:
    """Punctuation, symbols, separators and controls split words; combining marks do not (the vowel
    signs of Devanagari, Thai or Khmer, Arabic harakat are part of their word)."""
    return unicodedata.category(char)[0] in "PSZC"


def native_tokens(text: str) -> tuple[str, ...]:
    """Lower-case words in their own script; Hangul and Han names split into their syllables."""
    words = "".join(" " if _is_separator(c) else c for c in text.lower()).split()
    if script_of(text) in ("HANGUL", "CJK"):
        return tuple(char for word in words for char in word)
    return tuple(words)


ROMAN_NUMERALS: dict[str, str] = {
    "ii": "2",
    "iii": "3",
    "iv": "4",
    "vii": "7",
    "viii": "8",
    "xii": "12",
    "xiii": "13",
    "xiv": "14",
    "xv": "15",
    "xvi": "16",
    "xx": "20",
}
"""Roman numerals, as digits, in organisation and vessel names (not "vi", "xi": Vietnamese, Chinese names)."""
ORDINALS_RE = re.compile(r"^(\d+)(st|nd|rd|th)$")
_ROMAN_WORD_RE = re.compile(r"(?<=\s)(X{0,3})(IX|IV|V?I{0,3})(?=[\s,;)]|$)", re.IGNORECASE)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def _roman_value(numeral: str) -> int:
    total = 0
    for char, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def fold_roman_numerals(text: str) -> str:
    """Roman numerals (I to XXXIX) after the first word of an organisation or vessel name, as digits:
    'Citigroup Capital Trust II' -> 'Citigroup Capital Trust 2', 'Partners V L.P.' -> 'Partners 5 L.P.'.

    Runs on the text, before legal forms are read (rigour reads a lone "II" as a legal form) and before
    initials are joined ("V L.P." would become one initialism). A letter followed by a full stop is
    an initial, not a numeral ("A.V. Company" is unchanged). Unlike the token table ``ROMAN_NUMERALS``,
    "VI" and "XI" are read as numbers here: in an organisation or vessel name after its first word
    they are series marks far more often than Vietnamese or pinyin syllables, and both sides of a
    comparison are folded alike."""

    def digits(match: re.Match[str]) -> str:
        numeral = match.group(0)
        return str(_roman_value(numeral.lower())) if numeral else numeral

    return _ROMAN_WORD_RE.sub(digits, text)


NUMBER_MARKS = frozenset({"no", "nr", "nro", "num", "number"})
"""Words that only announce the number after them ("RYE SONG GANG No. 1", "Yard Nr 455")."""


def fold_numbers(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Roman numerals and ordinals to digits ('Trust II' -> 'trust 2', '1st' -> '1'); a number mark
    before a number is dropped ('Yu Jong No. 2' -> 'yu jong 2')."""
    out = []
    for k, token in enumerate(tokens):
        ordinal = ORDINALS_RE.match(token)
        value = ordinal.group(1) if ordinal else ROMAN_NUMERALS.get(token, token)
        following = tokens[k + 1] if k + 1 < len(tokens) else ""
        if k > 0 and value in NUMBER_MARKS and following.isdigit():
            continue
        out.append(value)
    return tuple(out)


def join_initialisms(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Runs of single letters of an organisation name are one acronym: 'A.B.C. Company' -> 'abc co'."""
    out: list[str] = []
    run: list[str] = []
    for token in (*tokens, ""):
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if run:
            out.append("".join(run))
            run = []
        if token:
            out.append(token)
    return tuple(out)


_LEET = str.maketrans("013457", "oieast")


def fold_digit_letters(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Digits inside a personal name word are look-alike letters (Ig0r Sech1n -> igor sechin)."""
    return tuple(t.translate(_LEET) if not t.isdigit() and any(c.isdigit() for c in t) else t for t in tokens)


def theophoric_words(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Every spelling of an "Abd al-X" name as the two words "abdul X": 'Abd al-Aziz', 'Abdelaziz',
    'Abdul-Aziz' -> ('abdul', 'aziz').

    ``arabic.join_theophoric`` finds the compounds; they are written here as two words, not one, so a
    name with an extra "Abdul" before another name (Mohammad Abdul Abbas / Mohammad Abbas) keeps its
    other words comparable, and the aligner still joins "abdul aziz" when the other side writes it
    as one word."""
    out: list[str] = []
    for token in join_theophoric(tokens):
        if token.startswith("abdul") and token not in ("abdul", "abdullah"):
            out.extend(("abdul", token[len("abdul") :]))
        else:
            out.append(token)
    return tuple(out)


def fold_org_words(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Abbreviations to their words (``ORG_ABBREVIATIONS``), then organisation-class words to their one
    spelling (``ORG_CLASS_WORDS``)."""
    words = (ORG_ABBREVIATIONS.get(t, t) for t in tokens)
    return tuple(ORG_CLASS_WORDS.get(t, t) for t in words)


@lru_cache(maxsize=100_000)
def analyze_name(text: str, kind: NameKind = "other") -> AnalyzedName:
    """Run the whole pipeline on one name; an empty result has no forms."""
    cleaned = strip_titles(clean(text), kind)
    forms: list[NameForm] = []
    for system, latin in transliterate(cleaned, kind):
        if kind == "org":
            latin = split_glued_legal_forms(latin)
        if kind != "person":
            latin = fold_roman_numerals(latin)
        tokens = tokenize(latin)
        if kind != "person" and not syllabic(tokens):
            # rigour reads syllables as legal forms (yu -> llc, ku -> soe, sa -> jsc, in -> llc): a name
            # written wholly in syllables ("YU JONG 2", "KU BONG RYONG") has none
            latin = normalise_legal_forms(latin)
            tokens = tokenize(latin)
        if kind == "person":
            tokens = theophoric_words(fold_digit_letters(tokens))
        else:
            tokens = fold_org_words(fold_numbers(join_initialisms(fold_number_words(tokens))))
        if not tokens and system != "latin":
            tokens, system = native_tokens(latin), "native"
        if tokens and all(f.tokens != tokens for f in forms):
            forms.append(NameForm(tokens, system))
    script = script_of(cleaned)
    native = NameForm(native_tokens(cleaned), "native") if script != "LATIN" and forms else None
    return AnalyzedName(text, kind, script, tuple(forms), native)


LOW_WEIGHT_WORDS = frozenset(ORG_CLASS_WORDS.values()) | PARTICLES
"""Organisation-class words and name particles: kept in a name but weighed little in scoring (public so
the hot loops of ``align`` test membership without a function call per token)."""


SYLLABIC_LOW_WEIGHT_WORDS = LOW_WEIGHT_WORDS - PARTICLES
"""The low-weight words of a name written wholly in Korean or Chinese syllables (no particles)."""


def low_weight_words(*names: tuple[str, ...]) -> frozenset[str]:
    """The low-weight words for comparing ``names``: ``LOW_WEIGHT_WORDS``, except that when one of them
    is written wholly in syllables ("KIM SU BIN", "LI DA WEI"), "bin", "da", "de" and "la" are the
    given-name syllables 빈, 다, 데, 라 and weigh in full (``syllables.syllabic``)."""
    if all(PARTICLES.isdisjoint(name) for name in names) or not any(syllabic(name) for name in names):
        return LOW_WEIGHT_WORDS
    return SYLLABIC_LOW_WEIGHT_WORDS


def is_low_weight(token: str) -> bool:
    """Whether a token is an organisation-class word or a name particle (weighs little in scoring)."""
    return token in LOW_WEIGHT_WORDS
