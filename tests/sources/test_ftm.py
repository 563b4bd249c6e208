"""FtM JSON lines round-trip: what Chokepoint exports, it (and OpenSanctions/Aleph tools) can import."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.errors import SourceFormatError
from chokepoint.model import ListVersion
from chokepoint.sources import ftm
from chokepoint.sources.load import load_source
from chokepoint.store import Store

ENTITIES = [
    {"id": "os-kim", "schema": "Person", "properties": {"name": ["KIM Jong Un"], "topics": ["sanction"]}},
    {
        "id": "os-wallet",
        "schema": "CryptoWallet",
        "properties": {"publicKey": ["0x098B716B8Aaf21512996dC57EB0615e2383E2f96"], "holder": ["os-kim"]},
    },
]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_keeps_ids_and_properties_and_records_provenance(tmp_path: Path, store: Store) -> None:
    path = _write(tmp_path / "in.jsonl", [json.dumps(e) for e in ENTITIES])
    result = load_source(store, "ftm", path)
    assert result.version.entity_count == 2
    wallet = store.get("os-wallet")
    assert wallet.get("holder") == ["os-kim"]
    assert wallet.context["provenance"]["source"] == "ftm"
    assert wallet.context["provenance"]["record"] == "os-wallet"


def test_export_then_import_round_trips(tmp_path: Path, store: Store) -> None:
    load_source(store, "ftm", _write(tmp_path / "in.jsonl", [json.dumps(e) for e in ENTITIES]))
    out = tmp_path / "out.jsonl"
    assert ftm.write_ftm(store.entities(), out) == 2
    exported = [json.loads(line) for line in out.read_text().splitlines()]
    assert {e["id"]: e["properties"] for e in exported} == {e["id"]: e["properties"] for e in ENTITIES}
    assert all(e["provenance"]["source"] == "ftm" for e in exported)
    other = Store(tmp_path / "other")
    assert load_source(other, "ftm", out).version.entity_count == 2


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "x", "schema": "Person", "properties": ', "invalid JSON"),
        ('{"schema": "Person"}', "needs an object"),
        ('{"id": "x", "schema": "Spaceship"}', "unknown FtM schema"),
        ("[1, 2]", "needs an object"),
    ],
)
def test_broken_lines_name_the_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    path = _write(tmp_path / "bad.jsonl", [json.dumps(ENTITIES[0]), line])
    version = ListVersion.of_file("ftm", path)
    with pytest.raises(SourceFormatError, match=reason) as info:
        list(ftm.read(path, version))
    assert info.value.record == "line 2"
    assert str(path) in str(info.value)


def test_non_utf8_bytes_are_refused_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps(ENTITIES[0]).encode() + b"\n" + '{"id": "é"}'.encode("latin-1") + b"\n")
    with pytest.raises(SourceFormatError, match="not UTF-8"):
        list(ftm.read(path, ListVersion.of_file("ftm", path)))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_either_parse_or_raise_a_format_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.jsonl"
    path.write_bytes(data)
    with contextlib.suppress(SourceFormatError):
        list(ftm.read(path, ListVersion.of_file("ftm", path)))
