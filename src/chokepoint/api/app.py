"""The FastAPI application: API-key authentication, request size limits, one router per area.

Each module in ``ROUTER_MODULES`` exposes ``router`` (an ``APIRouter`` under ``/v1/<area>``). Every
route depends on ``require_api_key``; keys are configured by the operator (``CHOKEPOINT_API_KEYS``,
comma-separated, or a file with one key per line). A missing or wrong key is answered with 401.
"""

from __future__ import annotations

import hmac
import importlib
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import APIKeyHeader

from chokepoint import __version__
from chokepoint.errors import ChokepointError, InputError, NotFoundError
from chokepoint.store import Store

API_KEYS_ENV = "CHOKEPOINT_API_KEYS"
MAX_BODY_BYTES = 2 << 20
"""The largest request body accepted (2 MiB): a batch of 1,000 screening queries fits easily."""

ROUTER_MODULES: tuple[str, ...] = (
    "chokepoint.sources.api",
    "chokepoint.maritime.api",
    "chokepoint.payments.api",
    "chokepoint.network.api",
    "chokepoint.screening.api",
)

_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


@dataclass
class Settings:
    """What the operator configures: where the store is and which API keys are valid."""

    home: Path | None = None
    api_keys: frozenset[str] = field(default_factory=frozenset)
    auth: bool = True
    max_body_bytes: int = MAX_BODY_BYTES

    @classmethod
    def from_env(cls, home: Path | None = None, key_file: Path | None = None, auth: bool = True) -> Settings:
        keys = {k.strip() for k in os.environ.get(API_KEYS_ENV, "").split(",") if k.strip()}
        if key_file is not None:
            keys |= {line.strip() for line in key_file.read_text().splitlines() if line.strip()}
        return cls(home=home, api_keys=frozenset(keys), auth=auth)


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(settings: Annotated[Settings, Depends(get_settings)]) -> Store:
    return Store(settings.home)


def require_api_key(
    settings: Annotated[Settings, Depends(get_settings)],
    key: Annotated[str | None, Depends(_key_header)],
) -> None:
    """401 unless the request carries a configured key in ``X-API-Key``."""
    if not settings.auth:
        return
    if key is None or not any(hmac.compare_digest(key, valid) for valid in settings.api_keys):
        raise HTTPException(status_code=401, detail="missing or invalid API key (header X-API-Key)")


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application with every area's router mounted."""
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="Chokepoint",
        version=__version__,
        description="Sanctions lists, screening, networks, maritime and payments for DPRK and beyond.",
    )
    app.state.settings = settings

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > settings.max_body_bytes):
            return JSONResponse(
                {"detail": f"request body larger than {settings.max_body_bytes:,} bytes"}, status_code=413
            )
        body = await request.body()
        if len(body) > settings.max_body_bytes:
            return JSONResponse(
                {"detail": f"request body larger than {settings.max_body_bytes:,} bytes"}, status_code=413
            )
        return await call_next(request)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(ChokepointError)
    async def refused(request: Request, exc: ChokepointError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()]
        return JSONResponse({"detail": errors}, status_code=422)

    @app.get("/health", tags=["meta"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    for module_name in ROUTER_MODULES:
        router = importlib.import_module(module_name).router
        app.include_router(router, dependencies=[Depends(require_api_key)])
    return app
