"""``chokepoint screen NAME``, ``screen batch``, ``screen pairs`` and ``resolve`` from the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from chokepoint.cli import app
from chokepoint.screening.cli import BATCH_COLUMNS
from chokepoint.store import Store

runner = CliRunner()


def _home(store: Store) -> list[str]:
    return ["--home", str(store.home)]


def test_screen_name_as_the_first_word(loaded_store: Store) -> None:
    result = runner.invoke(
        app, ["screen", "Kim Jong Un", "--schema", "Person", "--json", *_home(loaded_store)]
    )
    assert result.exit_code == 0, result.output
    matches = json.loads(result.output)
    assert {m["entity_id"] for m in matches} >= {"un-sc-KPi.075", "ofac-sdn-20157"}
    assert all(m["explanation"] for m in matches)


def test_screen_name_subcommand_screens_a_sub_command_word(loaded_store: Store) -> None:
    result = runner.invoke(app, ["screen", "name", "batch", "--json", *_home(loaded_store)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == []


def test_screen_batch_writes_ranked_rows(loaded_store: Store, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "id,schema,name,birth_date,imo\nq1,Person,Ri Che-son,1938,\nq2,Vessel,CHON MA SAN,,8660313\n"
    )
    out = tmp_path / "out.csv"
    result = runner.invoke(
        app, ["screen", "batch", str(source), "-o", str(out), "--top", "2", *_home(loaded_store)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open()))
    assert tuple(rows[0]) == BATCH_COLUMNS
    assert {r["source_id"] for r in rows if r["query_id"] == "q1"} == {"KPi.002", "12216"}
    assert [r["entity_id"] for r in rows if r["query_id"] == "q2"] == ["ofac-sdn-15036"]
    assert "identifier_match" in json.loads(rows[-1]["explanation"])


def test_screen_batch_names_the_bad_line(loaded_store: Store, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("id,name\nq1,Kim\nq2,\n")
    result = runner.invoke(
        app, ["screen", "batch", str(source), "-o", str(tmp_path / "o.csv"), *_home(loaded_store)]
    )
    assert result.exit_code != 0
    assert "line 3" in str(result.exception) and "empty name" in str(result.exception)


def test_screen_pairs_scores_each_pair(tmp_path: Path) -> None:
    source = tmp_path / "pairs.csv"
    source.write_text("id,schema,name1,name2\np1,Person,김정은,김정은\np2,Person,김종은,김정은\n")
    out = tmp_path / "scores.csv"
    result = runner.invoke(
        app, ["screen", "pairs", str(source), "-o", str(out), "--home", str(tmp_path / "h")]
    )
    assert result.exit_code == 0, result.output
    scores = {r["id"]: float(r["score"]) for r in csv.DictReader(out.open())}
    assert scores["p1"] > scores["p2"] + 0.3


def test_resolve_links_un_and_ofac_records_and_the_entity_view_shows_it(loaded_store: Store) -> None:
    result = runner.invoke(app, ["resolve", "--json", *_home(loaded_store)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["cross_source"] >= 3
    shown = runner.invoke(app, ["entity", "un-sc-KPi.002", "--json", *_home(loaded_store)])
    cluster = json.loads(shown.output)["cluster"]
    assert {m["entity_id"] for m in cluster["members"]} == {"un-sc-KPi.002", "ofac-sdn-12216"}


def test_plain_output_shows_the_entity_id_and_why(loaded_store: Store) -> None:
    result = runner.invoke(app, ["screen", "RI JE SON", *_home(loaded_store)])
    assert result.exit_code == 0, result.output
    assert "[un-sc-KPi.002]" in result.output and "weakest_token" in result.output
