"""Hardened, streaming XML reading for sanctions lists.

Official lists never need a DTD, so any document type declaration is refused outright: that closes
external entities (XXE), entity-expansion bombs (billion laughs, quadratic blowup) and external DTD
fetches in one rule. Parsing is streaming (expat through defusedxml) and every finished record is
cleared, so memory stays flat on a 100 MB file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from chokepoint.errors import SourceFormatError

MAX_TEXT_BYTES = 1 << 20
"""The longest text a single XML element may carry (1 MiB): no official list comes near it."""


def local_name(tag: str) -> str:
    """The tag without its ``{namespace}``."""
    return tag.rsplit("}", 1)[-1]


def iter_records(
    path: Path, record_tags: set[str], *, root_tags: set[str] | None = None
) -> Iterator[tuple[str, Element]]:
    """Yield ``(event, element)`` for every completed element whose local name is in ``record_tags``.

    ``event`` is ``"root"`` for the document element (its attributes only, at the start) and
    ``"record"`` for each record. The caller must not keep references to a record after the next one
    is read: it is cleared to bound memory. Malformed or hostile XML raises ``SourceFormatError``
    naming the file and the last record read.
    """
    try:
        with path.open("rb") as handle:
            yield from _iterate(handle, path, record_tags, root_tags)
    except OSError as exc:
        raise SourceFormatError(path, None, f"cannot read file: {exc}") from exc


def _iterate(
    handle: IO[bytes], path: Path, record_tags: set[str], root_tags: set[str] | None
) -> Iterator[tuple[str, Element]]:
    count = 0
    depth = 0
    root_seen = False
    last_key = "start of file"
    context = iterparse(handle, events=("start", "end"), forbid_dtd=True, forbid_entities=True)
    try:
        for event, element in context:
            if event == "start":
                depth += 1
                if not root_seen:
                    root_seen = True
                    if root_tags is not None and local_name(element.tag) not in root_tags:
                        raise SourceFormatError(
                            path, None, f"unexpected root element <{local_name(element.tag)}>"
                        )
                    yield "root", element
                continue
            depth -= 1
            if element.text is not None and len(element.text) > MAX_TEXT_BYTES:
                raise SourceFormatError(
                    path,
                    f"#{count + 1} (after {last_key})",
                    f"field <{local_name(element.tag)}> is {len(element.text):,} characters long",
                )
            if local_name(element.tag) in record_tags:
                count += 1
                yield "record", element
                last_key = f"#{count}"
                element.clear()
    except ParseError as exc:
        raise SourceFormatError(path, f"#{count + 1} (after {last_key})", f"malformed XML: {exc}") from exc
    except DefusedXmlException as exc:
        raise SourceFormatError(path, None, f"refused hostile XML ({type(exc).__name__}): {exc}") from exc
    except UnicodeDecodeError as exc:
        raise SourceFormatError(path, f"#{count + 1}", f"bad text encoding: {exc}") from exc
    except LookupError as exc:  # expat: an unknown encoding named in <?xml encoding="..."?>
        raise SourceFormatError(path, None, f"unknown text encoding: {exc}") from exc


def text(element: Element | None) -> str | None:
    """The stripped text of an element, or None when it is absent or empty."""
    if element is None or element.text is None:
        return None
    value = element.text.strip()
    return value or None
