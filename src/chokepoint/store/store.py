"""Snapshots, diffs and as-of lookups over FtM entities in DuckDB.

Layout (one DuckDB file, ``<home>/chokepoint.duckdb``):

- ``versions``: one row per loaded version of a source (publication date, sha256, when retrieved and
  loaded, entity count). A version is identified by ``<published>-<sha256 prefix>``.
- ``records``: content-addressed entity states: ``(id, hash)`` with schema, caption, the FtM
  properties as JSON and the source record key. An entity that did not change between two versions
  is stored once.
- ``members``: which entity states make up which version of a source.

A load parses the whole file first, then writes version, records and members in one transaction:
a load that fails or is killed leaves the previous state exactly as it was. Loading a file whose
sha256 is already stored for that source changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from followthemoney import EntityProxy, model

from chokepoint.config import home_dir
from chokepoint.errors import NotFoundError, StoreError
from chokepoint.model import ListVersion

DB_NAME = "chokepoint.duckdb"

_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS versions (
    source VARCHAR NOT NULL,
    version_id VARCHAR NOT NULL,
    published DATE,
    sha256 VARCHAR NOT NULL,
    retrieved_at TIMESTAMP NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    path VARCHAR,
    entity_count INTEGER NOT NULL,
    PRIMARY KEY (source, version_id)
);
CREATE TABLE IF NOT EXISTS records (
    id VARCHAR NOT NULL,
    hash VARCHAR NOT NULL,
    schema VARCHAR NOT NULL,
    caption VARCHAR,
    record VARCHAR,
    properties VARCHAR NOT NULL,
    PRIMARY KEY (id, hash)
);
CREATE TABLE IF NOT EXISTS members (
    source VARCHAR NOT NULL,
    version_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    hash VARCHAR NOT NULL
);
"""


@dataclass(frozen=True)
class VersionInfo:
    """One stored version of a source."""

    source: str
    version_id: str
    published: date | None
    sha256: str
    retrieved_at: datetime
    loaded_at: datetime
    path: str | None
    entity_count: int


@dataclass(frozen=True)
class LoadResult:
    """What a load did: the version and whether it was new."""

    version: VersionInfo
    created: bool
    added: int = 0
    removed: int = 0
    changed: int = 0


@dataclass(frozen=True)
class EntityChange:
    """One entity that differs between two versions, with the properties that changed."""

    id: str
    schema: str
    caption: str | None
    change: str  # "added" | "removed" | "changed"
    properties: dict[str, dict[str, list[str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceDiff:
    """All differences between two versions of one source."""

    source: str
    old: str | None
    new: str
    changes: list[EntityChange]

    def count(self, kind: str) -> int:
        return sum(1 for change in self.changes if change.change == kind)


def _properties_json(entity: EntityProxy) -> str:
    props = {name: sorted(values) for name, values in entity.to_dict()["properties"].items()}
    return json.dumps(props, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _state_hash(schema: str, properties: str) -> str:
    return hashlib.sha256(f"{schema}\x1f{properties}".encode()).hexdigest()[:32]


class Store:
    """The embedded store under a home folder (see ``chokepoint.config.home_dir``)."""

    def __init__(self, home: Path | str | None = None) -> None:
        self.home = home_dir(home)
        self.path = self.home / DB_NAME

    @contextmanager
    def _connect(self, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
        if read_only and not self.path.exists():
            raise NotFoundError(
                f"no store at {self.path}: load a list first (chokepoint lists load SOURCE PATH)"
            )
        self.home.mkdir(parents=True, exist_ok=True)
        try:
            conn = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
        try:
            if not read_only:
                conn.execute(_SCHEMA_SQL)
            yield conn
        finally:
            conn.close()

    def exists(self) -> bool:
        return self.path.exists()

    # -- writing -----------------------------------------------------------------------------------

    def load(
        self,
        version: ListVersion,
        entities: Iterable[EntityProxy],
        progress: Callable[[int], None] | None = None,
    ) -> LoadResult:
        """Store one version of a source atomically; a version already stored is left as it is.

        ``entities`` is consumed fully before anything is written, so a reader error leaves the store
        untouched. Raises ``StoreError`` on duplicate entity ids within the version.
        """
        existing = self._existing_version(version)
        if existing is not None:
            return LoadResult(existing, created=False)
        ids: list[str] = []
        hashes: list[str] = []
        schemas: list[str] = []
        captions: list[str | None] = []
        records: list[str | None] = []
        props: list[str] = []
        seen: set[str] = set()
        for entity in entities:
            if entity.id is None:
                raise StoreError(f"{version.source}: an entity of schema {entity.schema.name} has no id")
            if entity.id in seen:
                raise StoreError(f"{version.source}: entity id {entity.id} occurs twice in one version")
            seen.add(entity.id)
            properties = _properties_json(entity)
            provenance = entity.context.get("provenance") or {}
            ids.append(entity.id)
            hashes.append(_state_hash(entity.schema.name, properties))
            schemas.append(entity.schema.name)
            captions.append(entity.caption)
            records.append(provenance.get("record"))
            props.append(properties)
            if progress is not None and len(ids) % 1000 == 0:
                progress(len(ids))
        batch = pa.table(
            {
                "id": ids,
                "hash": hashes,
                "schema": schemas,
                "caption": captions,
                "record": records,
                "properties": props,
            }
        )
        loaded_at = datetime.now(UTC).replace(tzinfo=None)
        with self._connect(read_only=False) as conn:
            conn.execute("BEGIN TRANSACTION")
            try:
                previous = self._latest_version_id(conn, version.source)
                conn.execute(
                    "INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        version.source,
                        version.version_id,
                        version.published,
                        version.sha256,
                        version.retrieved_at.astimezone(UTC).replace(tzinfo=None),
                        loaded_at,
                        version.path,
                        len(ids),
                    ],
                )
                conn.register("batch", batch)
                conn.execute(
                    "INSERT INTO records SELECT b.id, b.hash, b.schema, b.caption, b.record, b.properties "
                    "FROM batch b ANTI JOIN records r ON r.id = b.id AND r.hash = b.hash"
                )
                conn.execute(
                    "INSERT INTO members SELECT ?, ?, id, hash FROM batch",
                    [version.source, version.version_id],
                )
                conn.unregister("batch")
                counts = self._change_counts(conn, version.source, previous, version.version_id)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        info = self.version(version.source, version.version_id)
        return LoadResult(info, created=True, **counts)

    def _existing_version(self, version: ListVersion) -> VersionInfo | None:
        if not self.exists():
            return None
        with self._connect(read_only=True) as conn:
            row = conn.execute(
                "SELECT version_id FROM versions WHERE source = ? AND sha256 = ?",
                [version.source, version.sha256],
            ).fetchone()
        return self.version(version.source, row[0]) if row else None

    @staticmethod
    def _latest_version_id(conn: duckdb.DuckDBPyConnection, source: str) -> str | None:
        row = conn.execute(
            "SELECT version_id FROM versions WHERE source = ? "
            "ORDER BY published DESC NULLS LAST, loaded_at DESC LIMIT 1",
            [source],
        ).fetchone()
        return str(row[0]) if row else None

    @staticmethod
    def _change_counts(
        conn: duckdb.DuckDBPyConnection, source: str, old: str | None, new: str
    ) -> dict[str, int]:
        row = conn.execute(
            """
            SELECT
              count(*) FILTER (WHERE o.id IS NULL),
              count(*) FILTER (WHERE n.id IS NULL),
              count(*) FILTER (WHERE o.id IS NOT NULL AND n.id IS NOT NULL AND o.hash <> n.hash)
            FROM (SELECT id, hash FROM members WHERE source = $1 AND version_id = $2) o
            FULL OUTER JOIN (SELECT id, hash FROM members WHERE source = $1 AND version_id = $3) n
              ON o.id = n.id
            """,
            [source, old or "", new],
        ).fetchone()
        assert row is not None
        return {"added": int(row[0]), "removed": int(row[1]), "changed": int(row[2])}

    # -- reading versions --------------------------------------------------------------------------

    def versions(self, source: str | None = None) -> list[VersionInfo]:
        """Stored versions, oldest first, optionally of one source."""
        if not self.exists():
            return []
        sql = "SELECT * FROM versions"
        params: list[Any] = []
        if source is not None:
            sql += " WHERE source = ?"
            params.append(source)
        sql += " ORDER BY source, published NULLS FIRST, loaded_at"
        with self._connect(read_only=True) as conn:
            rows = conn.execute(sql, params).fetchall()
        return [VersionInfo(*row) for row in rows]

    def version(self, source: str, version_id: str) -> VersionInfo:
        """One stored version; ``NotFoundError`` if there is none with that id."""
        for info in self.versions(source):
            if info.version_id == version_id:
                return info
        raise NotFoundError(f"source {source} has no version {version_id}")

    def current_versions(self, as_of: date | None = None) -> dict[str, VersionInfo]:
        """For each source, the newest version published on or before ``as_of`` (default: newest)."""
        current: dict[str, VersionInfo] = {}
        for info in self.versions():
            if as_of is not None and _version_day(info) > as_of:
                continue
            best = current.get(info.source)
            if best is None or _version_key(info) >= _version_key(best):
                current[info.source] = info
        return current

    def sources(self) -> list[str]:
        return sorted({info.source for info in self.versions()})

    # -- reading entities --------------------------------------------------------------------------

    def entities(
        self,
        sources: Iterable[str] | None = None,
        schemata: Iterable[str] | None = None,
        as_of: date | None = None,
    ) -> Iterator[EntityProxy]:
        """The entities of the current version of each source (or of the version in force ``as_of``)."""
        current = self.current_versions(as_of)
        wanted = set(sources) if sources is not None else set(current)
        pairs = [(s, v.version_id) for s, v in current.items() if s in wanted]
        if not pairs:
            return
        schema_filter = _expand_schemata(schemata)
        # Rows are fetched and the connection closed before the first entity is yielded, so a caller
        # that stops early never leaves a DuckDB connection open.
        with self._connect(read_only=True) as conn:
            batches = [
                (current[source], self._member_rows(conn, source, version_id, schema_filter))
                for source, version_id in pairs
            ]
        for info, rows in batches:
            for entity_id, schema, record, properties in rows:
                yield _to_entity(entity_id, schema, record, properties, info)

    @staticmethod
    def _member_rows(
        conn: duckdb.DuckDBPyConnection, source: str, version_id: str, schema_filter: set[str] | None
    ) -> list[tuple[str, str, str | None, str]]:
        sql = (
            "SELECT r.id, r.schema, r.record, r.properties FROM members m "
            "JOIN records r ON r.id = m.id AND r.hash = m.hash "
            "WHERE m.source = ? AND m.version_id = ?"
        )
        params: list[Any] = [source, version_id]
        if schema_filter is not None:
            sql += " AND r.schema IN (SELECT unnest(?))"
            params.append(sorted(schema_filter))
        sql += " ORDER BY r.id"
        return conn.execute(sql, params).fetchall()

    def get(self, entity_id: str, as_of: date | None = None) -> EntityProxy:
        """One entity as it stands in the current version of its source (or ``as_of`` a date)."""
        current = self.current_versions(as_of)
        with self._connect(read_only=True) as conn:
            for source, info in current.items():
                row = conn.execute(
                    "SELECT r.schema, r.record, r.properties FROM members m "
                    "JOIN records r ON r.id = m.id AND r.hash = m.hash "
                    "WHERE m.source = ? AND m.version_id = ? AND m.id = ?",
                    [source, info.version_id, entity_id],
                ).fetchone()
                if row is not None:
                    return _to_entity(entity_id, row[0], row[1], row[2], info)
        when = f" as of {as_of.isoformat()}" if as_of else ""
        raise NotFoundError(f"no entity {entity_id}{when}")

    def referencing(self, entity_id: str, as_of: date | None = None) -> list[EntityProxy]:
        """Entities in the current versions whose entity-typed properties point at ``entity_id``."""
        current = self.current_versions(as_of)
        found: list[EntityProxy] = []
        needle = json.dumps(entity_id)
        with self._connect(read_only=True) as conn:
            for source, info in current.items():
                rows = conn.execute(
                    "SELECT r.id, r.schema, r.record, r.properties FROM members m "
                    "JOIN records r ON r.id = m.id AND r.hash = m.hash "
                    "WHERE m.source = ? AND m.version_id = ? AND contains(r.properties, ?) "
                    "ORDER BY r.id",
                    [source, info.version_id, needle],
                ).fetchall()
                for rid, schema, record, properties in rows:
                    entity = _to_entity(rid, schema, record, properties, info)
                    if _points_at(entity, entity_id):
                        found.append(entity)
        return found

    def counts(self, as_of: date | None = None) -> dict[str, dict[str, dict[str, int]]]:
        """Per current source: ``{"schemata": {schema: n}, "programmes": {programme id: n}}``."""
        current = self.current_versions(as_of)
        out: dict[str, dict[str, dict[str, int]]] = {}
        base = (
            "FROM members m JOIN records r ON r.id = m.id AND r.hash = m.hash "
            "WHERE m.source = ? AND m.version_id = ?"
        )
        with self._connect(read_only=True) as conn:
            for source, info in sorted(current.items()):
                params = [source, info.version_id]
                schemata = conn.execute(f"SELECT r.schema, count(*) {base} GROUP BY 1 ORDER BY 1", params)
                by_schema = {str(s): int(n) for s, n in schemata.fetchall()}
                programmes = conn.execute(
                    "SELECT prog, count(*) FROM (SELECT unnest(CAST(json_extract(r.properties, "
                    f"'$.programId') AS VARCHAR[])) AS prog {base} AND r.schema <> 'Sanction') "
                    "GROUP BY 1 ORDER BY 1",
                    params,
                )
                by_programme = {str(p): int(n) for p, n in programmes.fetchall()}
                out[source] = {"schemata": by_schema, "programmes": by_programme}
        return out

    def diff(self, source: str, old: str | None = None, new: str | None = None) -> SourceDiff:
        """Added, removed and changed entities between two versions (default: the last two)."""
        history = self.versions(source)
        if not history:
            raise NotFoundError(f"no versions of source {source}")
        ordered = sorted(history, key=_version_key)
        ids = [v.version_id for v in ordered]
        for wanted in (old, new):
            if wanted is not None and wanted not in ids:
                raise NotFoundError(f"source {source} has no version {wanted}; versions: {', '.join(ids)}")
        new_id = new or ids[-1]
        if old is None:
            position = ids.index(new_id)
            old_id = ids[position - 1] if position > 0 else None
        else:
            old_id = old
        with self._connect(read_only=True) as conn:
            rows = conn.execute(
                """
                SELECT coalesce(o.id, n.id), ro.schema, ro.caption, ro.properties,
                       rn.schema, rn.caption, rn.properties
                FROM (SELECT id, hash FROM members WHERE source = $1 AND version_id = $2) o
                FULL OUTER JOIN (SELECT id, hash FROM members WHERE source = $1 AND version_id = $3) n
                  ON o.id = n.id
                LEFT JOIN records ro ON ro.id = o.id AND ro.hash = o.hash
                LEFT JOIN records rn ON rn.id = n.id AND rn.hash = n.hash
                WHERE o.id IS NULL OR n.id IS NULL OR o.hash <> n.hash
                ORDER BY 1
                """,
                [source, old_id or "", new_id],
            ).fetchall()
        changes = [_change(*row) for row in rows]
        return SourceDiff(source=source, old=old_id, new=new_id, changes=changes)


def _change(
    entity_id: str,
    old_schema: str | None,
    old_caption: str | None,
    old_props: str | None,
    new_schema: str | None,
    new_caption: str | None,
    new_props: str | None,
) -> EntityChange:
    if old_props is None:
        assert new_schema is not None
        return EntityChange(entity_id, new_schema, new_caption, "added")
    if new_props is None:
        assert old_schema is not None
        return EntityChange(entity_id, old_schema, old_caption, "removed")
    before: dict[str, list[str]] = json.loads(old_props)
    after: dict[str, list[str]] = json.loads(new_props)
    changed: dict[str, dict[str, list[str]]] = {}
    for prop in sorted(set(before) | set(after)):
        old_values, new_values = set(before.get(prop, [])), set(after.get(prop, []))
        if old_values != new_values:
            changed[prop] = {
                "added": sorted(new_values - old_values),
                "removed": sorted(old_values - new_values),
            }
    return EntityChange(entity_id, new_schema or old_schema or "", new_caption, "changed", changed)


def _to_entity(
    entity_id: str, schema: str, record: str | None, properties: str, info: VersionInfo
) -> EntityProxy:
    entity = model.get_proxy(
        {"id": entity_id, "schema": schema, "properties": json.loads(properties)}, cleaned=True
    )
    entity.context = {
        "provenance": {
            "source": info.source,
            "record": record,
            "version": info.version_id,
            "published": info.published.isoformat() if info.published else None,
            "sha256": info.sha256,
            "retrieved_at": info.retrieved_at.replace(tzinfo=UTC).isoformat(),
        }
    }
    return entity


def _points_at(entity: EntityProxy, entity_id: str) -> bool:
    return any(
        prop.type.name == "entity" and entity_id in entity.get(prop)
        for prop in entity.schema.properties.values()
    )


def _version_day(info: VersionInfo) -> date:
    return info.published or info.retrieved_at.date()


def _version_key(info: VersionInfo) -> tuple[date, datetime]:
    return (_version_day(info), info.loaded_at)


def _expand_schemata(schemata: Iterable[str] | None) -> set[str] | None:
    """Schema names plus every schema that extends them (``LegalEntity`` includes ``Company``)."""
    if schemata is None:
        return None
    wanted: set[str] = set()
    for name in schemata:
        schema = model.get(name)
        if schema is None:
            raise NotFoundError(f"unknown FtM schema {name!r}")
        wanted.update(s.name for s in model.schemata.values() if s.is_a(schema))
    return wanted
