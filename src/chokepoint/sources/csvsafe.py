"""Hardened CSV reading for sanctions lists: checked encoding, bounded lines and fields, fixed columns.

Encoding: a file is read as UTF-8 when all of it decodes as UTF-8, else as Windows-1252 (cp1252), the
encoding OFAC's legacy CSV files use in the wild. ASCII files, the common case, are the same in both.
Decoding is strict: a byte that is invalid in the chosen encoding (for cp1252 the unassigned bytes
0x81, 0x8D, 0x8F, 0x90 and 0x9D) is an error naming the file, the line and the byte. Latin-1 is not
used because it accepts every byte and so can never detect a corrupted file.

Bounds: a physical line longer than ``MAX_LINE_BYTES`` or a field longer than ``MAX_FIELD_CHARS`` is
refused before it is held in memory as a Python string, without touching ``csv.field_size_limit``
(a process-wide setting other readers rely on). A trailing DOS end-of-file mark (Ctrl-Z, 0x1A), which
OFAC's files carry, is ignored.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from chokepoint.errors import SourceFormatError

ENCODINGS = ("utf-8", "cp1252")
"""Tried in order over the whole file; the first that decodes all of it is used."""
MAX_FIELD_CHARS = 100_000
"""The longest field accepted (characters). OFAC truncates remarks near 1,000 characters and moves
the rest to sdn_comments.csv, so real fields are far shorter; a 50 MB field is refused."""
MAX_LINE_BYTES = 4 * MAX_FIELD_CHARS
"""The longest physical line accepted (bytes): a field at the cap in 4-byte UTF-8 characters."""
_DOS_EOF = "\x1a"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Row:
    """One CSV record: its 1-based line number (where it ends) and its fields."""

    line: int
    fields: list[str]


def detect_encoding(path: Path) -> str:
    """``utf-8`` when the whole file decodes as UTF-8, else ``cp1252`` (checked strictly when read)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return ENCODINGS[1]
    except OSError as exc:
        raise SourceFormatError(path, None, f"cannot read file: {exc}") from exc
    return ENCODINGS[0]


def iter_rows(path: Path, columns: int) -> Iterator[Row]:
    """The records of a headerless CSV file, each with exactly ``columns`` fields.

    Raises ``SourceFormatError`` naming the file and line for undecodable bytes, over-long lines or
    fields, malformed quoting and a wrong number of columns.
    """
    encoding = detect_encoding(path)
    try:
        with path.open("rb") as handle:
            reader = csv.reader(_lines(path, handle, encoding), strict=True)
            while True:
                try:
                    fields = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    raise SourceFormatError(path, f"line {reader.line_num}", f"malformed CSV: {exc}") from exc
                if fields == [_DOS_EOF] or not fields:
                    continue
                where = f"line {reader.line_num}"
                if len(fields) != columns:
                    raise SourceFormatError(path, where, f"expected {columns} columns, found {len(fields)}")
                for index, value in enumerate(fields):
                    if len(value) > MAX_FIELD_CHARS:
                        raise SourceFormatError(
                            path,
                            where,
                            f"field {index + 1} is {len(value):,} characters long "
                            f"(more than the cap of {MAX_FIELD_CHARS:,})",
                        )
                yield Row(reader.line_num, fields)
    except OSError as exc:
        raise SourceFormatError(path, None, f"cannot read file: {exc}") from exc


def _lines(path: Path, handle: BinaryIO, encoding: str) -> Iterator[str]:
    number = 0
    while raw := handle.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            raise SourceFormatError(
                path, f"line {number}", f"line longer than {MAX_LINE_BYTES:,} bytes (field size cap)"
            )
        try:
            line = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            bad = raw[exc.start : exc.end].hex(" ")
            raise SourceFormatError(
                path, f"line {number}", f"byte(s) {bad} at column {exc.start + 1} are not valid {encoding}"
            ) from exc
        if number == 1:
            line = line.removeprefix("\ufeff")
        yield line
