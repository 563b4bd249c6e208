"""Registry CSVs: tables recognised by header, stakes parsed from text, errors that name the line."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chokepoint.model import ListVersion
from chokepoint.network.frames import GraphFrames, frames_from_entities
from chokepoint.network.generator import generate
from chokepoint.network.graph import build_graph
from chokepoint.network.ownership import ownership_verdicts
from chokepoint.network.registry import RegistryFormatError, read_registry
from chokepoint.sources import ftm


def test_shareholders_table_reads_stakes_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "shareholders.csv"
    path.write_text(
        "company_id,holder_id,holder_name,holder_type,percentage,end_date\n"
        "hk-1,kp-1,Korea Ryonbong,company,majority,\n"
        "hk-1,cn-2,Chen Wei,person,25-40%,2020-03\n"
    )
    frames = read_registry(path)
    rows = frames.edges.sort("source").to_dicts()
    assert [r["source"] for r in rows] == ["cn-2", "kp-1"]
    assert (rows[0]["pct_min"], rows[0]["pct_max"]) == (25.0, 40.0)
    assert rows[0]["end"].isoformat() == "2020-03-31"
    assert rows[1]["pct_min"] > 50.0 and rows[1]["evidence"] == "shareholders.csv:shareholders line 2"
    assert dict(frames.nodes.select("id", "schema").iter_rows()) == {"kp-1": "Company", "cn-2": "Person"}


def test_companies_table_gives_value_nodes(tmp_path: Path) -> None:
    path = tmp_path / "companies.csv"
    path.write_text(
        "company_id,name,jurisdiction,phone,address\n"
        'a,Alpha Ltd,cn,(0411) 8123 4567,"Room 1, 2 Harbour Rd"\n'
        "b,Beta Ltd,cn,+86 411 8123 4567,room 1 2 harbour rd\n"
    )
    graph = build_graph(read_registry(path))
    values = graph.nodes.filter(graph.nodes["is_value"])["id"].to_list()
    assert values == ["address:room 1 2 harbour rd", "phone:+8641181234567"]


def test_a_bad_percentage_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "holders.csv"
    path.write_text("company_id,holder_id,percentage\na,b,50%\na,c,lots\n")
    with pytest.raises(RegistryFormatError, match=r"holders.csv, record line 3: cannot read 'lots'"):
        read_registry(path)


def test_an_unknown_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("foo,bar\n1,2\n")
    with pytest.raises(RegistryFormatError, match="not a registry table"):
        read_registry(path)


def test_a_written_registry_reads_back_to_the_same_verdicts(tmp_path: Path) -> None:
    registry = generate(2_000, seed=3)
    paths = registry.write_registry(tmp_path / "registry")
    version = ListVersion.of_file("ftm", paths["listed"])
    from_files = GraphFrames.concat(
        [read_registry(tmp_path / "registry"), frames_from_entities(ftm.read(paths["listed"], version))]
    )
    graph_files, graph_arrays = build_graph(from_files), build_graph(registry.to_frames())
    files = ownership_verdicts(graph_files)
    arrays = ownership_verdicts(graph_arrays)
    for i in range(graph_files.node_count):
        node = graph_files.node_id(i)
        assert files.verdict(i) == arrays.verdict(graph_arrays.index(node)), node


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.text(min_size=0, max_size=8), st.text(min_size=0, max_size=8), st.text(max_size=10)),
        min_size=1,
        max_size=5,
    )
)
def test_any_shareholder_cells_give_frames_or_a_typed_error(
    tmp_path: Path, rows: list[tuple[str, str, str]]
) -> None:
    path = tmp_path / "fuzz.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["company_id", "holder_id", "percentage", "start_date"])
        for company, holder, stake in rows:
            writer.writerow([company, holder, stake, stake])
    try:
        frames = read_registry(path)
    except RegistryFormatError:
        return
    assert frames.edges.height == len(rows)
    assert (frames.edges["pct_min"] <= frames.edges["pct_max"]).all()
