"""Screening: name analysis, candidate index, declared scoring features, calibration, resolution.

``Screener``, ``Query`` and ``Match`` are the public API; they are imported lazily so that reading a
stored cluster (the entity view) does not load the matcher.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chokepoint.screening.records import Query
    from chokepoint.screening.screener import Match, Screener

__all__ = ["Match", "Query", "Screener"]


def __getattr__(name: str) -> Any:
    if name == "Query":
        from chokepoint.screening.records import Query

        return Query
    if name in ("Screener", "Match"):
        from chokepoint.screening import screener

        return getattr(screener, name)
    raise AttributeError(name)
