"""Today: what needs this person now, from every app through one registry.

Each app registers its providers in its registrations.py with `register(...)`, as it
registers its figures. A provider takes (person, now) and returns the items that need
that person: it costs a constant number of queries however much data there is, and
returns nothing, without a query if it can, for roles it does not concern. The page
groups the items under each provider's heading and lists them most urgent first
(docs/decisions/0028-today.md)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.utils import timezone

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
    for entry in sorted(_PROVIDERS.values(), key=lambda e: (e.order, e.key)):
        found = list(entry.provider(user, now))
        if found:
            groups.setdefault(entry.heading, []).extend(found)
            orders.setdefault(entry.heading, entry.order)
    result: list[tuple[str, list[Item]]] = []
    for heading, found in groups.items():
        found.sort(key=sort_key)
        result.append((heading, found))
    result.sort(key=lambda group: (sort_key(group[1][0])[0], orders[group[0]]))
    return result


def in_words(item: Item, now: datetime) -> str:
    """ "due in 3 days", "overdue by 2 days", "due today", "2 days ago", or ""."""
    today = timezone.localdate(now)
    if item.due is not None:
        days = (_as_date(item.due, now) - today).days
        if item.event:
            return {0: "today", 1: "tomorrow"}.get(days, f"in {_days(days)}")
        if days == 0:
            return "due today"
        if days == 1:
            return "due tomorrow"
        if days > 1:
            return f"due in {days} days"
        return f"overdue by {_days(-days)}"
    if item.since is not None:
        days = (today - timezone.localtime(item.since).date()).days
        if days <= 0:
            return "today"
        if days == 1:
            return "yesterday"
        return f"{_days(days)} ago"
    return ""


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def machine_date(item: Item) -> str:
    """The value for <time datetime="...">."""
    value = item.due if item.due is not None else item.since
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    return value.isoformat()
