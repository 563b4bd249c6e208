"""One screening run over files or request bodies: parse, screen, typologies, dispositions.

The CLI and the REST API both call ``screen_paths`` / ``screen_payload``. The ``PaymentScreener`` of a
store is cached per store file and list versions, so an API server reads the lists once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chokepoint.collector import settle_long_lived
from chokepoint.config import shared_data_dir
from chokepoint.payments.alerts import Alert
from chokepoint.payments.dispositions import DispositionStore
from chokepoint.payments.message import Message
from chokepoint.payments.parse import parse_bytes, parse_files
from chokepoint.payments.screen import Matcher, PaymentScreener
from chokepoint.payments.typologies import find_typologies
from chokepoint.store import Store

_SCREENERS: dict[tuple[str, tuple[str, ...], str], PaymentScreener] = {}


@dataclass
class ScreeningRun:
    """What a run did: messages read, alerts kept and alerts set aside as false positives."""

    messages: int
    alerts: list[Alert] = field(default_factory=list)
    dismissed: int = 0

    def summary(self) -> dict[str, object]:
        by_action: dict[str, int] = {}
        for alert in self.alerts:
            by_action[alert.action] = by_action.get(alert.action, 0) + 1
        flagged = len({(a.source, a.index) for a in self.alerts})
        return {
            "messages": self.messages,
            "alert_count": len(self.alerts),
            "messages_with_alerts": flagged,
            "dismissed_false_positives": self.dismissed,
            "by_action": by_action,
        }


def screener_for(store: Store, matcher: Matcher = "words") -> PaymentScreener:
    """The (cached) screener over the store's current list versions and the shared DPRK tables."""
    versions = (
        tuple(sorted(v.version_id for v in store.current_versions().values())) if store.exists() else ()
    )
    key = (str(store.path.resolve()), versions, matcher)
    if key not in _SCREENERS:
        shared = shared_data_dir()
        _SCREENERS.clear()
        _SCREENERS[key] = PaymentScreener.from_store(
            store, shared if shared.is_dir() else None, matcher=matcher
        )
        settle_long_lived()
    return _SCREENERS[key]


def screen_messages(
    messages: Sequence[Message],
    screener: PaymentScreener,
    dispositions: DispositionStore | None = None,
    *,
    typologies: bool = True,
    include_dismissed: bool = False,
) -> ScreeningRun:
    """Alerts of a batch; decided false positives are set aside unless ``include_dismissed``."""
    alerts = screener.screen_batch(messages)
    if typologies:
        alerts += find_typologies(messages, screener.rules)
    alerts.sort(key=lambda a: (a.source, a.index, a.rule, a.party_role))
    if dispositions is None:
        return ScreeningRun(len(messages), alerts)
    dispositions.remember(alerts)
    kept = dispositions.apply(alerts, include_dismissed=include_dismissed)
    dismissed = len(alerts) - len(
        [a for a in kept if a.disposition is None or a.disposition["status"] != "false_positive"]
    )
    return ScreeningRun(len(messages), kept, dismissed)


def screen_paths(
    paths: Sequence[Path],
    store: Store,
    *,
    typologies: bool = True,
    include_dismissed: bool = False,
    matcher: Matcher = "words",
) -> ScreeningRun:
    messages = parse_files(paths)
    return screen_messages(
        messages,
        screener_for(store, matcher),
        DispositionStore(store.home),
        typologies=typologies,
        include_dismissed=include_dismissed,
    )


def screen_payload(data: bytes, store: Store, source: str = "<request>") -> ScreeningRun:
    return screen_messages(parse_bytes(data, source), screener_for(store), DispositionStore(store.home))
