"""Reciprocity figures for the dashboard (coproduce.lib.figures) and the
payments list: how long people wait to be paid."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count
from django.urls import reverse

from coproduce.lib import figures
from coproduce.lib.suppression import floor, suppress

from .models import Claim, Status

ON_TIME_DAYS = 14


@dataclass(frozen=True)
class Timeliness:
    count: int
    within: int
    median_days: Decimal | None

    @property
    def share_within(self):
        return round(Decimal(100) * self.within / self.count) if self.count else None


def paid_claims(period=None):
    """Claims paid with money (not those with nothing to pay), in the period by paid date."""
    # Only claims paid with money have days to pay, so this is one index's range.
    claims = Claim.objects.filter(days_to_pay__isnull=False)
    if period is not None:
        since, until = period.datetimes()
        claims = claims.filter(paid_at__gte=since, paid_at__lt=until)
    return claims


def timeliness(claims):
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


def _median(histogram, count):
    """The median of the days, from [(days, how many)] in order of days."""
    middle = [(count - 1) // 2, count // 2]  # the one or two middle positions
    values, seen = [], 0
    for days, n in histogram:
        while middle and middle[0] < seen + n:
            values.append(days)
            middle.pop(0)
        seen += n
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"))


def _list_url(**params):
    from urllib.parse import urlencode

    return reverse("payments:claim_list") + ("?" + urlencode(params) if params else "")


def paid_within_14_days(period):
    found = timeliness(paid_claims(period))
    shown, total = suppress({"within": found.within, "later": found.count - found.within})
    url = _list_url(status=Status.PAID, paid_from=period.start, paid_to=period.end)
    rows = (
        figures.Row(f"Paid within {ON_TIME_DAYS} days", shown["within"], url),
        figures.Row(f"Paid after more than {ON_TIME_DAYS} days", shown["later"], url),
    )
    title = f"Claims paid within {ON_TIME_DAYS} days"
    if found.count == 0:
        return figures.Figure(title, "No claims were paid in this period.", None, "%", rows,
                              ("How long", "Claims"), url, "payments.view_claims")  # fmt: skip
    if shown["within"] is None or total is None:
        return figures.Figure(
            title,
            f"Too few claims were paid in this period to show (fewer than {floor()}).",
            None, "%", rows, ("How long", "Claims"), url, "payments.view_claims",
            (f"Suppressed: fewer than {floor()}.",),
        )  # fmt: skip
    share = found.share_within
    return figures.Figure(
        title,
        f"{found.within} of {found.count} claims ({share}%) were paid within {ON_TIME_DAYS} days.",
        share, "%", rows, ("How long", "Claims"), url, "payments.view_claims",
    )  # fmt: skip


def median_days_to_pay(period):
    found = timeliness(paid_claims(period))
    url = _list_url(status=Status.PAID, paid_from=period.start, paid_to=period.end)
    title = "Days from sending a claim to payment (median)"
    if found.count == 0:
        return figures.Figure(title, "No claims were paid in this period.", None, "days",
                              url=url, url_permission="payments.view_claims")  # fmt: skip
    if found.count < floor():
        return figures.Figure(
            title,
            f"Too few claims were paid in this period to show (fewer than {floor()}).",
            None, "days", url=url, url_permission="payments.view_claims",
            notes=(f"Suppressed: fewer than {floor()}.",),
        )  # fmt: skip
    return figures.Figure(
        title,
        f"Half of the {found.count} claims paid were paid within {found.median_days} days "
        "of being sent.",
        found.median_days, "days",
        rows=(figures.Row("Median days", found.median_days, url),
              figures.Row("Claims paid", found.count, url)),
        columns=("Measure", "Value"), url=url, url_permission="payments.view_claims",
    )  # fmt: skip
