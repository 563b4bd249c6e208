"""FollowTheMoney JSON lines: import and export, so OpenSanctions and Aleph data interoperate.

Each line is one entity: ``{"id", "schema", "properties"}`` plus, when Chokepoint wrote it, a
``provenance`` object. Imported entities keep their own ids; their provenance names this file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO

from followthemoney import EntityProxy, model
from followthemoney.exc import InvalidData

from chokepoint.errors import SourceFormatError
from chokepoint.model import ListVersion

SOURCE = "ftm"
TITLE = "FollowTheMoney JSON lines (OpenSanctions, Aleph)"
MAX_LINE_BYTES = 16 << 20
"""The longest line accepted (16 MiB); a longer one is refused as hostile or broken."""


def publication_date(path: Path) -> date | None:
    """FtM files carry no publication date of their own."""
    return None


def read(path: Path, version: ListVersion) -> Iterator[EntityProxy]:
    """Stream the entities of an FtM JSON lines file, attaching this file's provenance."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise SourceFormatError(path, None, f"cannot read file: {exc}") from exc
    with handle:
        for number, raw in enumerate(iter(lambda: handle.readline(MAX_LINE_BYTES + 1), b""), start=1):
            if len(raw) > MAX_LINE_BYTES:
                raise SourceFormatError(path, f"line {number}", f"line longer than {MAX_LINE_BYTES:,} bytes")
            if not raw.strip():
                continue
            yield _parse_line(path, number, raw, version)


def _parse_line(path: Path, number: int, raw: bytes, version: ListVersion) -> EntityProxy:
    where = f"line {number}"
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SourceFormatError(path, where, f"not UTF-8: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise SourceFormatError(path, where, f"invalid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(data, dict) or not data.get("id") or not data.get("schema"):
        raise SourceFormatError(path, where, "an FtM entity needs an object with 'id' and 'schema'")
    if model.get(data["schema"]) is None:
        raise SourceFormatError(path, where, f"unknown FtM schema {data['schema']!r}")
    try:
        entity = model.get_proxy(
            {"id": data["id"], "schema": data["schema"], "properties": data.get("properties") or {}},
            cleaned=False,
        )
    except (InvalidData, TypeError, ValueError) as exc:
        raise SourceFormatError(path, f"{where} ({data['id']})", f"invalid entity: {exc}") from exc
    entity.context = {
        "provenance": {
            "source": version.source,
            "record": str(data["id"]),
            "version": version.version_id,
            "published": version.published.isoformat() if version.published else None,
            "sha256": version.sha256,
            "retrieved_at": version.retrieved_at.isoformat(),
            "origin": data.get("provenance"),
        }
    }
    return entity


def dump_entity(entity: EntityProxy) -> str:
    """One FtM JSON line: id, schema, properties and provenance."""
    data = entity.to_dict()
    line = {"id": data["id"], "schema": data["schema"], "properties": data["properties"]}
    provenance = entity.context.get("provenance")
    if provenance:
        line["provenance"] = provenance
    return json.dumps(line, ensure_ascii=False, sort_keys=True)


def write_ftm(entities: Iterable[EntityProxy], output: Path | str) -> int:
    """Write entities as FtM JSON lines to ``output`` ('-' for stdout); returns how many."""
    if str(output) == "-":
        return _write(entities, sys.stdout)
    target = Path(output)
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        count = _write(entities, handle)
    partial.replace(target)
    return count


def _write(entities: Iterable[EntityProxy], handle: IO[str]) -> int:
    count = 0
    for entity in entities:
        handle.write(dump_entity(entity) + "\n")
        count += 1
    return count
