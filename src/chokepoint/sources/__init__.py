"""Readers of the official sanctions lists in their native formats, and their download."""
