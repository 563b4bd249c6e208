"""The graph = store entities + imported files; imports are content-addressed and cached."""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.errors import InputError
from chokepoint.network.generator import generate
from chokepoint.network.ownership import ownership_verdicts
from chokepoint.network.storage import import_file, imports, load_graph
from chokepoint.sources.load import load_source
from chokepoint.store import Store


def test_imports_are_kept_once_per_content(store: Store, tmp_path: Path) -> None:
    paths = generate(1_000, seed=1).write_registry(tmp_path / "registry")
    first = import_file(store, tmp_path / "registry")
    again = import_file(store, tmp_path / "registry")
    listed = import_file(store, paths["listed"])
    assert first.created and not again.created and first.key == again.key
    assert (first.format, listed.format) == ("registry", "ftm")
    assert [info.key for info in imports(store)] == sorted(
        [first.key, listed.key], key=[first.key, listed.key].index
    )
    assert (store.home / "graph" / "imports" / first.key / "edges.parquet").exists()
    graph = load_graph(store)
    assert graph.listed[graph.index("kp-firm-0")]
    assert graph.index("cn-trading-0") >= 0


def test_unknown_inputs_are_refused(store: Store, tmp_path: Path) -> None:
    odd = tmp_path / "notes.txt"
    odd.write_text("hello")
    with pytest.raises(InputError, match="unknown graph input"):
        import_file(store, odd)
    with pytest.raises(InputError, match="no such file"):
        import_file(store, tmp_path / "missing.csv")


def test_a_registry_stake_in_a_un_listed_entity_blocks_through_the_real_list(
    store: Store, shared_data: Path, tmp_path: Path
) -> None:
    load_source(store, "un-sc", next((shared_data / "lists" / "un").glob("*.xml")))
    registry = tmp_path / "shareholders.csv"
    registry.write_text(
        "company_id,holder_id,holder_name,percentage\n"
        "cn-front,un-sc-KPe.020,Korea Mining Development Trading Corporation,60%\n"
        "hk-shell,cn-front,Front Co,0.5\n"
    )
    import_file(store, registry)
    graph = load_graph(store)
    assert "DPRK" in (graph.describe(graph.index("un-sc-KPe.020"))["programs"] or "")
    result = ownership_verdicts(graph)
    assert result.verdict(graph.index("cn-front")) == "blocked"
    assert result.verdict(graph.index("hk-shell")) == "blocked"
    assert (store.home / "graph" / "cache").is_dir()


def test_a_bad_stake_in_an_ftm_file_names_the_file_and_entity(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "links.jsonl"
    path.write_text(
        '{"id": "own-1", "schema": "Ownership", "properties": '
        '{"owner": ["a"], "asset": ["b"], "percentage": ["lots"]}}\n'
    )
    with pytest.raises(InputError, match=r"links.jsonl, record own-1: cannot read 'lots'"):
        import_file(store, path)
