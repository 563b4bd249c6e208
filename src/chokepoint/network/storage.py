"""Where the graph lives: the store's entities plus imported files kept under ``<home>/graph/``.

``graph load FILE`` turns a registry CSV (or folder) or an FtM JSON lines file into the three frames
and keeps them as Parquet in ``<home>/graph/imports/<sha256 prefix>/`` with a ``meta.json``. The
graph is the store's current entities (or those in force on a date) plus every import. The frames of
the store's part are cached in ``<home>/graph/cache/<key>/``, the key hashing the store versions used,
so a graph is rebuilt only when a list or an import changes; compiled graphs are also kept in memory
for the life of the process (the API serves many queries from one build).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl

from chokepoint.errors import InputError
from chokepoint.model import ListVersion, file_sha256
from chokepoint.network.frames import GraphFrames, frames_from_entities
from chokepoint.network.graph import Graph, build_graph
from chokepoint.network.registry import read_registry
from chokepoint.sources import ftm
from chokepoint.store import Store

GRAPH_DIR = "graph"
FTM_SUFFIXES = (".json", ".jsonl", ".ftm", ".ndjson")
MEMORY_CACHE_SIZE = 2
_FRAME_NAMES = ("nodes", "edges", "values")
_graphs: OrderedDict[str, Graph] = OrderedDict()
_graphs_lock = threading.Lock()  # API requests run on a thread pool


@dataclass(frozen=True)
class ImportInfo:
    """One imported file: its format, content hash and how much it added."""

    key: str
    path: str
    format: str
    sha256: str
    loaded_at: str
    nodes: int
    edges: int
    values: int
    created: bool = True


def _graph_dir(store: Store) -> Path:
    return store.home / GRAPH_DIR


def _write_frames(frames: GraphFrames, folder: Path) -> None:
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for name in _FRAME_NAMES:
        getattr(frames, name).write_parquet(partial / f"{name}.parquet")
    shutil.rmtree(folder, ignore_errors=True)
    partial.replace(folder)


def _read_frames(folder: Path) -> GraphFrames:
    return GraphFrames(*(pl.read_parquet(folder / f"{name}.parquet") for name in _FRAME_NAMES))


def detect_format(path: Path) -> str:
    """``registry`` for a CSV or a folder, ``ftm`` for JSON lines; anything else is refused."""
    if path.is_dir() or path.suffix.lower() == ".csv":
        return "registry"
    if any(path.name.lower().endswith(suffix) for suffix in FTM_SUFFIXES):
        return "ftm"
    raise InputError(path, None, "unknown graph input: give a registry .csv (or folder) or FtM .json/.jsonl")


def import_file(store: Store, path: Path, fmt: str | None = None) -> ImportInfo:
    """Read ``path`` into frames and keep them under ``<home>/graph/imports/``; same content: no-op."""
    if not path.exists():
        raise InputError(path, None, "no such file or folder")
    fmt = fmt or detect_format(path)
    sha = file_sha256(path)
    key = sha[:16]
    folder = _graph_dir(store) / "imports" / key
    if (folder / "meta.json").exists():
        return ImportInfo(**{**json.loads((folder / "meta.json").read_text()), "created": False})
    if fmt == "registry":
        frames = read_registry(path)
    elif fmt == "ftm":
        version = ListVersion(ftm.SOURCE, sha, None, datetime.now(UTC).replace(microsecond=0), str(path))
        frames = frames_from_entities(ftm.read(path, version), origin=f"ftm:{path.name}", path=path)
    else:
        raise InputError(path, None, f"unknown graph input format {fmt!r} (registry or ftm)")
    _write_frames(frames, folder)
    info = ImportInfo(
        key=key,
        path=str(path.resolve()),
        format=fmt,
        sha256=sha,
        loaded_at=datetime.now(UTC).isoformat(),
        nodes=frames.nodes.height,
        edges=frames.edges.height,
        values=frames.values.height,
    )
    meta = {k: v for k, v in info.__dict__.items() if k != "created"}
    (folder / "meta.json").write_text(json.dumps(meta, indent=1))
    return info


def imports(store: Store) -> list[ImportInfo]:
    """The imported files, oldest first."""
    root = _graph_dir(store) / "imports"
    if not root.is_dir():
        return []
    found = [ImportInfo(**json.loads(meta.read_text())) for meta in root.glob("*/meta.json")]
    return sorted(found, key=lambda info: (info.loaded_at, info.key))


def _store_key(store: Store, as_of: date | None) -> str:
    """A hash of the list versions in force: the store's part of the graph changes only with it."""
    current = store.current_versions(as_of)
    versions = sorted((source, info.version_id) for source, info in current.items())
    return hashlib.sha256(json.dumps(versions).encode()).hexdigest()[:16]


def _store_frames(store: Store, key: str, as_of: date | None) -> GraphFrames:
    folder = _graph_dir(store) / "cache" / key
    if (folder / "nodes.parquet").exists():
        return _read_frames(folder)
    frames = frames_from_entities(store.entities(as_of=as_of), origin="store")
    _write_frames(frames, folder)
    return frames


def load_graph(store: Store, as_of: date | None = None) -> Graph:
    """The graph of the store's entities (in force on ``as_of``) plus every imported file."""
    store_key = _store_key(store, as_of)
    parts = imports(store)
    key = "|".join([store_key, *(info.key for info in parts)])
    with _graphs_lock:
        if key in _graphs:
            _graphs.move_to_end(key)
            return _graphs[key]
    frames = [
        _store_frames(store, store_key, as_of),
        *(_read_frames(_graph_dir(store) / "imports" / info.key) for info in parts),
    ]
    graph = build_graph(GraphFrames.concat(frames))
    with _graphs_lock:
        _graphs[key] = graph
        while len(_graphs) > MEMORY_CACHE_SIZE:
            _graphs.popitem(last=False)
    return graph
