"""Plan, committed and actual for a financial year (decision 0041).

Plan: planned meetings (co-producers expected × the meeting activity's rate on the
meeting's day), planned activities (people × the activity's rate on its day) and the
budget lines the lead and finance enter. Committed: claims sent and waiting for
approval. Actual: claims approved or paid. Claims count in the month of the activity.
Every source is one grouped query, so the page costs the same however much data."""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.conf import settings
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.meetings import costing as meeting_costing
from coproduce.payments import spending

from .models import PENNY, PlannedActivity, PlannedLine, from_pence

ZERO = Decimal("0.00")


def start_month():
    return settings.COPRODUCE_FINANCIAL_YEAR_STARTS


@dataclass(frozen=True)
class FinancialYear:
    start: date  # the first day
    end: date  # the last day

    @classmethod
    def starting_in(cls, year):
        month = start_month()
        start = date(year, month, 1)
        end = date(year + 1, month, 1) if month > 1 else date(year + 1, 1, 1)
        return cls(start, date.fromordinal(end.toordinal() - 1))

    @classmethod
    def containing(cls, day):
        return cls.starting_in(day.year if day.month >= start_month() else day.year - 1)

    @property
    def label(self):
        if self.start.year == self.end.year:
            return str(self.start.year)
        return _("%(start)s to %(end)s") % {"start": self.start.year, "end": self.end.year}

    def months(self):
        day = self.start
        while day <= self.end:
            yield day
            day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)


@dataclass
class Amounts:
    plan: Decimal = ZERO
    committed: Decimal = ZERO
    actual: Decimal = ZERO

    @property
    def variance(self):
        """What is left if every sent claim is approved; below nothing means over the plan."""
        return self.plan - self.committed - self.actual

    def add(self, state, amount):
        setattr(self, state, getattr(self, state) + amount)


@dataclass
class Summary:
    year: FinancialYear
    total: Amounts = field(default_factory=Amounts)
    by_month: dict = field(default_factory=dict)  # month -> Amounts
    # Projects by id, so two projects with one title stay two rows; None: no project.
    by_project: dict = field(default_factory=dict)  # project id or None -> Amounts
    project_titles: dict = field(default_factory=dict)  # project id -> title
    by_type: dict = field(default_factory=dict)  # (name or "") -> Amounts

    def add(self, month, project, kind, state, amount):
        """Count `amount` under `state`; `project` is (id, title), or (None, "")."""
        if not amount:
            return
        project_id, title = project
        if project_id is not None:
            self.project_titles[project_id] = title
        self.total.add(state, amount)
        for table, key in ((self.by_month, month), (self.by_project, project_id),
                           (self.by_type, kind)):  # fmt: skip
            table.setdefault(key, Amounts()).add(state, amount)

    def to_data(self):
        """The totals, months and activities as JSON-safe data, amounts as exact text
        (KeptSummary.data); the projects are kept as rows (project_lines)."""

        def out(amounts):
            return [str(amounts.plan), str(amounts.committed), str(amounts.actual)]

        return {
            "total": out(self.total),
            "by_month": [[month.isoformat(), out(a)] for month, a in self.by_month.items()],
            "by_type": [[key, out(a)] for key, a in self.by_type.items()],
        }

    @classmethod
    def from_data(cls, year, data, project_lines=()):
        """A summary from to_data() and, when the projects are wanted, project_lines()."""

        def amounts(values):
            return Amounts(*(Decimal(value) for value in values))

        found = cls(
            year,
            total=amounts(data["total"]),
            by_month={date.fromisoformat(m): amounts(a) for m, a in data["by_month"]},
            by_type={key: amounts(a) for key, a in data["by_type"]},
        )
        for project_id, title, project_amounts in project_lines:
            found.by_project[project_id] = project_amounts
            if project_id is not None:
                found.project_titles[project_id] = title
        return found

    def project_lines(self):
        """(project id or None, title, Amounts) in the page's order: by title, then id, and
        the whole organisation's last."""
        named = sorted(
            (key for key in self.by_project if key is not None),
            key=lambda key: (self.project_titles[key].casefold(), key),
        )
        lines = [(key, self.project_titles[key], self.by_project[key]) for key in named]
        if None in self.by_project:
            lines.append((None, "", self.by_project[None]))
        return lines

    def rows(self, table):
        """(label, Amounts) rows of one table: named rows by name, the unnamed one last."""
        if table == "month":
            return [(month, self.by_month.get(month, Amounts())) for month in self.year.months()]
        if table == "project":
            return [
                (project_label(key, title), amounts) for key, title, amounts in self.project_lines()
            ]
        named_types = sorted((key, value) for key, value in self.by_type.items() if key)
        other = [(_("Other costs"), self.by_type[""])] if "" in self.by_type else []
        return named_types + other


def project_label(project_id, title):
    return title if project_id is not None else _("Whole organisation")


def _month(day):
    return date(day.year, day.month, 1)


def costs_between(start, end):
    """(month, (project id, title) or (None, ""), activity type name or "", state, Decimal
    pounds) for every planned and claimed cost with a day in [start, end]."""
    zone = timezone.get_current_timezone()
    rates = spending.activity_rates()
    meeting_type = next(
        (kind for kind, (_n, slug, _r) in rates.items() if slug == spending.MEETING), None
    )
    since = datetime.combine(start, time.min, tzinfo=zone)
    until = datetime.combine(date.fromordinal(end.toordinal() + 1), time.min, tzinfo=zone)
    if meeting_type is not None:
        name, _slug, history = rates[meeting_type]
        for day, project, title, minutes, people in meeting_costing.expected_between(since, until):
            rate = spending.rate_on(history, day)
            if rate:
                yield (
                    _month(day),
                    (project, title or ""),
                    name,
                    "plan",
                    from_pence(rate.fee_for(minutes) * people),
                )
    activities = (
        PlannedActivity.objects.filter(on__gte=start, on__lte=end)
        .order_by()
        .values_list("on", "project_id", "project__title", "activity_type_id", "minutes")
        .annotate(people=Sum("people"))
    )
    for day, project, title, kind, minutes, people in activities:
        name, _slug, history = rates.get(kind, ("", "", []))
        rate = spending.rate_on(history, day)
        if rate:
            pounds = from_pence(rate.fee_for(minutes) * people)
            yield _month(day), (project, title or ""), name, "plan", pounds
    lines = (
        PlannedLine.objects.filter(month__gte=_month(start), month__lte=end)
        .annotate(in_month=TruncMonth("month"))
        .order_by()
        .values_list("in_month", "project_id", "project__title", "activity_type__name")
        .annotate(amount=Sum("amount"))
    )
    for month, project, title, name, amount in lines:
        # SQLite sums decimals as floats' text: back to exact pence.
        pounds = Decimal(amount).quantize(PENNY)
        yield month, (project, title or ""), name or "", "plan", pounds
    for month, project, title, _kind, name, state, pence in spending.claimed_between(start, end):
        yield month, (project, title or ""), name or "", state, from_pence(pence)


def summary(year):
    found = Summary(year)
    for month, project, kind, state, amount in costs_between(year.start, year.end):
        found.add(month, project, kind, state, amount)
    return found
