"""The embedded store: versioned snapshots of every source in one DuckDB file under the home folder."""

from chokepoint.store.store import EntityChange, LoadResult, SourceDiff, Store, VersionInfo

__all__ = ["EntityChange", "LoadResult", "SourceDiff", "Store", "VersionInfo"]
