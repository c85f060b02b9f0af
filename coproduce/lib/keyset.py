"""Keyset paging: each page starts just after (or before) a row of the page next to it,
read from an index, rather than skipping a number of rows. Page 2,000 of a long list
costs what page 1 does, and a row added meanwhile does not shift the next page.

Rows are in order of one column that is never empty, then of the primary key, so rows
that tie on the column still have one order. A cursor is that column's value and the
key ("2026-11-30_1234"); one that cannot be read gives the first page."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Field, Model, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone

Row = TypeVar("Row")
SEPARATOR = "_"
BIGGEST = 2**63


@dataclass(frozen=True)
class KeysetPage(Generic[Row]):
    rows: list[Row]
    next_cursor: str | None
    previous_cursor: str | None

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __bool__(self) -> bool:
        return bool(self.rows)

    @property
    def has_other_pages(self) -> bool:
        return self.next_cursor is not None or self.previous_cursor is not None


def _field(model: type[Model], path: str) -> Field[Any, Any]:
    """The model field at `path` ("activity_date", "statement__order")."""
    *hops, name = path.split("__")
    for hop in hops:
        related = model._meta.get_field(hop).related_model
        if not isinstance(related, type):
            raise FieldDoesNotExist(path)
        model = related
    found = model._meta.get_field(name)
    if not isinstance(found, Field):
        raise FieldDoesNotExist(path)
    return found


def _value(row: Any, path: str) -> Any:
    if isinstance(row, Mapping):
        return row[path]
    for hop in path.split("__"):
        row = getattr(row, hop)
    return row


def _key(row: Any) -> Any:
    return row["pk"] if isinstance(row, Mapping) else row.pk


def encode(value: object, pk: object) -> str:
    if isinstance(value, datetime.datetime):
        value = value.astimezone(datetime.UTC).isoformat()
    elif isinstance(value, datetime.date):
        value = value.isoformat()
    return f"{value}{SEPARATOR}{pk}"


def decode(model: type[Model], order: str, cursor: str) -> tuple[Any, int] | None:
    """(value, pk) from a cursor, or None when it is not one (changed by hand, or old)."""
    text, _, pk = cursor[:100].rpartition(SEPARATOR)
    if not (text and pk.isascii() and pk.isdecimal()):
        return None
    try:
        value = _field(model, order).to_python(text)
    except (ValidationError, ValueError, OverflowError):
        return None
    if value is None or (isinstance(value, datetime.datetime) and timezone.is_naive(value)):
        return None
    if int(pk) >= BIGGEST or (isinstance(value, int) and not -BIGGEST <= value < BIGGEST):
        return None  # more than a database's integer holds
    return value, int(pk)


def page(
    queryset: QuerySet[Any, Row],
    *,
    order: str,
    size: int,
    query: QueryDict,
    descending: bool = False,
) -> KeysetPage[Row]:
    """A page of `queryset` in order of (`order`, pk), `descending` or not, from the
    request's "after" or "before" cursor. A queryset of values() must include "pk"."""
    after, before = query.get("after", ""), query.get("before", "")
    cursor = decode(queryset.model, order, after or before) if (after or before) else None
    backwards = cursor is not None and not after
    # Going back reads the rows before the cursor in the opposite order, then turns them.
    reverse = descending != backwards
    chosen = queryset
    if cursor is not None:
        value, pk = cursor
        beyond = "lt" if reverse else "gt"
        # The first condition is a range on the index; the second breaks ties by key.
        chosen = chosen.filter(**{f"{order}__{beyond}e": value}).filter(
            Q(**{f"{order}__{beyond}": value}) | Q(**{f"pk__{beyond}": pk})
        )
    sign = "-" if reverse else ""
    rows = list(chosen.order_by(f"{sign}{order}", f"{sign}pk")[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
    if not rows:
        # Past the end (the rows after the cursor went meanwhile): the first page instead.
        return (
            page(queryset, order=order, size=size, query=QueryDict(), descending=descending)
            if cursor
            else KeysetPage(rows, None, None)
        )
    first, last = rows[0], rows[-1]
    has_next = cursor is not None if backwards else more
    has_previous = more if backwards else cursor is not None
    return KeysetPage(
        rows,
        encode(_value(last, order), _key(last)) if has_next else None,
        encode(_value(first, order), _key(first)) if has_previous else None,
    )


def querystring(query: QueryDict) -> str:
    """The request's query string without its cursor, for the paging links to add theirs."""
    kept = query.copy()
    for name in ("after", "before", "page"):
        kept.pop(name, None)
    return kept.urlencode()
