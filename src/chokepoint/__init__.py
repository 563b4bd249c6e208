"""Chokepoint: make sanctions evasion visible and cheap to stop."""

__version__ = "0.1.0"
