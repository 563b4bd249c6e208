"""List versions, provenance records and id derivation for FtM entities."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from followthemoney import EntityProxy, model

_SLUG_RE = re.compile(r"[^0-9A-Za-z.]+")
_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    """The sha256 of a file, or of all files of a folder in name order (the OFAC CSV set)."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    for file in files:
        if path.is_dir():
            digest.update(file.name.encode())
        with file.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class ListVersion:
    """One published version of one source: its publication date and the sha256 of its file(s)."""

    source: str
    sha256: str
    published: date | None
    retrieved_at: datetime
    path: str = ""

    @property
    def version_id(self) -> str:
        """``<published>-<sha256 prefix>``: sorts by date and is unique per file content."""
        day = self.published.isoformat() if self.published else "undated"
        return f"{day}-{self.sha256[:12]}"

    @classmethod
    def of_file(cls, source: str, path: Path, published: date | None = None) -> ListVersion:
        """The version of a local file, retrieved now unless the caller knows better."""
        return cls(
            source=source,
            sha256=file_sha256(path),
            published=published,
            retrieved_at=datetime.now(UTC).replace(microsecond=0),
            path=str(path),
        )

    def with_published(self, published: date | None) -> ListVersion:
        """The same version with the publication date a reader found inside the file."""
        return ListVersion(self.source, self.sha256, published, self.retrieved_at, self.path)


@dataclass(frozen=True)
class Provenance:
    """Where one entity came from."""

    source: str
    record: str
    version: str
    published: str | None
    sha256: str
    retrieved_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def slug(text: str) -> str:
    """An id-safe form of a source key: letters, digits and dots kept, the rest folded to '-'."""
    return _SLUG_RE.sub("-", text.strip()).strip("-")


def derived_id(parent_id: str, kind: str, *keys: object) -> str:
    """A stable id for an entity derived from a parent (address, sanction, wallet, document).

    Readable keys are kept as they are; anything long or odd is hashed so ids stay short and stable.
    """
    parts = [slug(str(k)) for k in keys if k is not None and str(k) != ""]
    tail = "-".join(parts)
    if not tail or len(tail) > 48:
        tail = hashlib.sha1("\x1f".join(str(k) for k in keys).encode()).hexdigest()[:16]
    return f"{parent_id}-{kind}-{tail}"


@lru_cache(maxsize=64)
def _version_provenance(version: ListVersion) -> tuple[tuple[str, str | None], ...]:
    return (
        ("source", version.source),
        ("version", version.version_id),
        ("published", version.published.isoformat() if version.published else None),
        ("sha256", version.sha256),
        ("retrieved_at", version.retrieved_at.isoformat()),
    )


def make_entity(schema: str, entity_id: str, version: ListVersion, record: str) -> EntityProxy:
    """A new FtM entity of ``schema`` with a stable id and its provenance attached."""
    entity = model.make_entity(schema)
    entity.id = entity_id
    provenance: dict[str, str | None] = dict(_version_provenance(version))
    provenance["record"] = record
    entity.context = {"provenance": provenance}
    return entity


def provenance_of(entity: EntityProxy) -> Provenance | None:
    """The provenance an entity carries, if any."""
    data = entity.context.get("provenance")
    if not isinstance(data, dict):
        return None
    return Provenance(**{k: data.get(k) for k in Provenance.__dataclass_fields__})  # type: ignore[arg-type]
