"""The dashboard's figures come from the apps that own the records.

Each app registers its figures with `register(...)` from its registrations.py; the
`insights` app lays them out by SCIE jigsaw area, for a period, with a text
summary, a data table and a chart. No app reaches into another's tables for a
figure, so a new app adds its figures without touching `insights`.

A figure that describes people must pass its counts through
`coproduce.lib.suppression.suppress` before it builds its rows: a row whose
value is None is shown as "fewer than N" and never charted.

Every compute function is `compute(period, viewer) -> Figure`: `viewer` is the person the
dashboard or report is for (None outside one), so a figure that reads restricted data
(equality answers) checks their permission and logs the read. Figures and rows are built
with keyword arguments only.

The dashboard works its figures out ahead of time (decision 0031): `viewer` is then an
`Audience`, which stands in for every person who answers each permission a figure asks
about the same way, and holds back the reads of restricted data until a person is shown
the figures (coproduce.privacy.log.record_read)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# SCIE's whole-system model: the four pieces of the jigsaw, in reading order. The names
# are translated where shown; keys, not names, are stored.
AREAS = {
    "culture": _("Culture"),
    "structure": _("Structure"),
    "practice": _("Practice"),
    "review": _("Review"),
}


@dataclass(frozen=True)
class Period:
    """Inclusive dates. Figures count records whose own date falls inside."""

    start: date
    end: date

    def datetimes(self) -> tuple[datetime, datetime]:
        """[from, to) as aware datetimes, to filter a datetime column through its
        index (a __date lookup makes the database convert every row)."""
        zone = timezone.get_current_timezone()
        return (
            datetime.combine(self.start, time.min, tzinfo=zone),
            datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=zone),
        )


@dataclass(frozen=True, kw_only=True)
class Row:
    label: str
    value: int | Decimal | None  # None: suppressed (too few to show)
    url: str = ""  # the records behind this row, for those allowed to see them


@dataclass(frozen=True, kw_only=True)
class Figure:
    title: str
    # The headline in plain English, for everyone, screen readers included:
    # "12 of 15 claims (80%) were paid within 14 days."
    summary: str
    value: int | Decimal | None = None  # the headline number; None: no data or suppressed
    unit: str = ""  # "%", "days", "people", "claims"...
    rows: tuple[Row, ...] = ()  # the data table (and the chart drawn from it)
    columns: tuple[str, str] = ("", "Number")  # headings of the data table
    url: str = ""  # the records behind the whole figure
    url_permission: str = ""  # the django-rules permission needed to follow the links
    notes: tuple[str, ...] = field(default=())  # caveats: "Suppressed: fewer than 5."
    # Optional, added for the dashboard:
    # the top of the chart's scale (100 for "%", 5 for a 1-5 score); default: the largest value.
    maximum: int | Decimal | None = None
    # A two-way table instead of (or beside) `rows`: the first tuple holds the column
    # headings, each later one a row heading then its cells; None: suppressed.
    grid: tuple[tuple[str | int | Decimal | None, ...], ...] = ()


# compute(period, viewer): the viewer is an accounts.User or None. Any here, because lib
# imports no app (docs/architecture.md); each app's compute function names the type.
Compute = Callable[[Period, Any], Figure]


class Audience:
    """A stand-in viewer for figures worked out ahead of time. `answer` says whether this
    audience holds a permission; every permission asked and its answer are kept in `asked`,
    so a stored result is shown only to a person who answers them all the same. Reads of
    restricted data are kept in `reads` (what, reason), to be logged for each person the
    figures are shown to. Object permissions are never granted: figures are aggregates."""

    def __init__(self, answer: Callable[[str], bool]) -> None:
        self._answer = answer
        self.asked: dict[str, bool] = {}
        self.reads: list[tuple[str, str]] = []

    def has_perm(self, perm: str, obj: object = None) -> bool:
        if obj is not None:
            return False
        if perm not in self.asked:
            self.asked[perm] = bool(self._answer(perm))
        return self.asked[perm]

    def hold_read(self, what: str, reason: str) -> None:
        if (what, reason) not in self.reads:
            self.reads.append((what, reason))


@dataclass(frozen=True, kw_only=True)
class Source:
    key: str  # "payments.paid_within_14_days": unique, stable (used in exports)
    area: str  # a key of AREAS
    order: int
    compute: Compute


_SOURCES: dict[str, Source] = {}


def register(key: str, area: str, compute: Compute, order: int = 50) -> None:
    if area not in AREAS:
        raise ValueError(f"{key}: unknown jigsaw area {area!r}")
    _SOURCES[key] = Source(key=key, area=area, order=order, compute=compute)


def sources(area: str | None = None) -> list[Source]:
    chosen = [s for s in _SOURCES.values() if area is None or s.area == area]
    return sorted(chosen, key=lambda s: (list(AREAS).index(s.area), s.order, s.key))


def as_of_words(moment: datetime, now: datetime | None = None) -> str:
    """12:05 today ; 23:55 yesterday ; 14:02 on 3 November 2026."""
    local = timezone.localtime(moment)
    today = timezone.localdate(now)
    if local.date() == today:
        return gettext("%(time)s today") % {"time": f"{local:%H:%M}"}
    if local.date() == today - timedelta(days=1):
        return gettext("%(time)s yesterday") % {"time": f"{local:%H:%M}"}
    return gettext("%(time)s on %(day)s") % {
        "time": f"{local:%H:%M}",
        "day": date_format(local, "j F Y"),
    }
