"""Class-of-transaction rules as versioned, dated legal objects read from ``data/rules.yml``.

A ``LegalRule`` names what the law requires (its citation), since when (``effective``), until when
(``expires``), the action a covered institution must take on a hit and the rule's parameters. The
rule book picks, for each rule id, the newest version in force on a payment's settlement date, so
old payments are judged by the law of their day. Parameters can be overridden per run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml  # type: ignore[import-untyped]

from chokepoint.errors import InputError

Action = Literal["block", "report", "enhanced_due_diligence"]
ACTIONS: tuple[Action, ...] = ("block", "report", "enhanced_due_diligence")
ACTION_RANK: dict[str, int] = {"block": 3, "enhanced_due_diligence": 2, "report": 1}
"""Severity order: one message's strongest action decides how it is handled."""


class RuleBookError(InputError):
    """A rules file is malformed: names the file, the rule and the reason."""


@dataclass(frozen=True)
class LegalRule:
    """One version of one rule: its legal citation, dates, required action and parameters."""

    id: str
    version: int
    effective: date
    title: str
    citation: str
    action: Action
    parameters: Mapping[str, Any] = field(default_factory=dict)
    expires: date | None = None

    def in_force(self, on: date) -> bool:
        return self.effective <= on and (self.expires is None or on < self.expires)

    def param(self, name: str) -> Any:
        if name not in self.parameters:
            raise KeyError(f"rule {self.id} v{self.version} has no parameter {name!r}")
        return self.parameters[name]

    @property
    def label(self) -> str:
        """``id@vN``: how evidence refers to the rule version applied."""
        return f"{self.id}@v{self.version}"


class RuleBook:
    """All versions of all rules; ``rule(id, on)`` gives the version in force on a date."""

    def __init__(self, rules: list[LegalRule]) -> None:
        self._versions: dict[str, list[LegalRule]] = {}
        for rule in sorted(rules, key=lambda r: (r.id, r.effective, r.version)):
            self._versions.setdefault(rule.id, []).append(rule)

    @classmethod
    def default(cls) -> RuleBook:
        """The rules shipped with Chokepoint (``chokepoint/payments/data/rules.yml``)."""
        text = resources.files("chokepoint.payments").joinpath("data/rules.yml").read_text("utf-8")
        return cls(_parse(text, "rules.yml"))

    @classmethod
    def from_file(cls, path: Path) -> RuleBook:
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise RuleBookError(path, None, f"cannot read rules: {exc}") from exc
        return cls(_parse(text, str(path)))

    def ids(self) -> list[str]:
        return sorted(self._versions)

    def versions(self, rule_id: str) -> list[LegalRule]:
        return list(self._versions.get(rule_id, []))

    def rule(self, rule_id: str, on: date | None = None) -> LegalRule | None:
        """The newest version of ``rule_id`` in force on ``on`` (today if None); None if none is."""
        day = on or date.today()
        candidates = [r for r in self._versions.get(rule_id, []) if r.in_force(day)]
        return candidates[-1] if candidates else None

    def with_parameters(self, overrides: Mapping[str, Mapping[str, Any]]) -> RuleBook:
        """A copy where ``overrides[rule_id]`` replaces parameters of every version of that rule."""
        unknown = set(overrides) - set(self._versions)
        if unknown:
            raise KeyError(f"no such rules: {', '.join(sorted(unknown))}")
        rules = [
            replace(r, parameters={**r.parameters, **overrides.get(r.id, {})})
            for versions in self._versions.values()
            for r in versions
        ]
        return RuleBook(rules)


def _parse(text: str, source: str) -> list[LegalRule]:
    try:
        rows = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleBookError(source, None, f"malformed YAML: {exc}") from exc
    if not isinstance(rows, list):
        raise RuleBookError(source, None, "expected a list of rules")
    rules: list[LegalRule] = []
    for number, row in enumerate(rows, start=1):
        record = f"rule {number} ({row.get('id', '?') if isinstance(row, dict) else '?'})"
        if not isinstance(row, dict):
            raise RuleBookError(source, record, "a rule must be a mapping")
        try:
            action = row["action"]
            if action not in ACTIONS:
                raise RuleBookError(source, record, f"unknown action {action!r}")
            rules.append(
                LegalRule(
                    id=str(row["id"]),
                    version=int(row["version"]),
                    effective=_day(row["effective"]),
                    title=str(row["title"]),
                    citation=str(row["citation"]),
                    action=action,
                    parameters=dict(row.get("parameters") or {}),
                    expires=_day(row["expires"]) if row.get("expires") else None,
                )
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise RuleBookError(source, record, f"missing or bad field: {exc}") from exc
    return rules


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
