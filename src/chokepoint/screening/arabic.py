"""Arabic theophoric names and Muslim honorifics in romanized person names.

Two problems make one Arabic name look like several different names once it is romanized and
tokenized into lower-case ASCII words (apostrophes dropped, hyphens split):

**Theophoric "Abd" compounds.** "Abd al-X" (servant of X, X one of the names of God such as al-Aziz,
al-Rahman, al-Qadir) is a *single* name element. Sanctions lists and customer files write it as one
word or several, with the article as al / el / ul / il / ol, assimilated to a following "sun letter"
(Abd ar-Rahman, Abd us-Salam, Abd an-Nur: the l of the article takes the sound of t, th, d, dh, r, z,
s, sh, n) or dropped (Somali Abdikarim, Uzbek Abdujabbar, Persian Abdolreza):

    'Abd al-Aziz  -> abd al aziz       Abdul Aziz -> abdul aziz     Abdelaziz -> abdelaziz
    Abd-ur-Rahman -> abd ur rahman     Abdurrahman -> abdurrahman   Abderrahmane -> abderrahmane

``join_theophoric`` rewrites every such compound to one canonical token, ``"abdul"`` + X: the
connective "ul" is the most common English-language writing (OFAC, UN, South Asian usage) and the
article and its assimilation are not evidence of anything. X is kept as written (aziz, kader, qadir,
rahmane stay different spellings); a later fuzzy comparison of tokens handles them, and guessing a
"correct" X would hide real differences. The family-name particle ("al-Nuristani") is a different
matter and is left alone, as is a lone "abdul" / "abd" / "abdel" with no following word.

Forms of Abd Allah ("servant of God": Abdullah, Abdallah, Abdellah, Abdulla, Abdullahi, Abdillahi,
Abdulle, Abdulai, Tajik Abdullo, West African Abdoulaye) are already one word and a standalone given
name; they are kept exactly as written. Only the split forms "abd allah" / "abd ullah" / "abd al lah"
become ``abdullah``. "Abdoulaye" in particular is the ordinary West African spelling of Abdullah (the
final -aye is the Wolof / Pular rendering of -allah), not "Abdul" + "aye", so it is not rewritten.

Words that merely start with the letters abd and are names in their own right stay as they are:
Abdi (Somali), Abdo / Abdou / Abdu (Egyptian, West African), Abduh, Abdon (Biblical, Spanish), Abdiel,
Abdias; so do Slavicised patronymic surnames whose stem is too short to be a name of God (Abdiev,
Abdulov, Abdiyev). Longer ones such as Abdurakhmanov are rewritten (``abdulrakhmanov``) consistently,
whichever way the stem was spelled. The separate West African writing "Abdou Karim" / "Abdou Rahmane"
is not joined: "Abdou" is also a complete given name ("Abdou Diouf") and telling the two apart would
need a dictionary of the names of God.

**Honorifics.** rigour's ``remove_person_prefixes`` (rigour 2.6.1, used by ``names.strip_titles``)
removes Western titles at the very start of a name string: Mr, Mrs, Dr, Doctor, Prof, General,
Colonel, Capt., Brigadier, His Excellency... It removes none of the Islamic religious and
honorific titles that fill the UN and OFAC counter-terrorism lists (Sheikh / Shaikh / Shaykh, Haji /
Hajji / Alhaji / El Hadj, Mullah, Maulana, Maulvi / Mawlawi, Qari, Mufti, Ayatollah, Hojatoleslam,
Ustad, Hazrat), nor the abbreviated military ranks Gen., Col., Lt., Maj. or Eng.; and since it works
on the start of the whole string it stops at the first word it does not know ("Sheikh Dr. Ali" is
unchanged) and never looks past a comma ("AL BEN ALI, Shaikh Isa" is unchanged).
``strip_honorifics`` drops such leading tokens (and, so interleavings like "Haji Dr Ali" work,
rigour's own titles too), always keeping at least one token. ``strip_part_honorifics`` does the same
on a raw name string at the start of every comma-separated part; it exists because the comma is
gone once a name is tokenized.

Conservative by design: a title that is also a common given name or functions as a family name is
*not* stripped, because dropping a real name element loses evidence, while keeping a title costs at
most one unmatched token. Not stripped: Amir / Emir / Ameer (given names: Emir Kusturica, Amir
Khan), Imam (Indonesian and Bangladeshi given name: Imam Samudra), Sayyid / Sayed / Syed / Seyed (a
given name in the Arab world, Sayyid Qutb, and a hereditary family name in South Asia), Hafiz /
Hafez (Hafez al-Assad), Sheikha / Shaikha (a Gulf given name), Cheikh (a Senegalese given name,
Cheikh Anta Diop), Mirza, Mir, Pir, Shah, Malik, Sultan, Khalifa, Sharif, Akhund, Khwaja (given or
family names), Kari (Nordic given name, unlike Qari), Major (an English surname). Titles that are
stripped though they are sometimes part of a name, with the trade-off accepted because in sanctions
data they are overwhelmingly titles: Haji (also a Swahili given name), Maulana (also an Indonesian
given name), Sheikh / Shaikh (also a South Asian family name: "SHAIKH, Ahmed" tokenized loses
"shaikh"), Mufti (also a Kashmiri family name) and Gen (a Japanese given name).
"""

from __future__ import annotations

import re
from functools import lru_cache

from normality import ascii_text
from rigour.names import remove_person_prefixes

CANONICAL_ABD = "abdul"
"""The spelling every theophoric compound is rewritten to start with."""

_SUN_ROMANIZATIONS: tuple[str, ...] = ("sh", "th", "dh", "zh", "t", "d", "r", "z", "s", "n")
"""Romanizations of the Arabic sun letters other than l itself (t, th, d, dh, r, z, s, sh, the
emphatic s, d, t, z, and n), digraphs first so "sh" is not read as "s". Before these the article
"al" is pronounced, and often written, as the letter itself: ar-Rahman, as-Salam, an-Nur."""

_CONNECTIVE_VOWELS = "aeiou"

_L_PREFIXES: frozenset[str] = frozenset("abd" + vowel + "l" for vowel in ("u", "e", "a", "o", "ou", "i"))
"""Separate "abd" + article words that take the next word as the name of God: abdul, abdel, abdal,
abdol (Persian), abdoul (West African), abdil (Turkish, Balkan)."""

_SUN_PREFIXES: dict[str, str] = {
    "abd" + vowel + sun: sun for vowel in ("u", "e", "ou") for sun in _SUN_ROMANIZATIONS
}
"""Separate "abd" + assimilated article words (abdur, abdus, abdun, abduz, abdush, abder, abdes,
abden, abdour ...) and the sun letter they announce; the next word must start with that letter
("Abdur Rahman", "Abdus Salam"). The o and a vowels are left out: Abdon is a Spanish given name."""

_L_ARTICLES: frozenset[str] = frozenset({"al", "el", "ul", "il", "ol"})
_SUN_ARTICLES: dict[str, str] = {
    vowel + sun: sun for vowel in ("a", "e", "u", "o") for sun in _SUN_ROMANIZATIONS
}
"""Separate assimilated articles after "abd" (ar, as, ad, an, az, at, ash, ath, adh, er, es, ur, us
...), each with the sun letter the next word must start with: Abd ar-Rahman, Abd an-Nur."""

_PARTICLES: frozenset[str] = frozenset(
    {
        "bin", "ibn", "ben", "bint", "binti", "bt", "ould", "wuld", "walad", "abu", "abou", "abo",
        "umm", "oum", "wa", "and", "de", "da", "di", "del", "van", "von", "ag", "ait",
    }
    | _L_ARTICLES
    | set(_SUN_ARTICLES)
)  # fmt: skip
"""Words that are never the name of God after an "abd" element: kinship particles (bin, ould, abu)
and articles. "Abdul bin Ahmad" is a lone Abdul followed by a patronymic."""

_SUFFIXES: frozenset[str] = frozenset(
    {
        "ev", "ov", "yev", "yov", "iev", "aev", "ayev", "oev", "oyev", "ova", "eva", "yeva", "yova",
        "ieva", "aeva", "ayeva", "oeva", "evich", "ovich", "evna", "ovna", "zade", "zadeh", "zoda",
        "uly", "kyzy", "ogly", "oglu",
    }
)  # fmt: skip
"""Russian, Turkic and Persian patronymic endings: in Abdiyev or Abdizade what follows "abd" + vowel
is a suffix on the short name Abdi, not a name of God."""

_ALLAH_RE = re.compile(r"^l{1,2}(?:aa|a|ou|o|e|u)h?(?:aye|ay|ai|ye|i|y|e|u)?$")
"""What follows "abd" + connective vowel in a one-word Abd Allah: -llah, -lah, -la, -llahi, -lahi,
-laye (Abdoulaye), -lai (Abdulai), -lle (Abdulle), -llo / -lloh (Tajik, Uzbek)."""

_MIN_DIVINE_NAME = 3
"""Shortest name of God after "abd" (haq, hai, ali); shorter remainders are suffixes or other names
(Abdiel, Abdias, Abdon)."""


def _valid_divine_name(word: str) -> bool:
    """Whether ``word`` can be the X of "Abd X": an alphabetic lower-case word, not a particle, suffix
    or another "abd" element, long enough to be a name of God."""
    return (
        len(word) >= _MIN_DIVINE_NAME
        and word.isascii()
        and word.isalpha()
        and word.islower()
        and word not in _PARTICLES
        and word not in _SUFFIXES
        and not word.startswith("abd")
    )


def _sun_letter(text: str) -> str:
    """The sun-letter romanization ``text`` starts with, or "" (digraphs before single letters)."""
    for sun in _SUN_ROMANIZATIONS:
        if text.startswith(sun):
            return sun
    return ""


def _strip_attached_article(word: str) -> str:
    """The name of God in a word written with its article attached, as after a separate "Abd":
    alaziz -> aziz, allah -> lah, arrahman -> rahman, essalam -> salam; any other word unchanged.

    A single sun consonant after the vowel is not read as an article (arif stays arif), nor is a
    remainder too short to be a name (ali, alim stay: Abd al-Ali, Abd al-Alim)."""
    if len(word) < 2 or word[0] not in "aeiou":
        return word
    if word[1] == "l":
        rest = word[2:]
        return rest if len(rest) >= _MIN_DIVINE_NAME else word
    sun = _sun_letter(word[1:])
    if sun and word[1 + len(sun) :].startswith(sun):
        rest = word[1 + len(sun) :]
        return rest if len(rest) >= _MIN_DIVINE_NAME else word
    return word


@lru_cache(maxsize=100_000)
def _fused(token: str) -> str | None:
    """The canonical form of a one-word theophoric compound, or None to keep ``token`` as it is.

    The word is read as "abd" + connective vowel (ou, u, e, a, o, i or none) + article + X:
    abdelaziz, abdolreza, abdoulkarim (article l); abdurrahman, abderrahmane, abdessalam (doubled sun
    letter: the assimilated article); abdurahman, abdirashid (single sun letter: article dropped in
    writing); abdikarim, abdujabbar, abdrabbuh (no article). Which readings a vowel allows follows
    usage: the u / i / ou spellings (Central Asian, Somali, West African) drop the article freely, the
    e / o spellings (Maghrebi, Persian) keep it or assimilate it, "abda" only with l or a doubled letter.
    """
    if not token.startswith("abd") or not token.isascii() or not token.isalpha() or not token.islower():
        return None
    rest = token[3:]
    if rest.startswith("ou"):
        vowel = "ou"
    elif rest[:1] and rest[0] in _CONNECTIVE_VOWELS:
        vowel = rest[0]
    else:
        vowel = ""
    remainder = rest[len(vowel) :]
    if not remainder:
        return None
    if vowel and remainder[0] == "l":
        if _ALLAH_RE.match(remainder):
            return None
        name = remainder[1:]
    elif not vowel:
        name = remainder
    else:
        sun = _sun_letter(remainder)
        if sun and remainder[len(sun) :].startswith(sun):
            name = remainder[len(sun) :]
        elif (vowel != "a") if sun else (vowel in ("u", "i", "ou")):
            name = remainder
        else:
            return None
    return CANONICAL_ABD + name if _valid_divine_name(name) else None


def _join_at(tokens: tuple[str, ...], i: int) -> tuple[str, int] | None:
    """A split compound starting at ``tokens[i]``: its canonical token and how many tokens it spans."""
    head = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if head == "abd":
        after = tokens[i + 2] if i + 2 < len(tokens) else ""
        if nxt in _L_ARTICLES and _valid_divine_name(after):
            return CANONICAL_ABD + after, 3
        if nxt in _SUN_ARTICLES and after.startswith(_SUN_ARTICLES[nxt]) and _valid_divine_name(after):
            return CANONICAL_ABD + after, 3
        name = _strip_attached_article(nxt)
        if _valid_divine_name(name):
            return CANONICAL_ABD + name, 2
        return None
    if head in _L_PREFIXES and _valid_divine_name(nxt):
        return CANONICAL_ABD + nxt, 2
    if head in _SUN_PREFIXES and nxt.startswith(_SUN_PREFIXES[head]) and _valid_divine_name(nxt):
        return CANONICAL_ABD + nxt, 2
    return None


def join_theophoric(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Rewrite every "Abd al-X" compound in a person's name tokens to the one token ``"abdul" + X``.

    ("abd", "al", "aziz"), ("abdul", "aziz"), ("abdel", "aziz") and ("abdelaziz",) all become
    ("abdulaziz",); ("abd", "ar", "rahman"), ("abdur", "rahman") and ("abdurrahman",) become
    ("abdulrahman",); ("abd", "allah") becomes ("abdullah",). One-word forms of Abdullah (abdallah,
    abdoulaye), other names starting with abd (abdi, abdou) and a lone trailing "abdul" are kept, as
    are family-name particles ("al", "nuristani"). Idempotent; never raises on any tuple of strings.
    """
    out: list[str] = []
    i = 0
    while i < len(tokens):
        joined = _join_at(tokens, i)
        if joined is not None:
            out.append(joined[0])
            i += joined[1]
            continue
        fused = _fused(tokens[i])
        out.append(tokens[i] if fused is None else fused)
        i += 1
    return tuple(out)


HONORIFICS: frozenset[tuple[str, ...]] = frozenset(
    tuple(entry.split())
    for entry in (
        # Sheikh: elder, tribal or religious leader, ruling-family title in the Gulf.
        "sheikh", "shaikh", "shaykh", "sheik", "shaik", "shekh", "sheykh", "shiekh",
        # Hajji: one who made the pilgrimage (Arabic, Persian, Pashto, Urdu; Alhaji, El Hadj: West Africa).
        "haji", "hajji", "hadji", "hajj", "haj", "hadj", "hajee", "alhaji", "alhajji", "alhaj",
        "alhajj", "alhadji", "elhadj", "elhadji", "elhaj", "al haj", "al hajj", "al haji",
        "al hajji", "el hadj", "el hadji", "el haj", "el hajj", "hajia", "hajiya", "hajja",
        "hajjah", "alhaja", "alhajia",
        # Clergy and scholars.
        "mullah", "mulla", "mollah", "molla", "maulana", "mawlana", "moulana", "maulvi", "moulvi",
        "molvi", "maulavi", "moulavi", "mawlawi", "mawlavi", "maulawi", "mowlawi", "mowlavi", "mawlvi",
        "qari", "mufti", "allama", "allamah", "allameh", "ayatollah", "ayatullah", "ayatolla",
        "grand ayatollah", "grand ayatullah", "hojatoleslam", "hojjatoleslam", "hojatolislam",
        "hojjatolislam", "hojjat al islam", "hujjat al islam", "hujjatul islam",
        "ustad", "ustadh", "ustaz", "ostad", "hazrat", "hadrat", "hazret", "janab",
        "amir al muminin", "amir ul muminin", "amir al mumineen", "amir ul momineen",
        # Professions and military ranks in the abbreviated forms rigour does not list.
        "eng", "engr", "engineer", "gen", "genl", "lt", "lieut", "lieutenant", "col", "maj",
        "major general", "major gen", "brig", "capt", "cpt", "cdr", "cmdr", "adm", "sgt", "cpl",
        "vice admiral", "vice marshal", "air marshal", "air chief marshal", "rev", "revd",
        # Forms of address and offices DPRK state media put before a name.
        "comrade", "premier", "field marshal", "marshal of the kpa", "marshal of the dprk",
    )
)  # fmt: skip
"""Leading title tokens rigour's person prefixes miss, as token sequences (a hyphenated "Al-Haj" is
two tokens). Words that are also given or family names are deliberately absent: see the module
docstring."""

_MAX_HONORIFIC = max(len(entry) for entry in HONORIFICS)
_HONORIFIC_STARTS = frozenset(entry[0] for entry in HONORIFICS)
_MAX_RIGOUR_WORDS = 4
_PLAIN_TOKEN_RE = re.compile(r"^[a-z0-9]+$")


def _rigour_prefix_words(words: tuple[str, ...]) -> int:
    """How many of ``words`` (plain tokens) rigour removes from their start as titles: one call of its
    prefix expression on the words followed by a sentinel word."""
    phrase = " ".join(words) + " x"
    return len(words) + 1 - len(remove_person_prefixes(phrase).split())


def _honorific_at(tokens: tuple[str, ...], i: int) -> int:
    """How many tokens the longest title starting at ``tokens[i]`` spans (0 if none)."""
    for size in range(min(_MAX_HONORIFIC, len(tokens) - i), 0, -1):
        if tokens[i : i + size] in HONORIFICS:
            return size
    words: list[str] = []
    for word in tokens[i : i + _MAX_RIGOUR_WORDS]:
        if not _PLAIN_TOKEN_RE.match(word):
            break
        words.append(word)
    return _rigour_prefix_words(tuple(words)) if words else 0


def _leading_honorifics(tokens: tuple[str, ...]) -> list[int]:
    """Token positions where successive leading titles end: [2, 3] for ("al", "haj", "dr", "ali")."""
    ends: list[int] = []
    i = 0
    while i < len(tokens):
        size = _honorific_at(tokens, i)
        if not size:
            break
        i += size
        ends.append(i)
    return ends


def strip_honorifics(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Drop leading honorific and title tokens from a person's name tokens, keeping at least one.

    ("shaikh", "isa") -> ("isa",); ("haji", "mullah", "dr", "ali") -> ("ali",); ("al", "haj",
    "umar") -> ("umar",); ("sheikh",) and ("amir", "khan") are unchanged. A title made of several
    tokens is dropped whole or not at all. Titles after the first name word are kept: the comma of an
    inverted "AL BEN ALI, Shaikh Isa" is gone once tokenized, so use ``strip_part_honorifics`` on the
    raw string for that. Idempotent; never raises on any tuple of strings.
    """
    ends = [end for end in _leading_honorifics(tokens) if end < len(tokens)]
    return tokens[ends[-1] :] if ends else tokens


_WORD_RE = re.compile(r"[^\s\-‐‑‒–—―]+")
_APOSTROPHES_RE = re.compile(r"['’ʼ`ʻʿʾʹʺ]")
_NON_TOKEN_RE = re.compile(r"[^a-z0-9]+")


def _word_tokens(word: str) -> list[str]:
    """The screening tokens of one raw word: ASCII-folded, lower-cased, apostrophes dropped."""
    unmarked = _APOSTROPHES_RE.sub("", word)
    folded = (unmarked if unmarked.isascii() else _APOSTROPHES_RE.sub("", ascii_text(unmarked) or "")).lower()
    return [token for token in _NON_TOKEN_RE.split(folded) if token]


def _strip_part(part: str) -> str:
    """One comma-separated part of a raw name without its leading titles (whole words only)."""
    words = list(_WORD_RE.finditer(part))
    head = tuple(token for word in words[:_MAX_RIGOUR_WORDS] for token in _word_tokens(word.group()))
    if not _honorific_at(head, 0):
        return part  # most names have no title: the rest is not tokenized
    tokens: list[str] = []
    word_ends: dict[int, int] = {}  # token count at the end of word k -> index of word k + 1
    for k, word in enumerate(words):
        tokens.extend(_word_tokens(word.group()))
        word_ends[len(tokens)] = k + 1
    ends = [end for end in _leading_honorifics(tuple(tokens)) if end < len(tokens) and end in word_ends]
    if not ends or word_ends[ends[-1]] >= len(words):
        return part
    return part[words[word_ends[ends[-1]]].start() :]


def strip_part_honorifics(text: str) -> str:
    """Drop leading titles at the start of every comma-separated part of a raw person name.

    "AL BEN ALI, Shaikh Isa" -> "AL BEN ALI, Isa"; "Sheikh Dr. Ali" -> "Ali"; "Al-Haj Umar" -> "Umar".
    Each part keeps at least its last word, so a part that is only a title ("AL KHALIFA, Sheikh") is
    kept: there it may be the family name (Sheikh, Shaikh are also South Asian surnames). Words are
    folded as the screening tokenizer folds them (ASCII, lower case, apostrophes dropped, hyphens
    split). Never raises on any string.
    """
    first, *rest = text.split(",")
    return ",".join([_strip_first_part(first), *(_strip_comma_part(part) for part in rest)])


def _strip_first_part(part: str) -> str:
    """The first comma part: when it starts with none of ``HONORIFICS`` it is returned at once, without
    asking rigour (``names.strip_titles`` has already removed rigour's titles from the name's start)."""
    match = _WORD_RE.search(part)
    if match is None:
        return part
    first = _word_tokens(match.group())
    if not first or first[0] not in _HONORIFIC_STARTS:
        return part
    return _strip_comma_part(part)


def _strip_comma_part(part: str) -> str:
    """A comma part stripped of titles, keeping one leading space if it had any ("X, Sheikh Y")."""
    stripped = _strip_part(part)
    if stripped is part:
        return part
    return (" " if part[:1].isspace() else "") + stripped
