"""Today: what needs each person now, from every app through one registry (the shared
interface of issue 14). Apps register providers from AppConfig.ready(); a provider takes
(person, now) and returns the Items that need that person."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class Item:
    key: str  # stable and unique, e.g. "meetings.reply:42"
    sentence: str  # one plain-English sentence about what needs the person
    action_label: str  # the one action: "Reply", "Give feedback", "Approve"
    action_url: str  # where the action is (a page), or the POST target
    due: date | datetime | None = None  # when it is due, if it has a due date
    since: datetime | None = None  # how old it is, for items without a due date
    urgency: int = 2  # 0 overdue, 1 due within 7 days, 2 normal, 3 for information
    post: tuple[tuple[str, str], ...] = ()  # non-empty: a small POST form with these fields


Provider = Callable[[Any, datetime], Iterable[Item]]  # (person, now) -> items

_PROVIDERS: dict[str, tuple[Provider, str, int]] = {}


def register(key: str, provider: Provider, *, heading: str, order: int = 50) -> None:
    _PROVIDERS[key] = (provider, heading, order)


def items_for(user, now: datetime) -> list[tuple[str, list[Item]]]:
    """[(heading, items)], each group's items most urgent first, then the oldest."""
    groups: dict[str, list[Item]] = {}
    for _key, (provider, heading, _order) in sorted(
        _PROVIDERS.items(), key=lambda entry: (entry[1][2], entry[0])
    ):
        groups.setdefault(heading, []).extend(provider(user, now))
    return [
        (heading, sorted(items, key=lambda item: (item.urgency, item.since or now, item.key)))
        for heading, items in groups.items()
        if items
    ]
