"""Built candidate indexes, cached per store version so the API and repeated CLI calls never rebuild.

The key is a digest of the current ``(source, version_id)`` pairs of the store and of the screening
code: loading a new list version, or upgrading Chokepoint, changes the key and the next screener is
rebuilt. Two levels: a process-wide dictionary (the
API process keeps its screener) and a pickle under ``<home>/index/screening-<key>.pickle`` written
atomically (temporary file, then rename), so a second CLI call loads in a fraction of the build time.
Pickles are only read from the operator's own home folder, which the store already trusts.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
import threading
from pathlib import Path

from chokepoint.collector import settle_long_lived
from chokepoint.errors import NotFoundError
from chokepoint.screening.records import Record
from chokepoint.screening.scoring import load_model
from chokepoint.screening.screener import Screener, records_from_entities
from chokepoint.store import Store

INDEX_DIR = "index"
_FORMAT = 6  # bump when Record changes shape


def _code_digest() -> str:
    """A digest of the screening package's source: a cached index made by other analysis code (a new
    romanization table, a changed tokenizer) is never reused."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


_CODE = _code_digest()
_memory: dict[tuple[str, str], Screener] = {}
_keys: dict[str, tuple[int, str]] = {}
_lock = threading.Lock()


def store_key(store: Store) -> str:
    """A digest of the store's current list versions (raises ``NotFoundError`` for an empty store).

    Remembered per store file and its modification time, so a server answering many requests asks
    DuckDB again only after a load changed the file.
    """
    try:
        stamp = store.path.stat().st_mtime_ns
    except OSError:
        stamp = -1
    remembered = _keys.get(str(store.path))
    if remembered is not None and remembered[0] == stamp and stamp != -1:
        return remembered[1]
    key = _compute_key(store)
    _keys[str(store.path)] = (stamp, key)
    return key


def _compute_key(store: Store) -> str:
    current = store.current_versions()
    if not current:
        raise NotFoundError(
            f"no lists loaded in {store.home}: load one first (chokepoint lists load SOURCE PATH)"
        )
    text = "|".join(f"{s}:{v.version_id}" for s, v in sorted(current.items()))
    return hashlib.sha256(f"{_FORMAT}|{_CODE}|{text}".encode()).hexdigest()[:20]


def _read(path: Path) -> list[Record] | None:
    try:
        with path.open("rb") as handle:
            records = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return records if isinstance(records, list) else None


def _write(path: Path, records: list[Record]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".screening-", suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        pickle.dump(records, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def screener_for(store: Store) -> Screener:
    """The screener over the store's current lists: from memory, else the pickle, else built and saved."""
    key = store_key(store)
    memory_key = (str(store.home.resolve()), key)
    with _lock:
        cached = _memory.get(memory_key)
        if cached is not None:
            return cached
        path = store.home / INDEX_DIR / f"screening-{key}.pickle"
        records = _read(path) if path.exists() else None
        if records is None:
            records = records_from_entities(store.entities())
            with contextlib.suppress(OSError):  # a read-only home still screens, it just rebuilds
                _write(path, records)
        screener = Screener(records, load_model(store.home))
        _memory.clear()  # one store version at a time per process
        _memory[memory_key] = screener
        settle_long_lived()
        return screener
