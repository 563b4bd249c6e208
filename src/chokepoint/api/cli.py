"""``chokepoint serve``: run the REST API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chokepoint.clitools import HomeOption, err_console
from chokepoint.errors import ChokepointError


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    api_key_file: Annotated[
        Path | None, typer.Option("--api-key-file", help="File with one API key per line.")
    ] = None,
    no_auth: Annotated[
        bool, typer.Option("--no-auth", help="Serve without API keys (local development only).")
    ] = False,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    home: HomeOption = None,
) -> None:
    """Serve the REST API (OpenAPI docs at /docs). Keys: $CHOKEPOINT_API_KEYS or --api-key-file."""
    import uvicorn

    from chokepoint.api.app import Settings, create_app

    settings = Settings.from_env(home=home, key_file=api_key_file, auth=not no_auth)
    if settings.auth and not settings.api_keys:
        raise ChokepointError(
            "no API keys configured: set CHOKEPOINT_API_KEYS, pass --api-key-file, or --no-auth for local use"
        )
    if not settings.auth:
        err_console.print("[yellow]warning:[/] serving without authentication")
    uvicorn.run(create_app(settings), host=host, port=port, workers=workers, log_level="info")
