"""The REST API: one FastAPI application, one router per area."""
