"""FollowTheMoney entities with provenance and stable ids.

Every entity Chokepoint creates carries, in ``entity.context["provenance"]``, the source, the source's
own record key, the list version (publication date and sha256 of the file) and when it was retrieved.
FtM's JSON form keeps the context beside ``properties``, so provenance survives export and import.
"""

from chokepoint.model.provenance import (
    ListVersion,
    Provenance,
    derived_id,
    file_sha256,
    make_entity,
    provenance_of,
    slug,
)

__all__ = [
    "ListVersion",
    "Provenance",
    "derived_id",
    "file_sha256",
    "make_entity",
    "provenance_of",
    "slug",
]
