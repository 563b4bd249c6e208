"""The ``chokepoint`` command: one Typer app, a command group per area.

Each area module listed in ``AREA_MODULES`` exposes ``register(app)``, which adds its commands or
groups to the main app. Errors Chokepoint raises on purpose are printed as one clear line with a
non-zero exit code, never as a traceback.
"""

from __future__ import annotations

import importlib
import sys

import typer
from rich.console import Console

from chokepoint.errors import ChokepointError

AREA_MODULES: tuple[str, ...] = (
    "chokepoint.sources.cli",
    "chokepoint.api.cli",
    "chokepoint.maritime.cli",
    "chokepoint.network.cli",
    "chokepoint.payments.cli",
    "chokepoint.screening.cli",
)

app = typer.Typer(
    name="chokepoint",
    help="Make sanctions evasion visible and cheap to stop: lists, screening, networks, maritime, money.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

for _module in AREA_MODULES:
    importlib.import_module(_module).register(app)

_err = Console(stderr=True)


def main() -> None:
    """Entry point of the ``chokepoint`` script."""
    try:
        app()
    except ChokepointError as exc:
        _err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
