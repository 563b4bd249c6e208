"""The command line end to end on FtM files: load, show, diff, entity, export, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from chokepoint.cli import app

runner = CliRunner()


def _ftm(path: Path, names: dict[str, str]) -> Path:
    lines = []
    for key, name in names.items():
        lines.append(json.dumps({"id": f"x-{key}", "schema": "Company", "properties": {"name": [name]}}))
    sanction = {
        "id": "x-1-sanction",
        "schema": "Sanction",
        "properties": {"entity": ["x-1"], "authority": ["T"]},
    }
    lines.append(json.dumps(sanction))
    path.write_text("\n".join(lines) + "\n")
    return path


def test_load_show_diff_entity_export(tmp_path: Path) -> None:
    home = ["--home", str(tmp_path / "home")]
    first = _ftm(tmp_path / "v1.jsonl", {"1": "Korea Ocean Shipping", "2": "Paekho Trading"})
    second = _ftm(tmp_path / "v2.jsonl", {"1": "Korea Ocean Shipping Co", "3": "Namgang Trading"})

    result = runner.invoke(app, ["lists", "load", "ftm", str(first), *home, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["entities"] == 3
    result = runner.invoke(app, ["lists", "load", "ftm", str(first), *home])
    assert "already loaded" in result.output
    assert runner.invoke(app, ["lists", "load", "ftm", str(second), *home]).exit_code == 0

    shown = json.loads(runner.invoke(app, ["lists", "show", *home, "--json"]).output)
    assert shown[0]["schemata"] == {"Company": 2, "Sanction": 1}
    assert len(shown[0]["versions"]) == 2

    diff = json.loads(runner.invoke(app, ["lists", "diff", "ftm", *home, "--json"]).output)
    assert (diff["added"], diff["removed"], diff["changed"]) == (1, 1, 1)

    entity = json.loads(runner.invoke(app, ["entity", "x-1", *home, "--json"]).output)
    assert entity["names"]["name"] == ["Korea Ocean Shipping Co"]
    assert [s["id"] for s in entity["sanctions"]] == ["x-1-sanction"]

    out = tmp_path / "export.jsonl"
    assert runner.invoke(app, ["export", "ftm", "-o", str(out), *home]).exit_code == 0
    assert len(out.read_text().splitlines()) == 3


def test_errors_are_one_line_and_non_zero(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    process = subprocess.run(
        [sys.executable, "-m", "chokepoint", "lists", "load", "ftm", str(bad), "--home", str(tmp_path / "h")],
        capture_output=True,
        text=True,
    )
    assert process.returncode == 2
    assert "Traceback" not in process.stderr
    assert "bad.jsonl, record line 1: invalid JSON" in process.stderr
    assert not (tmp_path / "h" / "chokepoint.duckdb").exists() or "ftm" not in process.stdout


def test_unknown_source_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["lists", "load", "nope", str(tmp_path), "--home", str(tmp_path / "h")])
    assert result.exit_code != 0
