"""The native formats Chokepoint reads, by source name.

Each reader module exposes ``SOURCE`` (its name), ``TITLE``, ``publication_date(path)`` and
``read(path, version)``, which streams FtM entities with provenance. Modules are imported on demand so
the CLI starts fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Protocol, cast

from followthemoney import EntityProxy

from chokepoint.errors import ChokepointError
from chokepoint.model import ListVersion

READER_MODULES: dict[str, str] = {
    "un-sc": "chokepoint.sources.un_sc",
    "ofac-sdn": "chokepoint.sources.ofac_sdn",
    "ofac-advanced": "chokepoint.sources.ofac_advanced",
    "eu-fsf": "chokepoint.sources.eu_fsf",
    "uk": "chokepoint.sources.uk",
    "ftm": "chokepoint.sources.ftm",
}


class Reader(Protocol):
    SOURCE: str
    TITLE: str

    def publication_date(self, path: Path) -> date | None: ...

    def read(self, path: Path, version: ListVersion) -> Iterator[EntityProxy]: ...


class UnknownSourceError(ChokepointError):
    """A source name Chokepoint has no reader for."""


def get_reader(source: str) -> Reader:
    """The reader module for a source name, e.g. ``un-sc`` or ``ofac-sdn``."""
    module_name = READER_MODULES.get(source)
    if module_name is None:
        known = ", ".join(sorted(READER_MODULES))
        raise UnknownSourceError(f"unknown source {source!r}; known sources: {known}")
    module: ModuleType = importlib.import_module(module_name)
    return cast(Reader, module)
