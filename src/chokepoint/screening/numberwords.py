"""English number words as digits in organisation and vessel names.

Numbers are identifying parts of organisation and vessel names: series vessels ("CHON MA SAN 2"), funds
("Fund XII"), military units ("Brigade 44"). A listing and a query often write the same number one way
each: "Brigade Forty-Four" / "Brigade 44", "First International Bank" / "1st International Bank", "Three
Percenters" / "3 Percenters". ``fold_number_words`` rewrites every number written in English words as
one digit token, so both spellings reach scoring as the same token.

It works on the lower-case ASCII tokens made by ``names.tokenize`` (hyphens already split, so
"Forty-Four" arrives as ``("forty", "four")``) and only on organisation and vessel names: person names
are not passed through it.

What is a number
    Cardinals "one".."nineteen", tens "twenty".."ninety", "hundred", "thousand"; ordinals
    "first".."nineteenth", "twentieth".."ninetieth", "hundredth", "thousandth". A run of such words is
    read as the longest well-formed English numeral from its start ("one hundred twenty three" -> 123,
    "two thousand five" -> 2005, "twenty first" -> 21), and the rest of the run as further numerals, so
    "Seven Eleven" -> "7 11" (the same tokens as "7-Eleven") rather than an invented 711. The one
    exception is the way years and model numbers are spoken, a teen or "twenty" followed by a two-digit
    part: "Nineteen Eighty-Four" -> 1984, "Twenty Twenty" -> 2020. An ordinal ends its numeral ("first
    second" -> "1 2"), as it does in English.

"and" and "a"
    "and" is absorbed only inside a numeral, after "hundred" or "thousand" and before the rest of the
    number ("one hundred and five" -> 105); everywhere else it is the ordinary word ("One and Only" ->
    "1 and only"). "a" is absorbed only right before "hundred" or "thousand" ("A Hundred Flowers" ->
    "100 flowers"), so that it folds to the same tokens as "Hundred Flowers" and "100 Flowers".

The ambiguous cases, decided for organisation names
    * A lone "one" is folded ("Bank One" -> "bank 1", "One Belt One Road" -> "1 belt 1 road"): in a
      registered name "one" is nearly always the numeral or a brand built on it, the fold is applied to
      both sides of a comparison so two names that both say "one" still agree, and "Bank 1" now agrees
      with "Bank One".
    * "first" is folded ("First National Bank" -> "1 national bank"): that is what makes it match the
      "1st National Bank" spelling, whose "1st" the name pipeline already folds to "1".
    * "second" is folded although it is also a unit of time: organisation names use it as the ordinal
      ("Second Economic Committee") far more than as the unit.
    * Only number words are folded. Words that merely look or sound numeric ("May", "Won", "Nein") are
      names or other words and stay as they are.

Misspellings
    A token that is one edit (insertion, deletion, substitution or swap of adjacent letters) from a number
    word of five or more letters is read as that word ("fourty four" -> 44, "ninty nine" -> 99, "twenty
    forth" -> 24), but only when the numeral it falls in also holds an exactly spelled number word. Any
    English word is a single edit from some other word, so a typo rule applied on its own would turn
    names into numbers ("Mighty", "Light", "Steven" are each one edit from "eighty", "eight", "seven");
    requiring a correctly spelled neighbour in the same numeral keeps the tolerance to the places where
    a number is certainly being written. The misspelled token must itself have five or more letters (the
    four-letter neighbours "tree", "fort", "tent", "even" are common words), must not be a plural of a
    number word ("seconds", "hundreds", "thirds" are real words: "Sixty Seconds" is not 62), and must not
    be one of the common English words and names at one edit from a number word (``NOT_MISSPELLINGS``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Literal, NamedTuple

from rapidfuzz.distance import OSA

Kind = Literal["unit", "teen", "tens", "hundred", "thousand"]


class _Word(NamedTuple):
    """What a number word contributes to a numeral: its kind, its value and whether it is an ordinal."""

    kind: Kind
    value: int
    ordinal: bool


def _lexicon() -> dict[str, _Word]:
    """Every English number word this module reads, cardinal and ordinal, with its kind and value."""
    units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    unit_ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"]
    teens += ["eighteen", "nineteen"]
    teen_ordinals = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"]
    teen_ordinals += ["seventeenth", "eighteenth", "nineteenth"]
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    lexicon: dict[str, _Word] = {}
    for value, (cardinal, ordinal) in enumerate(zip(units, unit_ordinals, strict=True), start=1):
        lexicon[cardinal] = _Word("unit", value, False)
        lexicon[ordinal] = _Word("unit", value, True)
    for value, (cardinal, ordinal) in enumerate(zip(teens, teen_ordinals, strict=True), start=10):
        lexicon[cardinal] = _Word("teen", value, False)
        lexicon[ordinal] = _Word("teen", value, True)
    for value, cardinal in zip(range(20, 100, 10), tens, strict=True):
        lexicon[cardinal] = _Word("tens", value, False)
        lexicon[cardinal[:-1] + "ieth"] = _Word("tens", value, True)  # twenty -> twentieth
    lexicon["hundred"] = _Word("hundred", 100, False)
    lexicon["hundredth"] = _Word("hundred", 100, True)
    lexicon["thousand"] = _Word("thousand", 1000, False)
    lexicon["thousandth"] = _Word("thousand", 1000, True)
    return lexicon


_LEXICON: dict[str, _Word] = _lexicon()

NUMBER_WORDS: frozenset[str] = frozenset(_LEXICON)
"""The exactly spelled English number words that ``fold_number_words`` turns into digits."""

_MISSPELLING_MIN_LENGTH = 5
_MISSPELLING_TARGETS: tuple[str, ...] = tuple(
    sorted(w for w in NUMBER_WORDS if len(w) >= _MISSPELLING_MIN_LENGTH)
)

NOT_MISSPELLINGS: frozenset[str] = frozenset(
    {
        # one edit from "three"
        "there",
        "threw",
        "throe",
        "shree",
        # one edit from "seven"
        "steven",
        "sever",
        "severn",
        "sevan",
        "semen",
        # one edit from "eight"
        "light",
        "might",
        "night",
        "sight",
        "tight",
        "fight",
        "right",
        "bight",
        "wight",
        "weight",
        "height",
        # one edit from "eleven"
        "elven",
        # one edit from "thirty", "forty", "fifty", "sixty", "eighty"
        "thirsty",
        "shirty",
        "forte",
        "forts",
        "morty",
        "nifty",
        "silty",
        "mighty",
        "righty",
        "nighty",
        "weighty",
        # one edit from "first", "fifth", "tenth"
        "forst",
        "furst",
        "hirst",
        "firth",
        "filth",
        "teeth",
        "tench",
        "tents",
    }
)
"""English words and names one edit from a number word: they are never read as a misspelled number."""


@lru_cache(maxsize=65_536)
def _readings(token: str) -> tuple[tuple[str, bool], ...]:
    """The number words a token can stand for, each with whether it is the exact spelling.

    An exact number word stands only for itself. Otherwise the token may be a misspelling of every number
    word of five or more letters within one edit (optimal string alignment, so a swap of two adjacent
    letters is one edit), unless it is short, a plural of a number word or a known real word.
    """
    if token in _LEXICON:
        return ((token, True),)
    if (
        len(token) < _MISSPELLING_MIN_LENGTH
        or not (token.isascii() and token.isalpha())
        or token in NOT_MISSPELLINGS
        or (token.endswith("s") and token[:-1] in _LEXICON)
    ):
        return ()
    return tuple(
        (word, False)
        for word in _MISSPELLING_TARGETS
        if abs(len(word) - len(token)) <= 1 and OSA.distance(token, word, score_cutoff=1) <= 1
    )


class _Parse(NamedTuple):
    """One reading of tokens[start:end] as a numeral.

    ``exact`` counts the exactly spelled number words in it (a reading with none is refused: it would rest
    on misspellings alone); ``plain`` says the numeral is a single word below one hundred, the first half
    of a spoken year; ``year`` marks the spoken-year reading, which loses a tie against a regular one
    ("twenty forth" is 24, the misspelled "fourth", not 2040 with "forty").
    """

    value: int
    end: int
    ordinal: bool
    exact: int
    plain: bool
    year: bool = False


class _Parser:
    """All readings of a numeral starting at a given token, by recursive descent over English numerals.

    Grammar (an ordinal word ends the numeral wherever it appears)::

        numeral       = thousands [["and"] group] | group | year
        thousands     = (group below 1000 | "a" | nothing) "thousand"
        group         = (below_hundred | "a" | nothing) "hundred" [["and"] below_hundred] | below_hundred
        below_hundred = unit | teen | tens [unit]
        year          = (teen | "twenty") (teen | tens [unit])

    "nothing" (a bare "hundred" or "thousand") is allowed only at the start of the numeral, so "two
    thousand hundred" is not read as 2100.
    """

    def __init__(self, tokens: tuple[str, ...]) -> None:
        self.tokens = tokens

    def _words(self, i: int, kinds: tuple[Kind, ...]) -> Iterator[tuple[_Word, int]]:
        """The readings of token ``i`` whose kind is one of ``kinds``, with 1 for an exact spelling."""
        if i >= len(self.tokens):
            return
        for word, exact in _readings(self.tokens[i]):
            entry = _LEXICON[word]
            if entry.kind in kinds:
                yield entry, int(exact)

    def _is(self, i: int, token: str) -> bool:
        return i < len(self.tokens) and self.tokens[i] == token

    def below_hundred(self, i: int) -> Iterator[_Parse]:
        """1..99: a unit, a teen, or a tens word with an optional unit after it ("forty four")."""
        for word, exact in self._words(i, ("unit", "teen", "tens")):
            yield _Parse(word.value, i + 1, word.ordinal, exact, True)
            if word.kind == "tens" and not word.ordinal:
                for unit, unit_exact in self._words(i + 1, ("unit",)):
                    yield _Parse(word.value + unit.value, i + 2, unit.ordinal, exact + unit_exact, False)

    def _after_hundred(self, head: _Parse) -> Iterator[_Parse]:
        """The rest of a group after its "hundred": nothing, or an optional "and" and 1..99."""
        yield head
        if head.ordinal:
            return
        starts = [head.end, head.end + 1] if self._is(head.end, "and") else [head.end]
        for start in starts:
            for rest in self.below_hundred(start):
                yield _Parse(head.value + rest.value, rest.end, rest.ordinal, head.exact + rest.exact, False)

    def group(self, i: int, bare: bool) -> Iterator[_Parse]:
        """A numeral without "thousand": 1..99, or a multiple of a hundred with 1..99 after it."""
        multipliers: list[tuple[int, int, int]] = []  # (multiplier, index of "hundred", exact words)
        if bare:
            multipliers.append((1, i, 0))
        if self._is(i, "a"):
            multipliers.append((1, i + 1, 0))
        for small in self.below_hundred(i):
            yield small
            if not small.ordinal:
                multipliers.append((small.value, small.end, small.exact))
        for multiplier, at, exact in multipliers:
            for word, word_exact in self._words(at, ("hundred",)):
                head = _Parse(multiplier * 100, at + 1, word.ordinal, exact + word_exact, False)
                yield from self._after_hundred(head)

    def _after_thousand(self, head: _Parse) -> Iterator[_Parse]:
        """The rest of a numeral after its "thousand": nothing, or an optional "and" and 1..999."""
        yield head
        if head.ordinal:
            return
        starts = [head.end, head.end + 1] if self._is(head.end, "and") else [head.end]
        for start in starts:
            for rest in self.group(start, bare=False):
                if rest.value < 1000:
                    yield _Parse(
                        head.value + rest.value, rest.end, rest.ordinal, head.exact + rest.exact, False
                    )

    def numeral(self, i: int) -> Iterator[_Parse]:
        """Every reading of a whole numeral starting at token ``i``."""
        multipliers: list[tuple[int, int, int]] = [(1, i, 0)]  # (multiplier, index of "thousand", exact)
        if self._is(i, "a"):
            multipliers.append((1, i + 1, 0))
        for group in self.group(i, bare=True):
            yield group
            if group.ordinal:
                continue
            if group.value < 1000:
                multipliers.append((group.value, group.end, group.exact))
            if group.plain and 11 <= group.value <= 20:
                for tail in self.below_hundred(group.end):
                    if tail.value >= 10:
                        yield _Parse(
                            group.value * 100 + tail.value,
                            tail.end,
                            tail.ordinal,
                            group.exact + tail.exact,
                            False,
                            True,
                        )
        for multiplier, at, exact in multipliers:
            for word, word_exact in self._words(at, ("thousand",)):
                head = _Parse(multiplier * 1000, at + 1, word.ordinal, exact + word_exact, False)
                yield from self._after_thousand(head)


def _best_numeral(parser: _Parser, i: int) -> _Parse | None:
    """The longest reading at ``i`` that holds an exactly spelled number word.

    Among readings of the same length, more exactly spelled words win, then a regular numeral over a
    spoken year, then the first reading found.
    """
    best: _Parse | None = None
    for parse in parser.numeral(i):
        if parse.exact == 0:
            continue
        if best is None or (parse.end, parse.exact, not parse.year) > (best.end, best.exact, not best.year):
            best = parse
    return best


@lru_cache(maxsize=65_536)
def fold_number_words(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Every run of English number words as digit tokens, other tokens unchanged and in order.

    ("brigade", "forty", "four") -> ("brigade", "44"); ("first", "national", "bank") -> ("1", "national",
    "bank"); ("one", "hundred", "and", "five") -> ("105",); ("seven", "eleven") -> ("7", "11"). A name
    without number words comes back as it was. Folding is idempotent: its output holds no number words.
    """
    if not any(_readings(token) for token in tokens):
        return tokens
    parser = _Parser(tokens)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        parse = _best_numeral(parser, i)
        if parse is None:
            out.append(tokens[i])
            i += 1
        else:
            out.append(str(parse.value))
            i = parse.end
    return tuple(out)
