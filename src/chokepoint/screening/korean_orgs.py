"""DPRK organisation names written in Hangul, read in the English the sanctions lists use.

The lists name DPRK entities in English translation with the proper noun romanized: 조선련봉총회사 is
"Korea Ryonbong General Corporation", 단천상업은행 "Tanchon Commercial Bank", 조선광업개발무역회사
"Korea Mining Development Trading Corporation" (KOMID). Korean-language sources (registries, the
DPRK's own publications, contracts, shipping papers) write the Hangul, whose romanization
("Choson Kwangop Kaebal Muyok Hoesa") shares no word with the list. ``english_readings`` segments a
Hangul organisation name into the words of ``GLOSSARY`` (longest first) and the proper nouns between
them, and writes each glossary word in the lists' English and each proper noun romanized as one word
(McCune-Reischauer, as the lists write DPRK names, and Revised Romanization).

``GLOSSARY`` is data: the words of DPRK organisation names as the UN 1718 Committee and OFAC
translate them (조선 = Korea, 총회사 = General Corporation, 무역 = Trading, 합영 = Joint Venture ...).
Only words of two syllables or more are listed: a single syllable is as often part of a proper noun.
"""

from __future__ import annotations

from functools import lru_cache

from chokepoint.screening.hangul import System, is_hangul_syllable, romanize

GLOSSARY: dict[str, str] = {
    "조선": "korea",
    "총회사": "general corporation",
    "회사": "company",
    "공사": "corporation",
    "은행": "bank",
    "신용": "credit",
    "상업": "commercial",
    "무역": "trading",
    "수출입": "export import",
    "수출": "export",
    "수입": "import",
    "개발": "development",
    "광업": "mining",
    "광산": "mine",
    "합영": "joint venture",
    "합작": "joint venture",
    "련합": "associated",
    "연합": "associated",
    "원양": "ocean",
    "해운": "shipping",
    "해사": "maritime",
    "선박": "ship",
    "관리": "management",
    "기술": "technology",
    "공업": "industry",
    "산업": "industry",
    "기계": "machinery",
    "설비": "equipment",
    "건설": "construction",
    "정찰": "reconnaissance",
    "총국": "general bureau",
    "군수": "munitions",
    "대외": "foreign",
    "보험": "insurance",
    "국가": "national",
    "원자력": "atomic energy",
    "그룹": "group",
    "위원회": "committee",
    "중앙": "central",
    "인민": "people's",
    "로동당": "workers' party",
    "노동당": "workers' party",
    "대학": "university",
    "연구소": "research institute",
    "연구원": "research institute",
    "과학원": "academy of sciences",
    "국방": "national defence",
    "과학": "science",
    "해외": "overseas",
    "개발은행": "development bank",
}
_LONGEST = max(len(word) for word in GLOSSARY)


def _segments(word: str) -> list[tuple[bool, str]]:
    """(is a glossary word, text) runs of one Hangul word, glossary words matched longest first."""
    out: list[tuple[bool, str]] = []
    i = 0
    while i < len(word):
        for size in range(min(_LONGEST, len(word) - i), 1, -1):
            if word[i : i + size] in GLOSSARY:
                out.append((True, word[i : i + size]))
                i += size
                break
        else:
            if out and not out[-1][0]:
                out[-1] = (False, out[-1][1] + word[i])
            else:
                out.append((False, word[i]))
            i += 1
    return out


@lru_cache(maxsize=10_000)
def english_readings(text: str) -> tuple[tuple[System, str], ...]:
    """The lists' English of a Hangul organisation name, proper nouns romanized in MR and RR; () when
    the name holds no glossary word or anything but Hangul and spaces."""
    words = text.split()
    if not words or not all(all(is_hangul_syllable(c) for c in w) for w in words):
        return ()
    runs = [run for w in words for run in _segments(w)]
    if not any(known for known, _ in runs):
        return ()
    readings: list[tuple[System, str]] = []
    for system in ("mr", "rr"):
        parts = [GLOSSARY[run] if known else "".join(romanize(run, system)) for known, run in runs]
        readings.append((system, " ".join(parts)))
    return tuple(readings)
