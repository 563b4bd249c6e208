"""Shared fixtures: the shared reference data folder and a fresh store per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.config import shared_data_dir
from chokepoint.store import Store


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``$CHOKEPOINT_SHARED_DATA`` (default ``../shared/data``); tests that need it skip without it."""
    path = shared_data_dir().resolve()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path} (set CHOKEPOINT_SHARED_DATA)")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "home")
