"""Typed errors. Every error about input names the file and the record it could not read."""

from __future__ import annotations

from pathlib import Path


class ChokepointError(Exception):
    """Base class of every error Chokepoint raises on purpose."""


class InputError(ChokepointError):
    """A file or record could not be read: names the file, the record and the reason."""

    def __init__(self, path: Path | str | None, record: str | None, reason: str) -> None:
        self.path = str(path) if path is not None else None
        self.record = record
        self.reason = reason
        where = self.path or "<input>"
        if record:
            where = f"{where}, record {record}"
        super().__init__(f"{where}: {reason}")


class SourceFormatError(InputError):
    """A sanctions-list file is malformed, hostile or not of the declared format."""


class StoreError(ChokepointError):
    """The store is missing, locked or asked for something it does not hold."""


class NotFoundError(StoreError):
    """An entity, source or version that the store does not hold."""
