"""Reciprocity figures for the dashboard (coproduce.lib.figures) and the
payments list: how long people wait to be paid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.lib import changes, figures
from coproduce.lib.suppression import floor, suppress

from .models import Claim, Status

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from coproduce.accounts.models import User

ON_TIME_DAYS = 14


@dataclass(frozen=True)
class Timeliness:
    count: int
    within: int
    median_days: Decimal | None

    @property
    def share_within(self) -> int | None:
        return round(Decimal(100) * self.within / self.count) if self.count else None


def paid_claims(period: figures.Period | None = None) -> QuerySet[Claim]:
    """Claims paid with money (not those with nothing to pay), in the period by paid date."""
    # Only claims paid with money have days to pay, so this is one index's range.
    claims = Claim.objects.filter(days_to_pay__isnull=False)
    if period is not None:
        since, until = period.datetimes()
        claims = claims.filter(paid_at__gte=since, paid_at__lt=until)
    return claims


def timeliness(claims: QuerySet[Claim]) -> Timeliness:
    """Days from sent to paid for paid claims: how many, how many within 14 days, the
    median. One grouped query: how many claims took each number of days."""
    histogram = sorted(
        claims.exclude(days_to_pay=None)
        .order_by()
        .values_list("days_to_pay")
        .annotate(n=Count("pk"))
    )
    count = sum(n for _, n in histogram)
    if not count:
        return Timeliness(0, 0, None)
    within = sum(n for days, n in histogram if days <= ON_TIME_DAYS)
    return Timeliness(count, within, _median(histogram, count))


LAST_YEAR_KEPT_SECONDS = 15 * 60


def _last_year_key(today: date) -> str:
    return f"payments.timeliness.last_year:{today.isoformat()}"


def timeliness_of_the_last_year(today: date) -> tuple[Timeliness, datetime]:
    """The claims list's usual figure, claims paid in the 12 months to today, with when
    it was worked out. Kept for 15 minutes: it counts every claim paid in a year (46,000
    at scale 1), the list's dearest part. Paying a batch forgets it (on this server)."""
    key = _last_year_key(today)
    kept: tuple[Timeliness, datetime] | None = cache.get(key)
    if kept is None:
        changes.note_worked_out()
        period = figures.Period(today - timedelta(days=365), today)
        kept = (timeliness(paid_claims(period)), timezone.now())
        cache.set(key, kept, LAST_YEAR_KEPT_SECONDS)
    return kept


def forget_timeliness_of_the_last_year() -> None:
    cache.delete(_last_year_key(timezone.localdate()))


def _median(histogram: list[tuple[int, int]], count: int) -> Decimal:
    """The median of the days, from [(days, how many)] in order of days."""
    middle = [(count - 1) // 2, count // 2]  # the one or two middle positions
    values: list[int] = []
    seen = 0
    for days, n in histogram:
        while middle and middle[0] < seen + n:
            values.append(days)
            middle.pop(0)
        seen += n
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"))


def _list_url(**params: object) -> str:
    return reverse("payments:claim_list") + ("?" + urlencode(params) if params else "")


def paid_within_14_days(period: figures.Period, viewer: User | None) -> figures.Figure:
    found = timeliness(paid_claims(period))
    shown, total = suppress({"within": found.within, "later": found.count - found.within})
    url = _list_url(status=Status.PAID, paid_from=period.start, paid_to=period.end)
    rows = (
        figures.Row(
            label=_("Paid within %(days)s days") % {"days": ON_TIME_DAYS},
            value=shown["within"],
            url=url,
        ),
        figures.Row(
            label=_("Paid after more than %(days)s days") % {"days": ON_TIME_DAYS},
            value=shown["later"],
            url=url,
        ),
    )
    title = _("Claims paid within %(days)s days") % {"days": ON_TIME_DAYS}
    if found.count == 0:
        return figures.Figure(
            title=title,
            summary=_("No claims were paid in this period."),
            value=None,
            unit="%",
            rows=rows,
            columns=(_("How long"), _("Claims")),
            url=url,
            url_permission="payments.view_claims",
        )
    if shown["within"] is None or total is None:
        return figures.Figure(
            title=title,
            summary=_("Too few claims were paid in this period to show (fewer than %(floor)s).")
            % {"floor": floor()},
            value=None,
            unit="%",
            rows=rows,
            columns=(_("How long"), _("Claims")),
            url=url,
            url_permission="payments.view_claims",
            notes=(_("Suppressed: fewer than %(floor)s.") % {"floor": floor()},),
        )
    share = found.share_within
    return figures.Figure(
        title=title,
        summary=(
            _("%(within)s of %(count)s claims (%(share)s%%) were paid within %(days)s days.")
            % {"within": found.within, "count": found.count, "share": share, "days": ON_TIME_DAYS}
        ),
        value=share,
        unit="%",
        rows=rows,
        columns=(_("How long"), _("Claims")),
        url=url,
        url_permission="payments.view_claims",
    )


def median_days_to_pay(period: figures.Period, viewer: User | None) -> figures.Figure:
    found = timeliness(paid_claims(period))
    url = _list_url(status=Status.PAID, paid_from=period.start, paid_to=period.end)
    title = _("Days from sending a claim to payment (median)")
    if found.count == 0:
        return figures.Figure(
            title=title,
            summary=_("No claims were paid in this period."),
            value=None,
            unit=_("days"),
            url=url,
            url_permission="payments.view_claims",
        )
    if found.count < floor():
        return figures.Figure(
            title=title,
            summary=_("Too few claims were paid in this period to show (fewer than %(floor)s).")
            % {"floor": floor()},
            value=None,
            unit=_("days"),
            url=url,
            url_permission="payments.view_claims",
            notes=(_("Suppressed: fewer than %(floor)s.") % {"floor": floor()},),
        )
    return figures.Figure(
        title=title,
        summary=(
            _("Half of the %(count)s claims paid were paid within %(days)s days of being sent.")
            % {"count": found.count, "days": found.median_days}
        ),
        value=found.median_days,
        unit=_("days"),
        rows=(
            figures.Row(label=_("Median days"), value=found.median_days, url=url),
            figures.Row(label=_("Claims paid"), value=found.count, url=url),
        ),
        columns=(_("Measure"), _("Value")),
        url=url,
        url_permission="payments.view_claims",
    )


def people_warned_about_limits(period: figures.Period, viewer: User | None) -> figures.Figure:
    """How many people were warned that a claim they sent took their fees over a limit.
    Only a count, suppressed when small: it says something about people's benefits."""
    since, until = period.datetimes()
    # Warned: sent over a limit, or chose what to do when warned before sending.
    warned = (
        Claim.objects.filter(
            Q(limit_warned=True) | ~Q(limit_choice=""),
            submitted_at__gte=since,
            submitted_at__lt=until,
        )
        .values("claimant")
        .distinct()
        .count()
    )
    title = _("People warned that a claim took them over a payment limit")
    url = reverse("payments:payment_limits")
    shown, _total = suppress({"warned": warned})
    if shown["warned"] is None:
        return figures.Figure(
            title=title,
            summary=_("Too few people to show (fewer than %(floor)s).") % {"floor": floor()},
            value=None,
            unit=_("people"),
            url=url,
            url_permission="payments.manage_limits",
            notes=(_("Suppressed: fewer than %(floor)s.") % {"floor": floor()},),
        )
    return figures.Figure(
        title=title,
        summary=_(
            "%(count)s people who asked to be warned sent a claim that took their fees "
            "over a weekly or yearly limit."
        )
        % {"count": warned},
        value=warned,
        unit=_("people"),
        rows=(figures.Row(label=_("People warned"), value=warned, url=url),),
        columns=(_("Measure"), _("People")),
        url=url,
        url_permission="payments.manage_limits",
    )


def share_paid_in_advance(period: figures.Period, viewer: User | None) -> figures.Figure:
    """Of the money paid for expenses in the period, how much was paid before it was
    spent (an advance, to the person or a supplier) rather than paid back afterwards."""
    from django.db.models import Sum

    from .models import Advance, ExpenseItem

    since, until = period.datetimes()
    advances = Advance.objects.filter(paid_at__gte=since, paid_at__lt=until).aggregate(
        n=Count("pk"), pence=Sum("amount_pence")
    )
    afterwards = ExpenseItem.objects.filter(
        claim__paid_at__gte=since, claim__paid_at__lt=until
    ).aggregate(n=Count("pk"), pence=Sum("amount_pence"))
    shown, total = suppress({"advance": advances["n"], "afterwards": afterwards["n"]})
    url = reverse("payments:advance_list")
    title = _("Expenses paid in advance")
    rows = (
        figures.Row(label=_("Expenses paid in advance"), value=shown["advance"], url=url),
        figures.Row(label=_("Expenses paid back afterwards"), value=shown["afterwards"], url=url),
    )

    def figure(summary: str, value: int | None, notes: tuple[str, ...] = ()) -> figures.Figure:
        return figures.Figure(
            title=title,
            summary=summary,
            value=value,
            unit="%",
            rows=rows,
            columns=(_("When paid"), _("Expenses")),
            url=url,
            url_permission="payments.view_advances",
            notes=notes,
            maximum=100,
        )

    if not (advances["n"] or afterwards["n"]):
        return figure(_("No expenses were paid in this period."), None)
    if total is None or shown["advance"] is None:
        return figure(
            _("Too few expenses were paid in this period to show (fewer than %(floor)s).")
            % {"floor": floor()},
            None,
            (_("Suppressed: fewer than %(floor)s.") % {"floor": floor()},),
        )
    paid_before = advances["pence"] or 0
    whole = paid_before + (afterwards["pence"] or 0)
    share = round(Decimal(100) * paid_before / whole) if whole else 0
    return figure(
        _(
            "%(share)s%% of the money paid for expenses was paid before it was spent, "
            "so nobody had to find it first."
        )
        % {"share": share},
        share,
    )
