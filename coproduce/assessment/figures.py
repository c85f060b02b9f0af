"""The self-assessment's figures for the dashboard: each area's scores from staff
and from co-producers with the gap, and the action plan's open and overdue actions."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from coproduce.lib.figures import Compute, Figure, Period, Row

from . import results
from .models import AREA_LABELS, Action, Round

if TYPE_CHECKING:
    from coproduce.accounts.models import User


def _latest_round(period: Period) -> Round | None:
    return (
        Round.objects.filter(opened_on__gte=period.start, opened_on__lte=period.end)
        .order_by("-opened_on", "-pk")
        .first()
    )


def area_scores(area: str) -> Compute:
    def compute(period: Period, viewer: User | None) -> Figure:
        title = gettext("%(area)s: self-assessment scores") % {"area": AREA_LABELS[area]}
        round_ = _latest_round(period)
        if round_ is None:
            return Figure(
                title=title,
                summary=gettext("No self-assessment round was opened in this period."),
                unit=gettext("points"),
            )
        scores = results.area_scores([round_.pk])[round_.pk][area]
        summary = gettext(
            "In %(title)s, staff scored %(area)s %(staff)s and co-producers %(coproducers)s "
            "out of 5. %(gap)s"
        ) % {
            "title": round_.title,
            "area": str(AREA_LABELS[area]).lower(),
            "staff": _score(scores.staff),
            "coproducers": _score(scores.coproducer),
            "gap": scores.gap_words,
        }
        return Figure(
            title=title,
            summary=summary,
            value=scores.gap,
            unit=gettext("point gap"),
            rows=(
                Row(label=gettext("Staff"), value=scores.staff),
                Row(label=gettext("Co-producers"), value=scores.coproducer),
            ),
            columns=(gettext("Who answered"), gettext("Average score out of 5")),
            url=reverse("assessment:round_detail", args=[round_.pk]),
            url_permission="assessment.view_results",
            notes=(
                gettext("The gap is the co-producers' score minus the staff score."),
                gettext("An average from fewer people than the small-number floor is not shown."),
            ),
            maximum=5,
        )

    return compute


def _score(value: Decimal | None) -> str:
    return gettext("not shown (too few answers)") if value is None else str(value)


def open_actions(period: Period, viewer: User | None) -> Figure:
    """Actions raised by the end of the period and not done by then."""
    not_done = Q(created_at__date__lte=period.end) & (
        ~Q(status=Action.Status.DONE) | Q(done_on__gt=period.end)
    )
    by_area = dict(
        Action.objects.filter(not_done)
        .values_list("area")
        .annotate(n=Count("pk"))
        .values_list("area", "n")
    )
    totals = Action.objects.aggregate(
        open=Count("pk", filter=not_done),
        overdue=Count("pk", filter=not_done & Q(due_on__lt=period.end)),
        done=Count("pk", filter=Q(done_on__gte=period.start, done_on__lte=period.end)),
    )
    return Figure(
        title=gettext("Action plan: open and overdue actions"),
        summary=ngettext(
            "At the end of the period %(open)s action was open, %(overdue)s of them overdue; "
            "%(done)s were done during the period.",
            "At the end of the period %(open)s actions were open, %(overdue)s of them overdue; "
            "%(done)s were done during the period.",
            totals["open"],
        )
        % totals,
        value=totals["open"],
        unit=gettext("actions"),
        rows=tuple(
            Row(label=str(label), value=by_area.get(key, 0)) for key, label in AREA_LABELS.items()
        )
        + (Row(label=gettext("Overdue (any area)"), value=totals["overdue"]),),
        columns=(gettext("Area"), gettext("Open actions")),
        url=reverse("assessment:action_list"),
        url_permission="assessment.view_actions",
    )
