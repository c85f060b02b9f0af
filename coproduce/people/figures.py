"""People's figures for the dashboard: active co-producers and reach (equality
monitoring among them), every count through the one suppression function."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse

from coproduce.lib import figures
from coproduce.lib.figures import Compute, Figure, Period, Row
from coproduce.lib.suppression import floor, suppress

from . import equality
from .models import EqualityMonitoring

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from coproduce.accounts.models import User
else:
    User = get_user_model()
REACH_QUESTIONS = ("age_band", "disabled", "ethnicity", "gender")
CROSS = ("ethnicity", "gender")
PERMISSION = "people.view_equality_report"


def active_coproducers(period: Period) -> QuerySet[User]:
    """Co-producers on a project team at any time in the period: a queryset."""
    from coproduce.projects.models import TeamMember

    memberships = TeamMember.objects.filter(
        Q(left_on__isnull=True) | Q(left_on__gte=period.start),
        kind=TeamMember.Kind.COPRODUCER,
        joined_on__lte=period.end,
    )
    return User.objects.filter(pk__in=memberships.values("person_id"))


def active_figure(period: Period, viewer: User | None) -> Figure:
    count = active_coproducers(period).count()
    shown, _ = suppress({"active": count})
    value = shown["active"]
    summary = (
        f"{value} co-producer{'s' if value != 1 else ''} took part in a project in this period."
        if value is not None
        else f"Fewer than {floor()} co-producers took part in a project in this period."
    )
    return Figure(
        title="Active co-producers",
        summary=summary,
        value=value,
        unit="people",
        url=reverse("people:person_list"),
        url_permission="people.list_people",
        notes=("Counted once each, however many projects they were part of.",),
    )


def _label(question: str) -> str:
    return str(EqualityMonitoring._meta.get_field(question).verbose_name)  # type: ignore[union-attr]


def _not_allowed(title: str) -> Figure:
    return Figure(title=title, summary="Only the co-production lead and the board see reach.")


def reach(question: str) -> Compute:
    def compute(period: Period, viewer: User | None) -> Figure:
        title = f"Reach: {_label(question).removeprefix('Your ').removeprefix('Do you ')}"
        if viewer is None or not viewer.has_perm(PERMISSION):
            return _not_allowed(title)
        rows = equality.answer_counts(
            viewer,
            question,
            "Dashboard: reach among active co-producers",
            people=active_coproducers(period),
            permission=PERMISSION,
        )
        answered = sum(n for _, n in rows if n)
        hidden = sum(1 for _, n in rows if n is None)
        if not answered and not hidden:
            summary = (
                f"None of the co-producers active in the period answered “{_label(question)}”."
            )
        else:
            summary = (
                f"Answers to “{_label(question)}” from co-producers active in the period who "
                f"chose to say. {hidden} group{'s are' if hidden != 1 else ' is'} too small "
                "to show."
            )
        return Figure(
            title=title,
            summary=summary,
            value=answered or None,
            unit="answers shown",
            rows=tuple(Row(label=label, value=n) for label, n in rows),
            columns=("Answer", "People"),
            notes=(
                f"Groups of fewer than {floor()} are not shown, nor any group that could "
                "be worked out from the others.",
            ),
        )

    return compute


def reach_cross(period: Period, viewer: User | None) -> Figure:
    rows_q, columns_q = CROSS
    title = "Reach: ethnic group by gender"
    if viewer is None or not viewer.has_perm(PERMISSION):
        return _not_allowed(title)
    table = equality.cross_counts(
        viewer,
        rows_q,
        columns_q,
        "Dashboard: reach among active co-producers (two questions)",
        people=active_coproducers(period),
        permission=PERMISSION,
    )
    hidden = sum(1 for n in table.cells.values() if n is None)
    return Figure(
        title=title,
        summary=(
            "Co-producers active in the period by ethnic group and gender, among those "
            f"who answered both. {hidden} of {len(table.cells)} groups are too small to show "
            "or could be worked out from the totals."
        ),
        value=table.total,
        unit="people",
        grid=table.grid(corner="Ethnic group"),
        notes=(
            f"Groups of fewer than {floor()} are not shown; nor is any number, totals "
            "included, from which a hidden group could be worked out.",
        ),
    )


figures.register("people.active_coproducers", "culture", active_figure, order=20)
for number, key in enumerate(REACH_QUESTIONS):
    figures.register(f"people.reach.{key}", "culture", reach(key), order=30 + number)
figures.register("people.reach.ethnicity_by_gender", "culture", reach_cross, order=40)
