"""The involvement budget's dashboard figure (structure area): what was spent in the
period against what was planned for it. Sums of money, no one's own: nothing to suppress."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext

from coproduce.lib.figures import Figure, Period, Row

from . import planning
from .models import money

if TYPE_CHECKING:
    from coproduce.accounts.models import User


def spent_against_plan(period: Period, viewer: User | None) -> Figure:
    total = planning.Amounts()
    for _month, _project, _kind, state, amount in planning.costs_between(period.start, period.end):
        total.add(state, amount)
    title = gettext("Involvement budget spent against plan")
    rows = (
        Row(label=gettext("Planned (£)"), value=total.plan),
        Row(label=gettext("Committed: claims sent (£)"), value=total.committed),
        Row(label=gettext("Spent: claims approved or paid (£)"), value=total.actual),
    )
    notes = (
        gettext(
            "Planned: planned meetings and activities at the rates of their days, and budget "
            "lines. Spent and committed count claims by the day of the activity."
        ),
    )
    url = reverse("budgets:year")
    if not total.plan:
        return Figure(
            title=title,
            summary=gettext("Nothing was planned for this period, so there is nothing to compare."),
            rows=rows,
            columns=("", gettext("Pounds")),
            url=url,
            url_permission="budgets.view_budget",
            notes=notes,
        )
    share = (Decimal(100) * total.actual / total.plan).quantize(Decimal("1"), ROUND_HALF_UP)
    return Figure(
        title=title,
        summary=gettext(
            "%(actual)s of the %(plan)s planned (%(share)s%%) was spent; %(committed)s more "
            "is waiting for approval."
        )
        % {
            "actual": money(total.actual),
            "plan": money(total.plan),
            "share": share,
            "committed": money(total.committed),
        },
        value=share,
        unit="%",
        rows=rows,
        columns=("", gettext("Pounds")),
        url=url,
        url_permission="budgets.view_budget",
        notes=notes,
    )
