"""REST: ``POST /v1/screen`` screens one query or a batch of up to 1,000 against the loaded lists.

Requests are validated by pydantic models with field limits (names 1-500 characters, at most 1,000
queries, qualifiers 64-128 characters); names that are blank, carry control characters or mix
Latin/Cyrillic/Greek letters in one word are refused by ``Query.to_record`` (``QueryError``). Every
refusal is a 4xx with a reason, never a 500. The screener is cached per store version in the API
process (``cache.screener_for``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field, model_validator

from chokepoint.api.app import get_store
from chokepoint.screening.cache import screener_for
from chokepoint.screening.defaults import DEFAULT_THRESHOLD
from chokepoint.screening.records import MAX_NAME_LENGTH, Query
from chokepoint.store import Store

MAX_BATCH = 1000
"""Most queries one request may carry."""

router = APIRouter(prefix="/v1", tags=["screening"])

_Short = Annotated[str | None, Field(default=None, max_length=128)]


class ScreenQuery(BaseModel):
    """One party to screen: a name and optional qualifiers."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    name: str = Field(min_length=1, max_length=MAX_NAME_LENGTH, examples=["Kim Jong Un"])
    schema_: str | None = Field(default=None, alias="schema", max_length=64, examples=["Person"])
    id: _Short = None
    birth_date: str | None = Field(
        default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", examples=["1984-01-08"]
    )
    nationality: _Short = None
    country: _Short = None
    gender: _Short = None
    imo: _Short = None
    mmsi: _Short = None
    passport: _Short = None
    id_number: _Short = None
    registration: _Short = None
    bic: _Short = None
    wallet: _Short = None
    address: str | None = Field(default=None, max_length=500)
    ticker: str | None = Field(default=None, max_length=16)

    def to_query(self) -> Query:
        data = self.model_dump(exclude={"schema_"})
        return Query(schema=self.schema_, **data)


class ScreenRequest(BaseModel):
    """Exactly one of ``query`` or ``queries`` (1-1,000), with the report threshold and limit."""

    model_config = ConfigDict(extra="forbid")

    query: ScreenQuery | None = None
    queries: list[ScreenQuery] | None = Field(default=None, min_length=1, max_length=MAX_BATCH)
    threshold: float = Field(default=DEFAULT_THRESHOLD, ge=0.0, le=1.0)
    limit: int = Field(default=10, ge=1, le=100)

    @model_validator(mode="after")
    def _one_of(self) -> ScreenRequest:
        if (self.query is None) == (self.queries is None):
            raise ValueError("give exactly one of 'query' or 'queries'")
        return self


class MatchOut(BaseModel):
    """One ranked match with its per-feature explanation."""

    entity_id: str
    schema_: str = Field(alias="schema")
    caption: str
    source: str
    source_id: str
    score: float
    matched_name: str | None
    query_name: str | None
    explanation: dict[str, dict[str, float]]


class ResultOut(BaseModel):
    """The matches of one query, best first."""

    query_id: str | None
    matches: list[MatchOut]


class ScreenResponse(BaseModel):
    results: list[ResultOut]


@router.post("/screen", response_model=ScreenResponse, response_model_by_alias=True)
def screen(request: ScreenRequest, store: Annotated[Store, Depends(get_store)]) -> dict[str, Any]:
    """Screen one query or a batch against the current lists; results keep the request's order."""
    items = [request.query] if request.query is not None else list(request.queries or [])
    queries = [item.to_query() for item in items]
    results = screener_for(store).match_batch(queries, request.limit, request.threshold)
    return {
        "results": [
            {"query_id": q.id, "matches": [m.to_dict() for m in matches]}
            for q, matches in zip(queries, results, strict=True)
        ]
    }
