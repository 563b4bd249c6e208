"""Typed errors of the payments area: each names the file and the message it could not read."""

from __future__ import annotations

from chokepoint.errors import ChokepointError, InputError


class PaymentFormatError(InputError):
    """A payment file or message is malformed, hostile or of a type this parser does not read."""


class DispositionError(ChokepointError):
    """A disposition cannot be recorded: unknown status or alert key, or the disposition store failed."""
