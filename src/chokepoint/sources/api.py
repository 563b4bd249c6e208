"""REST: the loaded lists and their entities."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from chokepoint.api.app import get_store
from chokepoint.entity_view import entity_view
from chokepoint.store import Store

router = APIRouter(prefix="/v1", tags=["lists"])


@router.get("/lists")
def list_sources(store: Annotated[Store, Depends(get_store)]) -> list[dict[str, Any]]:
    """The loaded sources with their current version and every stored version."""
    current = store.current_versions()
    return [
        {
            "source": source,
            "version": info.version_id,
            "published": info.published,
            "sha256": info.sha256,
            "entities": info.entity_count,
            "versions": [v.version_id for v in store.versions(source)],
        }
        for source, info in sorted(current.items())
    ]


@router.get("/entities/{entity_id}")
def get_entity(
    entity_id: str,
    store: Annotated[Store, Depends(get_store)],
    as_of: Annotated[date | None, Query(description="List versions in force on this date.")] = None,
) -> dict[str, Any]:
    """One entity with names, identifiers, sanctions, links and provenance."""
    return entity_view(store, entity_id, as_of)
