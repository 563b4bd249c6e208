"""Hostile and broken XML for the list-reader tests: XXE, billion laughs, truncation, fuzzing.

Every reader must turn each of these into a ``SourceFormatError`` naming the file (and the record
when there is one), never another exception and never a partial result.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from followthemoney import EntityProxy
from hypothesis import strategies as st

from chokepoint.model import ListVersion


def xxe(root: str) -> bytes:
    """An external entity reading /etc/passwd into the first element."""
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        f"<{root}>&xxe;</{root}>\n"
    ).encode()


def billion_laughs(root: str) -> bytes:
    """Nested entity expansion: 10^9 'lol's from a few hundred bytes."""
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} [{"".join(levels)}]>\n<{root}>&lol9;</{root}>\n'
    ).encode()


def truncated(fixture: Path, fraction: float = 0.6) -> bytes:
    """The fixture cut off part-way through, as an interrupted download leaves it."""
    data = fixture.read_bytes()
    return data[: int(len(data) * fraction)]


def read_all(reader: ModuleType, path: Path) -> list[EntityProxy]:
    """Run a reader module over a file the way ``load_source`` does: date first, then every entity."""
    version = ListVersion.of_file(reader.SOURCE, path, reader.publication_date(path))
    return list(reader.read(path, version))


def mutations(data: bytes) -> st.SearchStrategy[bytes]:
    """Edits of a valid file: cut it, delete a slice, overwrite or insert random bytes."""
    size = len(data)
    position = st.integers(min_value=0, max_value=size)
    cut = position.map(lambda i: data[:i])
    delete = st.tuples(position, st.integers(1, 200)).map(lambda t: data[: t[0]] + data[t[0] + t[1] :])
    overwrite = st.tuples(position, st.binary(min_size=1, max_size=16)).map(
        lambda t: data[: t[0]] + t[1] + data[t[0] + len(t[1]) :]
    )
    insert = st.tuples(position, st.sampled_from([b"<", b">", b"&", b'"', b"</x>", b"\xff\xfe", b"99"])).map(
        lambda t: data[: t[0]] + t[1] + data[t[0] :]
    )
    return st.one_of(cut, delete, overwrite, insert)
