"""``chokepoint graph …`` end to end on a generated registry."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chokepoint.cli import app


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("graph")
    runner = CliRunner()
    assert (
        runner.invoke(
            app, ["graph", "generate", str(root / "reg"), "--edges", "2000", "--seed", "3"]
        ).exit_code
        == 0
    )
    for path in ("reg", "reg/listed.ftm.jsonl", "reg/accounts.ftm.jsonl"):
        result = runner.invoke(app, ["graph", "load", str(root / path), "--home", str(root / "home")])
        assert result.exit_code == 0, result.output
    return root


def _run(home: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["graph", *args, "--home", str(home / "home")])
    assert result.exit_code == 0, result.output
    return result.output


def test_ownership_writes_the_documented_columns(home: Path) -> None:
    _run(home, "ownership", "-o", str(home / "ofac.csv"))
    _run(home, "ownership", "--rule", "eu", "--as-of", "2024-01-01", "-o", str(home / "eu.csv"))
    with (home / "ofac.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["entity_id", "verdict", "aggregate_min", "aggregate_max", "evidence"]
    verdicts = {row["verdict"] for row in rows}
    assert verdicts <= {"blocked", "possibly_blocked", "not_blocked"} and "blocked" in verdicts
    blocked = next(row for row in rows if row["verdict"] == "blocked" and row["evidence"] != "listed")
    assert float(blocked["aggregate_min"]) >= 50 and "chain:" in blocked["evidence"]


def test_exposure_leads_and_chokepoints_as_json(home: Path) -> None:
    exposure = json.loads(_run(home, "exposure", "cn-front-0", "--k", "2", "--json"))
    assert exposure["score"] > 0 and exposure["paths"][0]["steps"]
    leads = json.loads(_run(home, "leads", "--top", "5", "--json"))
    assert len(leads) == 5 and all(lead["reasons"] for lead in leads)
    report = json.loads(_run(home, "chokepoints", "--seeds", "DPRK", "--top", "2", "--json"))
    assert len(report["picks"]) == 2 and report["channels"] > 0


def test_imports_are_listed(home: Path) -> None:
    listed = json.loads(_run(home, "imports", "--json"))
    assert [info["format"] for info in listed] == ["registry", "ftm", "ftm"]


def test_exports(home: Path) -> None:
    _run(home, "export", "--format", "cytoscape", "--around", "cn-front-0", "-o", str(home / "g.json"))
    elements = json.loads((home / "g.json").read_text())["elements"]
    assert {"cn-front-0"} <= {node["data"]["id"] for node in elements["nodes"]}
    _run(home, "export", "--around", "kp-firm-0", "--hops", "1", "-o", str(home / "g.graphml"))
    assert "<graphml" in (home / "g.graphml").read_text()


def test_errors_are_one_line_not_a_traceback(home: Path) -> None:
    result = CliRunner().invoke(app, ["graph", "exposure", "nobody", "--home", str(home / "home")])
    assert result.exit_code != 0 and "no node nobody" in str(result.exception)
    bad = CliRunner().invoke(app, ["graph", "ownership", "-o", "x.csv", "--as-of", "yesterday"])
    assert bad.exit_code == 2 and "not a date" in bad.output
