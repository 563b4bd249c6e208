"""Read payment files of any supported format: pacs XML, single MT messages and RJE files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from chokepoint.collector import collector_paused
from chokepoint.payments import iso20022, mt
from chokepoint.payments.errors import PaymentFormatError
from chokepoint.payments.iso20022 import parse_pacs
from chokepoint.payments.message import Message
from chokepoint.payments.mt import parse_mt_text

MAX_FILE_BYTES = 512 << 20
"""The largest payment file read at once (512 MiB); split bigger batches."""


def forget_parties() -> None:
    """Empty the parsers' memos of parties already read (``PARTY_MEMO_SIZE`` in ``iso20022`` and ``mt``),
    e.g. so that a benchmark times every batch from cold; results never depend on them."""
    iso20022.forget_parties()
    mt.forget_parties()


def parse_bytes(data: bytes, source: str = "<input>") -> list[Message]:
    """The messages in ``data``: XML (``<`` first) is pacs, ``{`` or ``$`` first is SWIFT MT / RJE."""
    with collector_paused():
        return _parse(data, source)


def _parse(data: bytes, source: str) -> list[Message]:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        raise PaymentFormatError(source, None, "UTF-16/32 text: only UTF-8 payment files are read")
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<":
        return parse_pacs(data, source)
    if head in (b"{", b"$"):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        return parse_mt_text(text, source)
    if not head:
        raise PaymentFormatError(source, None, "empty file")
    raise PaymentFormatError(source, None, "neither ISO 20022 XML nor SWIFT MT text")


def parse_file(path: Path) -> list[Message]:
    """The messages in one file; ``PaymentFormatError`` names the file and the message on bad input."""
    with collector_paused():
        return _parse_file(path)


def parse_files(paths: Iterable[Path]) -> list[Message]:
    """The messages of several files in order, the garbage collector paused once for them all: each
    resumption scans every object allocated while paused, so a batch of files pays that once."""
    with collector_paused():
        return [message for path in paths for message in _parse_file(path)]


def _parse_file(path: Path) -> list[Message]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PaymentFormatError(path, None, f"file of {size:,} bytes exceeds {MAX_FILE_BYTES:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise PaymentFormatError(path, None, f"cannot read file: {exc}") from exc
    return _parse(data, str(path))
