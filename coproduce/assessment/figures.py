"""The self-assessment's figures for the dashboard: each area's scores from staff
and from co-producers with the gap, and the action plan's open and overdue actions."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.urls import reverse

from coproduce.lib.figures import AREAS, Compute, Figure, Period, Row

from . import results
from .models import Action, Round

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
        title = f"{AREAS[area]}: self-assessment scores"
        round_ = _latest_round(period)
        if round_ is None:
            return Figure(
                title=title,
                summary="No self-assessment round was opened in this period.",
                unit="points",
            )
        scores = results.area_scores([round_.pk])[round_.pk][area]
        summary = (
            f"In {round_.title}, staff scored {AREAS[area].lower()} "
            f"{_score(scores.staff)} and co-producers {_score(scores.coproducer)} out of 5. "
            f"{scores.gap_words}"
        )
        return Figure(
            title=title,
            summary=summary,
            value=scores.gap,
            unit="point gap",
            rows=(
                Row(label="Staff", value=scores.staff),
                Row(label="Co-producers", value=scores.coproducer),
            ),
            columns=("Who answered", "Average score out of 5"),
            url=reverse("assessment:round_detail", args=[round_.pk]),
            url_permission="assessment.view_results",
            notes=(
                "The gap is the co-producers' score minus the staff score.",
                "An average from fewer people than the small-number floor is not shown.",
            ),
            maximum=5,
        )

    return compute


def _score(value: Decimal | None) -> str:
    return "not shown (too few answers)" if value is None else str(value)


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
        title="Action plan: open and overdue actions",
        summary=(
            f"At the end of the period {totals['open']} action{'s' if totals['open'] != 1 else ''} "
            f"were open, {totals['overdue']} of them overdue; {totals['done']} "
            "were done during the period."
        ),
        value=totals["open"],
        unit="actions",
        rows=tuple(Row(label=label, value=by_area.get(key, 0)) for key, label in AREAS.items())
        + (Row(label="Overdue (any area)", value=totals["overdue"]),),
        columns=("Area", "Open actions"),
        url=reverse("assessment:action_list"),
        url_permission="assessment.view_actions",
    )
