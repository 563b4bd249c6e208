"""The speed-ups of the screening hot paths give exactly what the plain computations give."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.screening.align import DEFAULT_CONFIG, _paired, align
from chokepoint.screening.names import clean, script_of
from chokepoint.screening.records import QueryError, _check_name
from chokepoint.screening.variants import _SKELETON_RULES, canonical_spelling, skeleton
from chokepoint.screening.wadegiles import _segmentations

TOKEN = st.text(alphabet="abcdeghijkloprstuwxyz0'ŏŭ", min_size=1, max_size=10)
WORDS = st.lists(
    st.sampled_from(["kim", "jong", "un", "bin", "salman", "corp", "11", "a", "al", "ri"]), max_size=5
)


def _plain_skeleton(token: str) -> str:
    """Every rule applied, none skipped: what ``skeleton`` must equal."""
    key = canonical_spelling(token)
    for pattern, replacement, _ in _SKELETON_RULES:
        key = re.sub(pattern, replacement, key)
    return key


@given(TOKEN)
@settings(max_examples=2000)
def test_skeleton_skips_only_rules_that_cannot_match(token: str) -> None:
    assert skeleton(token) == _plain_skeleton(token)


@given(WORDS, st.booleans())
def test_literal_alignment_is_the_paired_alignment(tokens: list[str], acronyms: bool) -> None:
    form = tuple(tokens)
    fast = align(form, form, acronyms=acronyms)
    slow = _paired(form, form, "romanized", DEFAULT_CONFIG, acronyms)
    assert fast == slow


@given(st.text(max_size=30))
def test_ascii_fast_paths_agree_with_unicode_tables(text: str) -> None:
    plain = "".join(
        " " if unicodedata.category(c)[0] in "CZ" else c for c in unicodedata.normalize("NFKC", text)
    )
    if text.isascii():
        assert clean(text) == plain.strip()
        assert script_of(text) == "LATIN"
        controls = any(unicodedata.category(c) == "Cc" for c in text)
        try:
            _check_name(text, None)
            raised = False
        except QueryError:
            raised = True
        assert raised == (not text.strip() or controls)


def test_segmentations_cut_into_syllables() -> None:
    assert ("chin", "ping") in _segmentations("chinping")
    assert _segmentations("mao") == [("mao",)]
