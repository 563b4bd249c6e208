"""Find known phrases (place names, vessel names, goods) in free text by token n-gram lookup.

Text is folded to upper-case ASCII tokens; a phrase matches when its token sequence occurs as a whole
run of tokens, so ``COAL`` matches ``STEAM COAL`` but not ``COALITION``. Lookup costs one dict probe
per token and n-gram length, whatever the number of phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from normality import ascii_text

T = TypeVar("T")
_SPLIT_RE = re.compile(r"[^A-Z0-9]+")


@lru_cache(maxsize=1 << 16)
def tokens(text: str) -> tuple[str, ...]:
    """Upper-case ASCII word tokens of ``text`` (apostrophes dropped, so ``P'YONGYANG`` is one token)."""
    folded = text if text.isascii() else (ascii_text(text) or "")
    return tuple(t for t in _SPLIT_RE.split(folded.upper().replace("'", "").replace("’", "")) if t)


def normalise(text: str) -> str:
    """The tokens joined by single spaces: the key used for caches and exact lookups."""
    return " ".join(tokens(text))


@dataclass(frozen=True, slots=True)
class PhraseHit(Generic[T]):
    """A phrase found in a text: the matched words as written in the index and the payload."""

    phrase: str
    payload: T


class PhraseIndex(Generic[T]):
    """Phrases of one to ``max_tokens`` tokens mapped to payloads (e.g. a place row, a vessel id)."""

    def __init__(self, entries: Iterable[tuple[str, T]] = ()) -> None:
        self._phrases: dict[tuple[str, ...], list[T]] = {}
        self._first: set[str] = set()
        """First words of the phrases: a text word not in it starts no phrase, so costs one set probe."""
        self.max_tokens = 0
        for phrase, payload in entries:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: T) -> None:
        key = tokens(phrase)
        if not key:
            return
        self._phrases.setdefault(key, []).append(payload)
        self._first.add(key[0])
        self.max_tokens = max(self.max_tokens, len(key))

    def __len__(self) -> int:
        return len(self._phrases)

    def find(self, text: str) -> list[PhraseHit[T]]:
        """Every indexed phrase occurring in ``text``, longest first at each position, no duplicates."""
        words = tokens(text)
        hits: list[PhraseHit[T]] = []
        seen: set[tuple[str, ...]] = set()
        first = self._first
        for start in range(len(words)):
            if words[start] not in first:
                continue
            for size in range(min(self.max_tokens, len(words) - start), 0, -1):
                key = words[start : start + size]
                payloads = self._phrases.get(key)
                if payloads is not None and key not in seen:
                    seen.add(key)
                    hits.extend(PhraseHit(" ".join(key), p) for p in payloads)
        return hits
