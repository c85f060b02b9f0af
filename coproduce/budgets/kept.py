"""The budget page's plan, committed and actual, worked out ahead of time and kept one
row a financial year, so the page and its downloads read one row however many
meetings and claims there are (decision 0046).

A kept summary older than COPRODUCE_FIGURES_MINUTES is still shown, with its "as of"
time and word that it is being brought up to date, and one request on any server
queues its refresh. The scheduled job refreshes this year's and last year's. A change to
the plan throws its year's summary away, so the person who made it sees it counted."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django_tasks import task

from . import actions, planning
from .models import KeptProjectLine, KeptSummary


@dataclass(frozen=True)
class Kept:
    summary: planning.Summary  # totals, months and activities; projects: project_lines
    as_of: datetime
    refreshing: bool  # older than it should be; a newer one is being worked out
    row: KeptSummary

    def project_lines(self):
        """The projects' lines in order."""
        return self.row.project_lines.order_by("position")

    def project_line_pages(self, per_page: int) -> "LinePaginator":
        """The projects' lines a page at a time, each page read by its positions."""
        return LinePaginator(self, per_page)

    def whole_summary(self):
        """The summary with every project, for the downloads."""
        return planning.Summary.from_data(
            self.summary.year,
            self.row.data,
            [(line.project_pk, line.title, amounts(line)) for line in self.project_lines()],
        )


class LinePaginator(Paginator):  # type: ignore[type-arg]
    """Pages of a kept summary's lines without counting them or skipping rows: the
    summary knows how many it has, and a page's lines are those at its positions. With
    20,000 projects (scale 10) the count and OFFSET read every line on each visit, and
    just after a summary was written PostgreSQL's statistics did not yet know the lines
    were there, so it sorted them all rather than read the position index."""

    def __init__(self, kept: Kept, per_page: int):
        super().__init__(kept.project_lines(), per_page)
        self.line_count = kept.row.project_line_count

    @cached_property
    def count(self) -> int:
        return self.line_count

    def page(self, number: Any) -> Page:  # type: ignore[type-arg]
        number = self.validate_number(number)
        first = (number - 1) * self.per_page
        lines = self.object_list.filter(position__gte=first, position__lt=first + self.per_page)
        return self._get_page(lines, number, self)


def amounts(line: KeptProjectLine) -> planning.Amounts:
    return planning.Amounts(line.plan, line.committed, line.actual)


def labelled(lines) -> list[tuple[str, planning.Amounts]]:
    """(label, Amounts) of kept project lines, as the page's tables show rows."""
    return [(planning.project_label(line.project_pk, line.title), amounts(line)) for line in lines]


def _minutes() -> timedelta:
    return timedelta(minutes=settings.COPRODUCE_FIGURES_MINUTES)


def refresh(year: planning.FinancialYear) -> KeptSummary:
    # The time before working out: anything changed meanwhile is newer than "as of".
    started = timezone.now()
    summary = planning.summary(year)
    return actions.keep_summary(
        year_start=year.start,
        data=summary.to_data(),
        project_lines=summary.project_lines(),
        computed_at=started,
    )


def for_year(year: planning.FinancialYear) -> Kept:
    """The year's kept summary, in one query: worked out and kept now when there is none
    yet; when it is stale, shown as it is and a refresh queued."""
    kept = KeptSummary.objects.filter(year_start=year.start).first()
    if kept is None:
        kept = refresh(year)
    now = timezone.now()
    stale = kept.computed_at <= now - _minutes()
    if stale and actions.ask_for_summary_refresh(kept=kept, now=now, after=_minutes()):
        start = year.start.isoformat()
        transaction.on_commit(lambda: refresh_year.enqueue(start))
    return Kept(planning.Summary.from_data(year, kept.data), kept.computed_at, stale, kept)


def _year_of(start: date) -> planning.FinancialYear:
    return planning.FinancialYear.containing(start)


@task()
def refresh_year(year_start: str) -> None:
    kept = KeptSummary.objects.filter(year_start=date.fromisoformat(year_start)).first()
    if kept is not None and kept.computed_at <= timezone.now() - _minutes() / 2:
        refresh(_year_of(kept.year_start))


def refresh_recent(now: datetime | None = None) -> int:
    """Works out again the kept summaries of this financial year and the last that are
    older than half the period: the job. Older years are refreshed when someone looks.
    Returns how many it kept."""
    now = now or timezone.now()
    this_year = planning.FinancialYear.containing(timezone.localdate(now))
    last_year_start = planning.FinancialYear.containing(
        date.fromordinal(this_year.start.toordinal() - 1)
    ).start
    stale = KeptSummary.objects.filter(
        year_start__gte=last_year_start, computed_at__lte=now - _minutes() / 2
    ).values_list("year_start", flat=True)
    kept = 0
    for start in stale:
        refresh(_year_of(start))
        kept += 1
    return kept


@task()
def refresh_recent_years() -> int:
    return refresh_recent()
