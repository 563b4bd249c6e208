"""Payments: ISO 20022 (pacs.008, pacs.009 incl. COV) and SWIFT MT (MT103, MT202COV) messages parsed into
one message model, every party and agent screened, class-of-transaction rules applied, typologies found
over batches. See docs/payments.md.
"""

from chokepoint.payments.message import Account, Address, FreeText, Message, Party
from chokepoint.payments.parse import parse_bytes, parse_file, parse_files

__all__ = ["Account", "Address", "FreeText", "Message", "Party", "parse_bytes", "parse_file", "parse_files"]
