"""Where Chokepoint keeps its state and finds the shared reference data."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "CHOKEPOINT_HOME"
SHARED_DATA_ENV = "CHOKEPOINT_SHARED_DATA"
DEFAULT_HOME = Path(".chokepoint")
DEFAULT_SHARED_DATA = Path("../shared/data")


def home_dir(home: Path | str | None = None) -> Path:
    """The state folder: the explicit argument, else ``$CHOKEPOINT_HOME``, else ``./.chokepoint``."""
    if home is not None:
        return Path(home)
    env = os.environ.get(HOME_ENV)
    return Path(env) if env else DEFAULT_HOME


def shared_data_dir() -> Path:
    """The third-party reference data: ``$CHOKEPOINT_SHARED_DATA``, else ``../shared/data``."""
    env = os.environ.get(SHARED_DATA_ENV)
    return Path(env) if env else DEFAULT_SHARED_DATA
