"""A load killed halfway (while reading or while writing) leaves the previous state intact."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from chokepoint.store import Store
from chokepoint.store.store import DB_NAME


def _write_ftm(path: Path, count: int, tag: str) -> None:
    with path.open("w") as handle:
        for i in range(count):
            entity = {
                "id": f"bulk-{i}",
                "schema": "Company",
                "properties": {"name": [f"{tag} Trading Company {i}"], "country": ["kp"]},
            }
            handle.write(json.dumps(entity) + "\n")


def _start_load(home: Path, path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "chokepoint", "lists", "load", "ftm", str(path), "--home", str(home)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _kill_when(process: subprocess.Popen[bytes], due: Callable[[], bool], timeout: float = 60.0) -> bool:
    """SIGKILL the process as soon as ``due()`` is true; False if it finished first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if due():
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.002)
    process.wait()
    return False


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["reading", "writing"])
def test_killed_load_leaves_previous_version_intact(tmp_path: Path, moment: str) -> None:
    home = tmp_path / "home"
    small, big = tmp_path / "small.jsonl", tmp_path / "big.jsonl"
    _write_ftm(small, 50, "Old")
    _write_ftm(big, 120_000, "New")
    first = _start_load(home, small)
    assert first.wait(timeout=120) == 0
    before = Store(home).versions()
    assert [v.entity_count for v in before] == [50]

    db, wal = home / DB_NAME, home / f"{DB_NAME}.wal"
    size = db.stat().st_size
    started = time.monotonic()

    def reading() -> bool:
        return time.monotonic() - started > 0.8

    def writing() -> bool:
        return wal.exists() or db.stat().st_size != size

    killed = _kill_when(_start_load(home, big), reading if moment == "reading" else writing)
    assert killed, "the load finished before it could be killed"

    store = Store(home)
    assert store.versions() == before
    entities = list(store.entities())
    assert len(entities) == 50
    assert entities[0].first("name").startswith("Old")

    again = _start_load(home, big)
    assert again.wait(timeout=300) == 0
    assert [v.entity_count for v in Store(home).versions()] == [50, 120_000]
