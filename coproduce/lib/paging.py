"""Pages of long lists whose total is kept until the records change."""

import hashlib
from typing import Any

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from coproduce.lib import changes


class KeptCountPaginator(Paginator):  # type: ignore[type-arg]
    """A Paginator whose total, a count over the whole filtered list and the part of
    a list page whose cost grows with the organisation (64 ms for 170,000 co-producers
    on PostgreSQL), is kept until a change to the records is committed (changes.kept).
    The list itself is still read afresh on every visit."""

    @cached_property
    def count(self) -> int:
        queryset: Any = self.object_list  # a QuerySet: the pages this serves are of records
        # The statement and its values, not str(query), which may not render every value.
        sql, params = queryset.query.sql_with_params()
        digest = hashlib.sha256(f"{sql}\n{params!r}".encode()).hexdigest()[:32]
        return int(changes.kept(f"count:{digest}", queryset.count))
