"""``chokepoint payments screen|dispose|trail|generate`` end to end on a small listed store."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from chokepoint.cli import app
from chokepoint.payments.alerts import CSV_COLUMNS
from chokepoint.store import Store

from .test_mt import MT202COV

runner = CliRunner()


def test_screen_writes_the_csv_columns_and_dispositions_apply(listed_store: Store, tmp_path: Path) -> None:
    payment = tmp_path / "cov.fin"
    payment.write_text(MT202COV)
    out = tmp_path / "alerts.csv"
    home = str(listed_store.home)
    result = runner.invoke(app, ["payments", "screen", str(payment), "-o", str(out), "--home", home])
    assert result.exit_code == 0, result.output
    with out.open() as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    listed = next(r for r in rows if r["rule"] == "sanctioned-party")
    assert listed["message_id"] == "COV-0001" and listed["matched_entity_id"] == "un-sc-KPe.025"
    alert_id = json.loads(listed["evidence"])["alert_id"]

    decided = runner.invoke(
        app,
        [
            "payments",
            "dispose",
            alert_id,
            "--status",
            "false_positive",
            "--who",
            "ana",
            "--why",
            "test",
            "--home",
            home,
        ],
    )
    assert decided.exit_code == 0, decided.output
    again = runner.invoke(app, ["payments", "screen", str(payment), "--json", "--home", home])
    report = json.loads(again.stdout)
    assert report["dismissed_false_positives"] == 1
    assert alert_id not in {a["alert_id"] for a in report["alerts"]}
    trail = runner.invoke(app, ["payments", "trail", "--json", "--home", home])
    assert [d["alert_id"] for d in json.loads(trail.stdout)] == [alert_id]


def test_bad_file_is_one_line_error_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<Document><FIToFICstmrCdtTrf>")
    result = runner.invoke(app, ["payments", "screen", str(bad), "--home", str(tmp_path)])
    assert result.exit_code != 0
    assert "malformed XML" in str(result.exception)


def test_generate_writes_files_and_ground_truth(listed_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "gen"
    result = runner.invoke(
        app,
        [
            "payments",
            "generate",
            str(out),
            "--messages",
            "120",
            "--seed",
            "3",
            "--home",
            str(listed_store.home),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (out / "ground_truth.csv").exists() and list(out.glob("*.xml"))
