"""Class-of-transaction rules: dated versions, citations, per-run parameter overrides."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from chokepoint.payments.rules import RuleBook, RuleBookError


def test_every_packaged_rule_has_a_citation_an_action_and_a_date() -> None:
    book = RuleBook.default()
    assert {"sanctioned-party", "dprk-financial-institution", "dprk-commodity", "network-proximity"} <= set(
        book.ids()
    )
    for rule_id in book.ids():
        for rule in book.versions(rule_id):
            assert rule.citation and rule.action in ("block", "report", "enhanced_due_diligence")


def test_the_1010_659_prohibition_applies_from_its_publication_date() -> None:
    book = RuleBook.default()
    rule = book.rule("dprk-financial-institution", date(2017, 1, 1))
    assert rule is not None and "1010.659" in rule.citation and rule.action == "block"
    assert book.rule("dprk-financial-institution", date(2016, 11, 8)) is None


def test_newest_version_in_force_wins(tmp_path: Path) -> None:
    path = tmp_path / "rules.yml"
    path.write_text(
        "- {id: r, version: 1, effective: 2020-01-01, expires: 2022-01-01, title: t, citation: c1,"
        " action: report}\n"
        "- {id: r, version: 2, effective: 2022-01-01, title: t, citation: c2, action: block}\n"
    )
    book = RuleBook.from_file(path)
    old = book.rule("r", date(2021, 6, 1))
    new = book.rule("r", date(2023, 6, 1))
    assert old is not None and old.label == "r@v1" and old.action == "report"
    assert new is not None and new.label == "r@v2" and new.action == "block"


def test_parameters_are_overridden_per_run() -> None:
    book = RuleBook.default().with_parameters({"network-proximity": {"max_hops": 3}})
    rule = book.rule("network-proximity")
    assert rule is not None and rule.param("max_hops") == 3
    with pytest.raises(KeyError):
        RuleBook.default().with_parameters({"no-such-rule": {}})


def test_bad_action_names_file_and_rule(tmp_path: Path) -> None:
    path = tmp_path / "rules.yml"
    path.write_text("- {id: r, version: 1, effective: 2020-01-01, title: t, citation: c, action: shrug}\n")
    with pytest.raises(RuleBookError, match=r"rules.yml, record rule 1 \(r\): unknown action"):
        RuleBook.from_file(path)
