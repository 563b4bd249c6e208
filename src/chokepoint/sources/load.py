"""Load a list file into the store: read it with its format's reader, then snapshot it atomically."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from chokepoint.errors import InputError
from chokepoint.model import ListVersion, file_sha256
from chokepoint.sources.registry import get_reader
from chokepoint.store import LoadResult, Store


def load_source(
    store: Store,
    source: str,
    path: Path,
    *,
    retrieved_at: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> LoadResult:
    """Read ``path`` as ``source`` and store it as one version; the same file twice changes nothing."""
    reader = get_reader(source)
    if not path.exists():
        raise InputError(path, None, "no such file or folder")
    version = ListVersion(
        source=source,
        sha256=file_sha256(path),
        published=reader.publication_date(path),
        retrieved_at=retrieved_at or datetime.now(UTC).replace(microsecond=0),
        path=str(path.resolve()),
    )
    return store.load(version, reader.read(path, version), progress=progress)
