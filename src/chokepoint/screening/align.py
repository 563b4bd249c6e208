"""Token alignment of two name forms: which token of one name answers which token of the other.

Every pair of tokens gets a similarity in [0, 1] (``token_similarity``) and a reason (exact, variant,
nickname, skeleton, consonants, edit, initial). Tokens are paired greedily from the most similar pair down,
each token used once, pairs below ``MIN_PAIR_SIMILARITY`` left unpaired. Before pairing, adjacent
tokens of one side are joined when the join answers a token of the other side ("Jong Un" vs "Jongun",
"Siemens AG" vs "SiemensAG"). The alignment reports the pairs, the unpaired tokens of each side and
whether the pairs keep their order (a reversed name is a token-order match, not a literal one).

The similarity constants are parameters, overridable per call through ``AlignConfig``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from rapidfuzz.distance import OSA, Levenshtein

from chokepoint.screening.hangul import south_korean_spelling
from chokepoint.screening.hypocorisms import KOREAN_SPELLINGS, nicknames_of
from chokepoint.screening.names import LOW_WEIGHT_WORDS, PARTICLES, NameForm, is_low_weight, low_weight_words
from chokepoint.screening.syllables import syllabic
from chokepoint.screening.variants import canonical_spelling, consonants, skeleton
from chokepoint.screening.wadegiles import wade_giles_readings

Mode = Literal["strict", "romanized", "consonants"]
Reason = Literal["exact", "variant", "nickname", "skeleton", "consonants", "edit", "initial"]


@dataclass(frozen=True, eq=False)
class AlignConfig:
    """Similarities given to each kind of token agreement (dimensionless, 0-1).

    Compared by identity (``eq=False``): it is a cache key of ``token_similarity`` on every call.
    """

    variant_similarity: float = 0.95
    """Two spellings of one row of ``variants.SURNAME_VARIANTS`` (Ri/Lee)."""
    nickname_similarity: float = 0.85
    """A given name and one of its nicknames (Bill / William, see ``hypocorisms``): the same name as a
    rule, but a familiar form is weaker evidence than a spelling of the name itself."""
    skeleton_similarity: float = 0.9
    """Equal romanization skeletons (Che/Je, Mohammed/Mohamed)."""
    wade_giles_similarity: float = 0.9
    """A Chinese syllable in Wade-Giles against its pinyin (Hsi / Xi, Tse-tung / Zedong): one reading
    in two systems, but the systems overlap with ordinary words (Sung / Song, Den / Ten), so below a
    variant of the same system."""
    consonant_similarity: float = 0.8
    """Words of six letters or more with the same first letter and consonants, vowels differing
    (Muhammad / Mohammed): transliteration writes short vowels as it pleases. Shorter words, such as
    Korean syllables (Jong / Jang), are different names when their vowels differ."""
    initial_similarity: float = 0.7
    """An initial against a word it begins (A. / Ali)."""
    acronym_similarity: float = 0.85
    """An organisation's acronym against the words it abbreviates (PLA / People's Liberation Army):
    lists carry acronyms as aliases (KOMID), but an acronym names less than the full name."""
    split_similarity: float = 0.7
    """Mean similarity the pieces of a word written joined must reach against two neighbouring words
    of the other name for the word to be split (Youngchul / Yong Chol, see ``_split_joined``)."""
    min_pair_similarity: float = 0.5
    """Below this two tokens are not paired at all."""
    weak_pair_similarity: float = 0.8
    """Paired words less similar than this are probably different words (Castro / Castillo)."""
    low_weight: float = 0.2
    """Weight of an organisation-class word or particle relative to a name word of the same length."""


DEFAULT_CONFIG = AlignConfig()


@dataclass(frozen=True)
class TokenPair:
    """One query token answered by one candidate token."""

    query: str
    candidate: str
    similarity: float
    reason: Reason


@dataclass(frozen=True)
class Alignment:
    """The paired and unpaired tokens of two forms, and the derived name measures."""

    pairs: tuple[TokenPair, ...]
    query_extra: tuple[str, ...]
    candidate_extra: tuple[str, ...]
    in_order: bool
    measures: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=1_000_000)
def token_similarity(
    a: str, b: str, mode: Mode = "romanized", config: AlignConfig = DEFAULT_CONFIG
) -> tuple[float, Reason]:
    """Similarity of two lower-case tokens under ``mode`` with the reason that produced it.

    The result is the greatest (similarity, reason) tuple of every agreement that holds (ties go to the
    greater reason, as tuples compare); each agreement is tried once, with the per-token tables
    (skeleton, nicknames, Wade-Giles readings) looked up once per token.
    """
    if a == b:
        return 1.0, "exact"
    if len(a) == 1 or len(b) == 1:
        if mode == "strict":
            if len(a) == len(b) and south_korean_spelling(a) == south_korean_spelling(b):
                return config.variant_similarity, "variant"  # Hangul 리 / 이, 류 / 유, 로 / 노
        elif canonical_spelling(a) == canonical_spelling(b):
            # one-letter Korean surnames: I = Ri / Lee / Yi (이, 리), O = Oh (오), U = Woo (우)
            return config.variant_similarity, "variant"
        short, long_ = (a, b) if len(a) == 1 else (b, a)
        if len(long_) > 1 and long_[0] == short and not short.isdigit():
            return config.initial_similarity, "initial"
        return 0.0, "edit"
    if a.isdigit() or b.isdigit():
        return 0.0, "edit"  # numbers are identifiers: equal or different
    edit = OSA.normalized_similarity(a, b)  # a transposition is one edit, as typists make it
    best: tuple[float, Reason] = (edit, "edit")
    if mode == "strict":
        return best
    if canonical_spelling(a) == canonical_spelling(b):
        return max(best, (config.variant_similarity, "variant"))
    # a given name and one of its nicknames (hypocorisms.are_hypocorisms, inlined: a != b here)
    if (
        a not in KOREAN_SPELLINGS
        and b not in KOREAN_SPELLINGS
        and (b in nicknames_of(a) or a in nicknames_of(b))
    ):
        best = max(best, (config.nickname_similarity, "nickname"))
    readings_a, readings_b = wade_giles_readings(a), wade_giles_readings(b)
    if (readings_a or readings_b) and (
        b in readings_a or a in readings_b or not readings_a.isdisjoint(readings_b)
    ):
        # one Chinese reading in Wade-Giles and pinyin (wadegiles.same_chinese_reading, inlined on the
        # per-token cache: tokens here are already lower-case ASCII and differ)
        best = max(best, (config.wade_giles_similarity, "variant"))
    ska, skb = skeleton(a), skeleton(b)
    if len(ska) >= 6 and ska[0] == skb[0] and consonants(a) == consonants(b):
        best = max(best, (config.consonant_similarity, "consonants"))
    folded = (
        config.skeleton_similarity
        if ska == skb
        else config.skeleton_similarity * Levenshtein.normalized_similarity(ska, skb)
    )
    if folded > best[0] or (folded == best[0] and best[1] < "skeleton"):
        best = (folded, "skeleton")
    if mode == "consonants":
        cons = Levenshtein.normalized_similarity(consonants(a), consonants(b))
        best = max(best, (config.skeleton_similarity * cons, "consonants"))
    return best


def _join_possible(side: tuple[str, ...], long_others: list[str]) -> bool:
    """Whether any run of 2-3 neighbours has about the length of a long token of the other side."""
    lengths = [len(t) for t in side]
    runs = {x + y for x, y in pairwise(lengths)}
    runs.update(x + y + z for x, y, z in zip(lengths, lengths[1:], lengths[2:], strict=False))
    for o in long_others:
        size = len(o)
        tolerance = max(2, size // 5)
        for r in runs:
            if abs(size - r) <= tolerance:
                return True
    return False


def _join_adjacent(
    side: tuple[str, ...], other: tuple[str, ...], mode: Mode, config: AlignConfig
) -> tuple[str, ...]:
    """Join runs of 2-3 neighbours of ``side`` whose concatenation answers a token of ``other``."""
    if len(side) < 2:
        return side
    long_others = [o for o in other if len(o) > 3 and o not in side]  # a token side has needs no join
    if not long_others or not _join_possible(side, long_others):
        return side
    others = set(other)
    out: list[str] = []
    i = 0
    while i < len(side):
        for width in (3, 2):
            run = side[i : i + width]
            if len(run) < width or not others.isdisjoint(run):
                continue
            joined = "".join(run)
            near = [o for o in long_others if abs(len(o) - len(joined)) <= max(2, len(o) // 5)]
            if any(token_similarity(joined, o, mode, config)[0] >= 0.85 for o in near):
                out.append(joined)
                i += width
                break
        else:
            out.append(side[i])
            i += 1
    return tuple(out)


def _split_joined(
    side: tuple[str, ...], other: tuple[str, ...], mode: Mode, config: AlignConfig
) -> tuple[str, ...]:
    """Split a word of ``side`` that is two neighbouring words of ``other`` written as one, each half
    spelt its own way ("Youngchul" / "Yong Chol", "Bongju" / "Pong Ju"), into those halves.

    ``_join_adjacent`` joins the other side's words and compares whole words, which fails when each
    half carries its own spelling difference (young / yong and chul / chol: the joined words are
    three edits apart); split, each half meets its word with the per-word tables (skeleton, variants).
    A split is made when the halves' mean similarity reaches ``config.split_similarity`` and neither
    half is below ``min_pair_similarity``."""
    if len(side) >= len(other) or mode == "strict":
        return side  # a name with a joined word has fewer words than the one that writes it apart
    runs = [(a, b) for a, b in pairwise(other) if a not in side and b not in side]
    if not runs:
        return side
    out: list[str] = []
    for word in side:
        pieces = _best_split(word, runs, mode, config) if len(word) >= 4 and word not in other else None
        if pieces is None:
            out.append(word)
        else:
            out.extend(pieces)
    return tuple(out) if len(out) > len(side) else side


def _best_split(
    word: str, runs: list[tuple[str, str]], mode: Mode, config: AlignConfig
) -> tuple[str, str] | None:
    """The best split of ``word`` against one of ``runs`` (see ``_split_joined``), else None."""
    best: tuple[str, str] | None = None
    best_mean = config.split_similarity
    least = config.min_pair_similarity
    head = skeleton(word)[:1]
    for a, b in runs:
        if abs(len(word) - len(a) - len(b)) > 2 or skeleton(a)[:1] != head:
            continue
        for k in range(max(2, len(a) - 2), min(len(word) - 2, len(a) + 2) + 1):
            first = token_similarity(word[:k], a, mode, config)[0]
            if first < least:
                continue
            second = token_similarity(word[k:], b, mode, config)[0]
            mean = (first + second) / 2
            if second >= least and mean > best_mean:
                best, best_mean = (word[:k], word[k:]), mean
    return best


def _join_acronym_runs(
    side: tuple[str, ...], other: tuple[str, ...]
) -> tuple[tuple[str, ...], list[tuple[str, str]]]:
    """Join each run of ``side`` whose initials spell a 2-6 letter word of ``other`` that ``side``
    lacks; return the new ``side`` and the (acronym, joined run) pairs."""
    acronyms = {t for t in other if 2 <= len(t) <= 6 and t.isalpha() and t not in side}
    if not acronyms or len(side) < 2:
        return side, []
    out: list[str] = []
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(side):
        for acronym in sorted(acronyms, key=len, reverse=True):
            run = _acronym_run(side, i, acronym)
            if run:
                joined = "".join(side[i : i + run])
                out.append(joined)
                found.append((acronym, joined))
                acronyms.discard(acronym)
                i += run
                break
        else:
            out.append(side[i])
            i += 1
    return tuple(out), found


ACRONYM_SKIPPED = frozenset({"of", "the", "and", "for"})
"""Words acronyms leave out (DPRK: Democratic People's Republic of Korea; OECD), unless the acronym
spells them (the "O" of OECD is Organisation, not "of")."""


def _acronym_run(side: tuple[str, ...], start: int, acronym: str) -> int:
    """How many tokens from ``start`` the ``acronym`` abbreviates (0: none): one word per letter,
    skipping ``ACRONYM_SKIPPED`` words between its first and last word."""
    k, letter = start, 0
    while k < len(side) and letter < len(acronym):
        token = side[k]
        if len(token) > 1 and token[0] == acronym[letter]:
            letter += 1
        elif not (letter and token in ACRONYM_SKIPPED):
            return 0
        k += 1
    return k - start if letter == len(acronym) else 0


def align(
    query: tuple[str, ...],
    candidate: tuple[str, ...],
    mode: Mode = "romanized",
    config: AlignConfig = DEFAULT_CONFIG,
    acronyms: bool = False,
) -> Alignment:
    """Pair the tokens of two forms greedily by similarity (see the module docstring).

    With ``acronyms`` (organisation names), a word of one side that spells the initials of a run of
    words of the other (PLA / People's Liberation Army, US / United States) is paired with that run.
    """
    if query == candidate and config.min_pair_similarity <= 1.0:
        # the same words in the same order: nothing to join, no acronym the other side lacks, and
        # every token answered by its own copy (the greedy pairing takes the exact diagonal first)
        return _literal_alignment(query, config)
    return _paired(query, candidate, mode, config, acronyms)


def _paired(
    query: tuple[str, ...], candidate: tuple[str, ...], mode: Mode, config: AlignConfig, acronyms: bool
) -> Alignment:
    """``align`` by joining, scoring every token pair and pairing greedily (any two forms)."""
    if len(query) < len(candidate):  # a name with a joined word has fewer words (_split_joined)
        query = _split_joined(query, candidate, mode, config)
    q = _join_adjacent(query, candidate, mode, config)
    c = _split_joined(candidate, q, mode, config) if len(candidate) < len(q) else candidate
    c = _join_adjacent(c, q, mode, config)
    expanded: set[tuple[str, str]] = set()
    if acronyms:
        c, found_c = _join_acronym_runs(c, q)
        q, found_q = _join_acronym_runs(q, c)
        expanded = {(a, run) for a, run in found_c} | {(run, a) for a, run in found_q}
    scored: list[tuple[float, int, int, int, Reason]] = []
    least = config.min_pair_similarity
    for i, a in enumerate(q):
        for j, b in enumerate(c):
            sim: float
            reason: Reason
            if a == b:
                sim, reason = 1.0, "exact"
            elif expanded and (a, b) in expanded:
                sim, reason = config.acronym_similarity, "initial"
            else:
                sim, reason = token_similarity(a, b, mode, config)
            if sim >= least:
                scored.append((sim, -abs(i - j), i, j, reason))
    scored.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs: list[tuple[int, int, TokenPair]] = []
    most = min(len(q), len(c))  # pairs possible: past them every remaining entry is taken
    for sim, _, i, j, reason in scored:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        pairs.append((i, j, TokenPair(q[i], c[j], sim, reason)))
        if len(pairs) == most:
            break
    pairs.sort()
    order = [j for _, j, _ in pairs]
    alignment = Alignment(
        pairs=tuple(p for _, _, p in pairs),
        query_extra=tuple(t for i, t in enumerate(q) if i not in used_q),
        candidate_extra=tuple(t for j, t in enumerate(c) if j not in used_c),
        in_order=order == sorted(order),
    )
    alignment.measures.update(_measures(alignment, q, c, config))
    alignment.measures["patronymic_swap"] = float(
        not (PATRONYMIC_LINKS.isdisjoint(q[1:]) or PATRONYMIC_LINKS.isdisjoint(c[1:]))
        and _patronymic_swap(q, c, [(i, j) for i, j, _ in pairs])
    )
    return alignment


def _literal_alignment(tokens: tuple[str, ...], config: AlignConfig) -> Alignment:
    """``align`` of a form against the very same tokens: every token paired with its own copy, in order.

    Identical forms are frequent (a listed name screened as written), and what ``align`` would do for
    them is known: no join or acronym applies (the other side has no token this side lacks), the
    greedy pairing takes the exact diagonal pairs before any other, and a name is never its own
    father's (no patronymic swap).
    """
    alignment = Alignment(
        pairs=tuple(TokenPair(t, t, 1.0, "exact") for t in tokens),
        query_extra=(),
        candidate_extra=(),
        in_order=True,
    )
    alignment.measures.update(_measures(alignment, tokens, tokens, config))
    alignment.measures["patronymic_swap"] = 0.0
    return alignment


PATRONYMIC_LINKS = frozenset({"bin", "ibn", "ben", "bint", "binti", "ould", "walad"})
"""Words that join a person's name to a parent's in Arabic and Maghrebi names ("son/daughter of");
the first word of a name is a given name (Ben Netanyahu), never a link."""


def _generations(tokens: tuple[str, ...]) -> list[int]:
    """For each token, how many patronymic links precede it: 0 own name, 1 father's, 2 grandfather's."""
    out, generation = [], 0
    for k, token in enumerate(tokens):
        if k > 0 and token in PATRONYMIC_LINKS:
            generation += 1
        out.append(generation)
    return out


def _patronymic_swap(q: tuple[str, ...], c: tuple[str, ...], pairs: list[tuple[int, int]]) -> bool:
    """One name's own given name is the other's father's name and the other way round.

    "Salman bin Muhammad" and "Muhammad bin Salman" are a son and his father: the order of a
    patronymic chain is not free, unlike given and family name in a Western name.
    """
    if PATRONYMIC_LINKS.isdisjoint(q[1:]) or PATRONYMIC_LINKS.isdisjoint(c[1:]):
        return False  # a side without a link after its first word has one generation only
    if syllabic(q) or syllabic(c):
        return False  # "bin" in KIM BIN SU is the syllable 빈, not "son of"
    gq, gc = _generations(q), _generations(c)
    named = [(gq[i], gc[j]) for i, j in pairs if not is_low_weight(q[i]) and q[i] not in PATRONYMIC_LINKS]
    return any(a == 0 and b > 0 for a, b in named) and any(a > 0 and b == 0 for a, b in named)


def typo_budget(length: int) -> int:
    """Edits a typist's slip explains in a word of ``length`` letters: none in words of one or two
    letters, one in words of three to five, two in longer words.

    This is Lucene's ``fuzziness: AUTO`` (the fuzzy matching Elasticsearch, and so yente, screen with):
    beyond it a differing word is more likely another word (Ortiz / Ortega) than a misspelling
    (Merkel / Merkur)."""
    return 0 if length <= 2 else 1 if length <= 5 else 2


def _measures(
    alignment: Alignment, q: tuple[str, ...], c: tuple[str, ...], config: AlignConfig
) -> dict[str, float]:
    """The name measures features are made of (all in [0, 1]); one pass over tokens and pairs."""
    low = config.low_weight
    # few names carry numbers: one pass that finds none spares building both sets
    digits = any(t.isdigit() for t in q) or any(t.isdigit() for t in c)
    numbers_q = {t for t in q if t.isdigit()} if digits else set()
    numbers_c = {t for t in c if t.isdigit()} if digits else set()
    if (numbers_q or numbers_c) and len(numbers_q) < len(q) and len(numbers_c) < len(c):
        # Numbers are judged by ``number_mismatch`` alone (its declared weight); the words of the name
        # are compared without them, so a differing number is not counted twice.
        q = tuple(t for t in q if not t.isdigit())
        c = tuple(t for t in c if not t.isdigit())
        alignment = Alignment(
            pairs=tuple(p for p in alignment.pairs if not p.query.isdigit()),
            query_extra=tuple(t for t in alignment.query_extra if not t.isdigit()),
            candidate_extra=tuple(t for t in alignment.candidate_extra if not t.isdigit()),
            in_order=alignment.in_order,
        )
    # is_low_weight of this pair of names, inlined in the per-token loops (few names hold a particle)
    lw = LOW_WEIGHT_WORDS if PARTICLES.isdisjoint(q) and PARTICLES.isdisjoint(c) else low_weight_words(q, c)
    wq = sum(len(t) * (low if t in lw else 1.0) for t in q) or 1.0
    wc = sum(len(t) * (low if t in lw else 1.0) for t in c) or 1.0
    matched = 0.0
    weakest = 1.0
    strong = weak_pairs = variants = edits = 0
    beyond_budget = False
    weak_bar = config.weak_pair_similarity
    for p in alignment.pairs:
        q_low = p.query in lw
        similarity = p.similarity
        matched += similarity * (
            len(p.query) * (low if q_low else 1.0) + len(p.candidate) * (low if p.candidate in lw else 1.0)
        )
        if p.reason not in ("exact", "edit"):
            variants += 1
        if q_low:
            continue
        strong += 1
        if similarity < weakest:
            weakest = similarity
        if similarity < weak_bar:
            weak_pairs += 1
        if p.reason == "edit":
            distance = OSA.distance(p.query, p.candidate)
            edits = max(edits, distance)
            beyond_budget |= distance > typo_budget(max(len(p.query), len(p.candidate)))
        elif p.reason == "skeleton" and p.similarity < config.skeleton_similarity:
            # alike only after romanization folding: count the slips between the folded spellings
            ska, skb = skeleton(p.query), skeleton(p.candidate)
            beyond_budget |= OSA.distance(ska, skb) > typo_budget(max(len(ska), len(skb)))
    shorter_extra = alignment.query_extra if len(q) <= len(c) else alignment.candidate_extra
    if not strong or any(t not in lw for t in shorter_extra):
        weakest = 0.0
    elif all(p.reason == "initial" and min(len(p.query), len(p.candidate)) == 1 for p in alignment.pairs):
        weakest = 0.0  # only initials agree ("N.N." / Nursultan Nazarbayev): no word of the name does
    unpaired = sum(t not in lw for t in (*alignment.query_extra, *alignment.candidate_extra))
    literal = q == c
    return {
        "similarity": matched / (wq + wc),
        "weakest_token": weakest,
        "unpaired_words": min(unpaired, 3) / 3,
        "weak_pairs": min(weak_pairs, 2) / 2,
        "several_edits": float(edits >= 2),
        "beyond_typo_budget": float(beyond_budget),
        "literal": float(literal),
        "reordered": float(not literal and not alignment.in_order and bool(alignment.pairs)),
        "variant_share": variants / max(len(alignment.pairs), 1),
        "number_mismatch": float(numbers_q != numbers_c),
    }


def compare_forms(
    query: NameForm,
    candidate: NameForm,
    same_script: bool,
    config: AlignConfig = DEFAULT_CONFIG,
    acronyms: bool = False,
) -> Alignment:
    """Align two forms in the mode their systems call for (see ``names`` for why)."""
    if same_script:
        mode: Mode = "strict"
    elif "abjad" in (query.system, candidate.system):
        mode = "consonants"
    else:
        mode = "romanized"
    return align(query.tokens, candidate.tokens, mode, config, acronyms)
