"""REST: ``POST /v1/payments/screen`` with a pacs.008 / pacs.009 XML or MT103 / MT202COV text body."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from chokepoint.api.app import get_store
from chokepoint.payments.batch import screen_payload
from chokepoint.store import Store

router = APIRouter(prefix="/v1/payments", tags=["payments"])


@router.post(
    "/screen",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/xml": {"schema": {"type": "string"}},
                "text/plain": {"schema": {"type": "string"}},
            },
            "required": True,
        }
    },
)
async def screen(request: Request, store: Annotated[Store, Depends(get_store)]) -> dict[str, Any]:
    """Alerts for every message in the body, with the summary of the run. Bad input answers 422."""
    body = await request.body()
    run = await run_in_threadpool(screen_payload, body, store)
    return {**run.summary(), "alerts": [a.to_dict() for a in run.alerts]}
