"""Raw NMEA 0183 AIS (``!AIVDM`` / ``!AIVDO``) to the normalised frames, decoded with pyais.

What a line may carry, and how each part is read:

* an NMEA 4 tag block before the sentence, ``\\s:station,c:1635731889,t:...*hh\\``: the ``c:`` field
  is the receive time in UNIX seconds (milliseconds when it has 13 digits);
* the sentence itself, possibly one fragment of a multi-sentence message (type 5 spans two):
  fragments are assembled per (channel, sequence id, fragment count) and decoded together;
* receiver metadata appended after the checksum, e.g. ``,d-109,S2105,t050056.00,...,1325394060``:
  the first field that is a plausible UNIX epoch (2000–2100) is the receive time.

Time policy: a sentence with neither a tag-block time nor a trailing epoch keeps a null timestamp
and is counted in ``ReadReport.untimed``; it is written to Parquet (identity and counts stay
useful) but the event detectors ignore untimed positions, because inventing a time would invent
gaps and speeds. Malformed sentences, bad checksums, empty payloads and fragments that never
complete are counted as bad lines, never fatal.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl
from pyais import NMEAMessage
from pyais.exceptions import AISBaseException

from chokepoint.maritime.schema import (
    AisFormatError,
    AisFrames,
    ReadReport,
    clean_positions,
    clean_statics,
)

_SENTENCE = re.compile(rb"(![A-Z]{2}VD[MO],[^*]*\*[0-9A-Fa-f]{2})(.*)$")
_TAG_TIME = re.compile(rb"(?:^|,)c:(\d{9,13})")
_EPOCH_MIN = 946_684_800  # 2000-01-01
_EPOCH_MAX = 4_102_444_800  # 2100-01-01
_POSITION_TYPES = {1, 2, 3, 18, 19, 27}
_STATIC_TYPES = {5, 19, 24}
_MAX_PENDING_FRAGMENTS = 1000

Row = dict[str, Any]


def _epoch(value: int) -> datetime | None:
    if value > 10**11:
        value //= 1000
    if _EPOCH_MIN <= value < _EPOCH_MAX:
        return datetime.fromtimestamp(value, UTC)
    return None


def line_time(tag_block: bytes, trailer: bytes) -> datetime | None:
    """The receive time of one line from its tag block (``c:``) or its trailing receiver epoch."""
    match = _TAG_TIME.search(tag_block)
    if match:
        return _epoch(int(match.group(1)))
    for part in trailer.split(b","):
        if part.isdigit() and 9 <= len(part) <= 13:
            found = _epoch(int(part))
            if found is not None:
                return found
    return None


def split_line(line: bytes) -> tuple[bytes, bytes, bytes] | None:
    """``(tag_block, sentence, trailer)`` of a raw line, or None when it holds no AIS sentence."""
    tag_block = b""
    if line.startswith(b"\\"):
        end = line.find(b"\\", 1)
        if end < 0:
            return None
        tag_block, line = line[1:end], line[end + 1 :]
    match = _SENTENCE.search(line)
    if match is None:
        return None
    return tag_block, match.group(1), match.group(2)


def _value(field: Any) -> Any:
    return getattr(field, "value", field)


def _position_row(msg: Any, ts: datetime | None) -> Row:
    return {
        "mmsi": getattr(msg, "mmsi", None),
        "timestamp": ts,
        "lat": getattr(msg, "lat", None),
        "lon": getattr(msg, "lon", None),
        "sog": getattr(msg, "speed", None),
        "cog": getattr(msg, "course", None),
        "heading": getattr(msg, "heading", None),
        "nav_status": _value(getattr(msg, "status", None)),
    }


def _static_row(msg: Any, ts: datetime | None) -> Row:
    bow, stern = getattr(msg, "to_bow", None) or 0, getattr(msg, "to_stern", None) or 0
    port, starboard = getattr(msg, "to_port", None) or 0, getattr(msg, "to_starboard", None) or 0
    return {
        "mmsi": getattr(msg, "mmsi", None),
        "timestamp": ts,
        "imo": getattr(msg, "imo", None),
        "name": getattr(msg, "shipname", None),
        "call_sign": getattr(msg, "callsign", None),
        "ship_type": _value(getattr(msg, "ship_type", None)),
        "length": bow + stern if bow + stern > 0 else None,
        "width": port + starboard if port + starboard > 0 else None,
        "draught": getattr(msg, "draught", None),
        "destination": getattr(msg, "destination", None),
    }


class _Decoder:
    """Holds the rows and the fragments waiting for their siblings while a file is read."""

    def __init__(self, report: ReadReport) -> None:
        self.report = report
        self.positions: list[Row] = []
        self.statics: list[Row] = []
        self.pending: dict[tuple[str, int, int], list[tuple[int, NMEAMessage, datetime | None]]] = {}

    def feed(self, lineno: int, raw: bytes) -> None:
        parts = split_line(raw.strip())
        if parts is None:
            self.report.add_bad(f"line {lineno}", "no AIS sentence")
            return
        tag_block, sentence, trailer = parts
        try:
            message = NMEAMessage.from_bytes(sentence)
        except AISBaseException as exc:
            self.report.add_bad(f"line {lineno}", f"{type(exc).__name__}: {exc}")
            return
        if not message.is_valid:
            self.report.add_bad(f"line {lineno}", "checksum mismatch")
            return
        ts = line_time(tag_block, trailer)
        if message.frag_cnt == 1:
            self._decode([message], ts, lineno)
            return
        key = (str(message.channel), int(message.seq_id or 0), message.frag_cnt)
        fragments = self.pending.setdefault(key, [])
        if message.frag_num == 1 and fragments:
            self.report.add_bad(f"line {fragments[0][0]}", "multi-part message never completed")
            fragments.clear()
        fragments.append((lineno, message, ts))
        if len(fragments) == message.frag_cnt:
            del self.pending[key]
            ordered = sorted(fragments, key=lambda f: f[1].frag_num)
            if [f[1].frag_num for f in ordered] != list(range(1, message.frag_cnt + 1)):
                self.report.add_bad(f"line {ordered[0][0]}", "multi-part fragments out of sequence")
                return
            self._decode([f[1] for f in ordered], ordered[0][2], ordered[0][0])
        elif len(self.pending) > _MAX_PENDING_FRAGMENTS:
            self.finish_pending()

    def _decode(self, messages: list[NMEAMessage], ts: datetime | None, lineno: int) -> None:
        try:
            message = messages[0] if len(messages) == 1 else NMEAMessage.assemble_from_iterable(messages)
            if not message.payload:
                self.report.add_bad(f"line {lineno}", "empty payload")
                return
            decoded = message.decode()
        except (AISBaseException, ValueError, IndexError, KeyError) as exc:
            self.report.add_bad(f"line {lineno}", f"undecodable payload: {type(exc).__name__}: {exc}")
            return
        kind = decoded.msg_type
        if ts is None:
            self.report.untimed += 1
        if kind in _POSITION_TYPES:
            self.positions.append(_position_row(decoded, ts))
        if kind in _STATIC_TYPES:
            self.statics.append(_static_row(decoded, ts))

    def finish_pending(self) -> None:
        for fragments in self.pending.values():
            self.report.add_bad(f"line {fragments[0][0]}", "multi-part message never completed")
        self.pending.clear()


def read_nmea(path: Path) -> AisFrames:
    """Decode one NMEA 0183 AIS file into normalised positions and static reports."""
    report = ReadReport(path=str(path), format="nmea")
    decoder = _Decoder(report)
    try:
        with path.open("rb") as handle:
            for lineno, raw in enumerate(handle, start=1):
                if not raw.strip() or raw.startswith(b"#"):
                    continue
                report.lines += 1
                decoder.feed(lineno, raw)
    except OSError as exc:
        raise AisFormatError(path, None, f"cannot read: {exc}") from exc
    decoder.finish_pending()
    positions = clean_positions(pl.DataFrame(decoder.positions, schema=_POSITION_INPUT, orient="row"))
    statics = clean_statics(pl.DataFrame(decoder.statics, schema=_STATIC_INPUT, orient="row"))
    report.positions, report.statics = len(positions), len(statics)
    return AisFrames(positions, statics, report)


_POSITION_INPUT: dict[str, pl.DataType] = {
    "mmsi": pl.Int64(),
    "timestamp": pl.Datetime("us", "UTC"),
    "lat": pl.Float64(),
    "lon": pl.Float64(),
    "sog": pl.Float64(),
    "cog": pl.Float64(),
    "heading": pl.Int64(),
    "nav_status": pl.Int64(),
}
_STATIC_INPUT: dict[str, pl.DataType] = {
    "mmsi": pl.Int64(),
    "timestamp": pl.Datetime("us", "UTC"),
    "imo": pl.Int64(),
    "name": pl.String(),
    "call_sign": pl.String(),
    "ship_type": pl.Int64(),
    "length": pl.Float64(),
    "width": pl.Float64(),
    "draught": pl.Float64(),
    "destination": pl.String(),
}
