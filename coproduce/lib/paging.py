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
    The list itself is still read afresh on every visit.

    With `most`, counting stops after that many: a search that matches more shows the
    first `most` and says there are more (`more_than_counted`), and the count reads only
    as many rows as it needs (decision 0047)."""

    def __init__(self, object_list: Any, per_page: int, *, most: int | None = None) -> None:
        super().__init__(object_list, per_page)
        self.most = most

    @cached_property
    def _counted(self) -> int:
        queryset: Any = self.object_list  # a QuerySet: the pages this serves are of records
        # The statement and its values, not str(query), which may not render every value.
        sql, params = queryset.query.sql_with_params()
        digest = hashlib.sha256(f"{sql}\n{params!r}\n{self.most}".encode()).hexdigest()[:32]
        if self.most is None:
            return int(changes.kept(f"count:{digest}", queryset.count))
        # One more than `most`, to know whether there are more; in no order, so the
        # database may stop at the first rows it finds.
        more = queryset.order_by()[: self.most + 1]
        return int(changes.kept(f"count:{digest}", more.count))

    @cached_property
    def count(self) -> int:
        return self._counted if self.most is None else min(self._counted, self.most)

    @property
    def more_than_counted(self) -> bool:
        return self.most is not None and self._counted > self.most
