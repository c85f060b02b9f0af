"""Today: what needs this person now, from every app through one registry.

Each app registers its providers in its registrations.py with `register(...)`, as it
registers its figures. A provider takes (person, now) and returns the items that need
that person: it costs a constant number of queries however much data there is, and
returns nothing, without a query if it can, for roles it does not concern. The page
groups the items under each provider's heading and lists them most urgent first
(docs/decisions/0028-today.md).

Providers that only need a count and the oldest date (messages waiting, follow-ups)
register their numbers with `register_counts(...)` instead of querying themselves:
every app's numbers are read in one query per page, and the provider reads them back
with `counted(person, now)`."""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Expression,
    F,
    Func,
    IntegerField,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.expressions import Star
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext

from . import changes

log = logging.getLogger(__name__)

OVERDUE, THIS_WEEK, NORMAL, INFORMATION = 0, 1, 2, 3


@dataclass(frozen=True)
class Item:
    key: str  # stable and unique, e.g. "meetings.reply:42"
    sentence: str  # one plain-English sentence about what needs the person
    action_label: str  # the one action: "Reply", "Give feedback", "Approve"
    action_url: str  # where the action is (a page), or the POST target
    due: date | datetime | None = None  # when it is due, if it has a due date
    since: datetime | None = None  # how old it is, for items without a due date
    urgency: int = NORMAL  # 0 overdue, 1 due within 7 days, 2 normal, 3 for information
    post: tuple[tuple[str, str], ...] = ()  # non-empty: a small POST form with these fields
    event: bool = False  # `due` is when something happens ("in 3 days"), not a deadline


Provider = Callable[[Any, datetime], Iterable[Item]]  # (person, now) -> items


@dataclass(frozen=True)
class _Entry:
    key: str
    provider: Provider
    heading: str
    order: int


_PROVIDERS: dict[str, _Entry] = {}


def register(key: str, provider: Provider, *, heading: str, order: int = 50) -> None:
    """Registering the same key again replaces the entry (apps may be readied twice)."""
    _PROVIDERS[key] = _Entry(key, provider, heading, order)


# (person, now) -> {name: scalar subquery} to read for that person, or {} for none.
Counts = Callable[[Any, datetime], dict[str, Expression]]
_COUNTS: dict[str, Counts] = {}


def register_counts(key: str, counts: Counts) -> None:
    """Numbers a provider needs, read with every other app's in one query."""
    _COUNTS[key] = counts


def count_of(queryset: QuerySet[Any]) -> Subquery:
    """A scalar subquery: how many rows `queryset` has (always one row, so never NULL).
    COUNT(*), not COUNT(id): a partial index can then answer it without reading the
    rows (the lead's 16,000 feedback rows to follow up at scale 10: 2 ms, not 14)."""
    return Subquery(
        queryset.order_by().values(n=Func(Star(), function="COUNT", output_field=IntegerField()))
    )


def oldest_of(queryset: QuerySet[Any], field: str) -> Subquery:
    """A scalar subquery: the smallest `field` of `queryset`, NULL when it is empty."""
    output = queryset.model._meta.get_field(field)
    return Subquery(
        queryset.order_by().values(oldest=Func(F(field), function="MIN", output_field=output))
    )


def counted(user: Any, now: datetime) -> dict[str, Any]:
    """Every registered number for (user, now), read in one query the first time any
    provider asks for it and kept on the person object for the rest of the page."""
    kept = getattr(user, "_today_counted", None)
    if kept is not None and kept[0] == now:
        values: dict[str, Any] = kept[1]
        return values
    expressions: dict[str, Expression] = {}
    for counts in _COUNTS.values():
        expressions.update(counts(user, now))
    values = {}
    if expressions:
        row = get_user_model().objects.filter(pk=user.pk).values(**expressions).first()
        values = row or {}
    user._today_counted = (now, values)
    return values


T = TypeVar("T")


def once(user: Any, now: datetime, key: str, fetch: Callable[[], T]) -> T:
    """`fetch()` the first time a provider asks for `key` on this page, so that
    providers needing the same rows (invitations to answer, next meetings) share one
    query; kept on the person object for the same `now` only."""
    kept: tuple[datetime, dict[str, Any]] | None = getattr(user, "_today_once", None)
    if kept is None or kept[0] != now:
        kept = (now, {})
        user._today_once = kept
    if key not in kept[1]:
        kept[1][key] = fetch()
    found: T = kept[1][key]
    return found


# Between the values joined_of() joins: a character no label or choice holds.
SEPARATOR = "\x1f"


class _Joined(Func):
    """The values of one column joined into one string. Not an aggregate to Django, so
    a subquery using it has no GROUP BY and always gives one row."""

    function = "GROUP_CONCAT"
    output_field = TextField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, function="STRING_AGG", **extra)


def joined_of(queryset: QuerySet[Any], expression: Expression | str) -> Subquery:
    """A scalar subquery: `expression` for every row of `queryset`, joined with
    SEPARATOR, in no particular order; NULL when it is empty. Split with split_joined()."""
    value = F(expression) if isinstance(expression, str) else expression
    return Subquery(queryset.order_by().values(joined=_Joined(value, Value(SEPARATOR))))


def split_joined(value: str | None) -> list[str]:
    return value.split(SEPARATOR) if value else []


def already_counted(user: Any) -> dict[str, Any]:
    """The numbers counted() read for this person on this page, or {} if it has not run:
    for the header, which shows the unread count Today has already read."""
    kept = getattr(user, "_today_counted", None)
    found: dict[str, Any] = kept[1] if kept is not None else {}
    return found


def urgency_for(due: date | datetime, now: datetime) -> int:
    """Overdue, due within 7 days, or normal, for an item with a due date."""
    days = (_as_date(due, now) - timezone.localdate(now)).days
    if days < 0:
        return OVERDUE
    return THIS_WEEK if days <= 7 else NORMAL


def _as_date(value: date | datetime, now: datetime) -> date:
    if isinstance(value, datetime):
        return timezone.localtime(value).date()
    return value


def _as_datetime(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time.min, tzinfo=timezone.get_current_timezone())


def sort_key(item: Item) -> tuple[int, datetime, datetime, str]:
    """Most urgent first; then the soonest due; then the oldest."""
    far = datetime.max.replace(tzinfo=timezone.get_current_timezone())
    due = _as_datetime(item.due) if item.due is not None else far
    since = item.since or far
    return (item.urgency, due, since, item.key)


def items_for(user: Any, now: datetime) -> list[tuple[str, list[Item]]]:
    """[(heading, items)] for everything that needs `user`, headings in registry order,
    most urgent group first, items most urgent first. Empty groups are left out."""
    groups: dict[str, list[Item]] = {}
    orders: dict[str, int] = {}
    counted(user, now)  # every app's numbers, in one query, before any provider asks
    for entry in sorted(_PROVIDERS.values(), key=lambda e: (e.order, e.key)):
        found = list(entry.provider(user, now))
        if found:
            heading = str(entry.heading)  # in the reader's language, and kept as text
            groups.setdefault(heading, []).extend(found)
            orders.setdefault(heading, entry.order)
    result: list[tuple[str, list[Item]]] = []
    for heading, found in groups.items():
        found.sort(key=sort_key)
        result.append((heading, found))
    result.sort(key=lambda group: (sort_key(group[1][0])[0], orders[group[0]]))
    return result


# How long a worked-out Today is kept when nothing changes: items that appear with the
# passing of time alone (a meeting has ended, an arrangement is now due in 7 days) show
# within this long. The words ("due in 3 days") are worked out afresh on every visit.
KEPT_SECONDS = 300

Groups = list[tuple[str, list[Item]]]


def kept_items_for(user: Any, now: datetime) -> Groups:
    """items_for(user, now), kept in the cache until a change to the records is
    committed (lib.changes) or KEPT_SECONDS pass; the numbers Today read (the header's
    unread count among them) are kept and given back with the items."""
    try:
        key = ":".join(
            (
                "today",
                str(user.pk),
                get_language() or "",
                changes.current(),
                str(changes.uncommitted(connection)) if connection.in_atomic_block else "",
                str(int(now.timestamp()) // KEPT_SECONDS),
            )
        )
        kept: tuple[Groups, dict[str, Any]] | None = cache.get(key)
    except Exception:  # a cache that is down makes Today slower, never missing
        log.exception("Today's cache could not be read")
        return items_for(user, now)
    if kept is not None:
        user._today_counted = (now, kept[1])
        return kept[0]
    changes.note_worked_out()
    groups = items_for(user, now)
    try:
        cache.set(key, (groups, already_counted(user)), KEPT_SECONDS)
    except Exception:
        log.exception("Today's cache could not be written")
    return groups


def in_words(item: Item, now: datetime) -> str:
    """ "due in 3 days", "overdue by 2 days", "due today", "2 days ago", or ""."""
    today = timezone.localdate(now)
    if item.due is not None:
        days = (_as_date(item.due, now) - today).days
        if item.event:
            if days == 0:
                return gettext("today")
            if days == 1:
                return gettext("tomorrow")
            if days > 1:
                return ngettext("in %(n)d day", "in %(n)d days", days) % {"n": days}
            return ngettext("%(n)d day ago", "%(n)d days ago", -days) % {"n": -days}
        if days == 0:
            return gettext("due today")
        if days == 1:
            return gettext("due tomorrow")
        if days > 1:
            return ngettext("due in %(n)d day", "due in %(n)d days", days) % {"n": days}
        return ngettext("overdue by %(n)d day", "overdue by %(n)d days", -days) % {"n": -days}
    if item.since is not None:
        days = (today - timezone.localtime(item.since).date()).days
        if days <= 0:
            return gettext("today")
        if days == 1:
            return gettext("yesterday")
        return ngettext("%(n)d day ago", "%(n)d days ago", days) % {"n": days}
    return ""


def machine_date(item: Item) -> str:
    """The value for <time datetime="...">."""
    value = item.due if item.due is not None else item.since
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    return value.isoformat()
