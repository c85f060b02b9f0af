"""People's figures for the dashboard: reach (equality monitoring answers) among a group
of people, every count through the one suppression function. Which people a figure is
about (`among(period)`, a queryset of users) comes from the app that knows: the projects
app registers reach among the co-producers active on its teams."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.utils.translation import gettext, ngettext

from coproduce.lib.figures import Compute, Figure, Period, Row
from coproduce.lib.suppression import floor

from . import equality
from .models import EqualityMonitoring

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from coproduce.accounts.models import User

# The people a figure is about in a period: a queryset of users.
Among = Callable[[Period], "QuerySet[User]"]

REACH_QUESTIONS = ("age_band", "disabled", "ethnicity", "gender")
CROSS = ("ethnicity", "gender")
PERMISSION = "people.view_equality_report"


def _label(question: str) -> str:
    return str(EqualityMonitoring._meta.get_field(question).verbose_name)  # type: ignore[union-attr]


def _not_allowed(title: str) -> Figure:
    return Figure(
        title=title, summary=gettext("Only the co-production lead and the board see reach.")
    )


def reach(question: str, among: Among) -> Compute:
    def compute(period: Period, viewer: User | None) -> Figure:
        short = _label(question).removeprefix("Your ").removeprefix("Do you ")
        title = gettext("Reach: %(question)s") % {"question": short}
        if viewer is None or not viewer.has_perm(PERMISSION):
            return _not_allowed(title)
        rows = equality.answer_counts(
            viewer,
            question,
            "Dashboard: reach among active co-producers",
            people=among(period),
            permission=PERMISSION,
        )
        answered = sum(n for _, n in rows if n)
        hidden = sum(1 for _, n in rows if n is None)
        if not answered and not hidden:
            summary = gettext(
                "None of the co-producers active in the period answered “%(question)s”."
            ) % {"question": _label(question)}
        else:
            summary = ngettext(
                "Answers to “%(question)s” from co-producers active in the period who "
                "chose to say. %(hidden)s group is too small to show.",
                "Answers to “%(question)s” from co-producers active in the period who "
                "chose to say. %(hidden)s groups are too small to show.",
                hidden,
            ) % {"question": _label(question), "hidden": hidden}
        return Figure(
            title=title,
            summary=summary,
            value=answered or None,
            unit=gettext("answers shown"),
            rows=tuple(Row(label=label, value=n) for label, n in rows),
            columns=(gettext("Answer"), gettext("People")),
            notes=(
                gettext(
                    "Groups of fewer than %(floor)s are not shown, nor any group that could "
                    "be worked out from the others."
                )
                % {"floor": floor()},
            ),
        )

    return compute


def reach_cross(among: Among) -> Compute:
    def compute(period: Period, viewer: User | None) -> Figure:
        return _reach_cross(among, period, viewer)

    return compute


def _reach_cross(among: Among, period: Period, viewer: User | None) -> Figure:
    rows_q, columns_q = CROSS
    title = gettext("Reach: ethnic group by gender")
    if viewer is None or not viewer.has_perm(PERMISSION):
        return _not_allowed(title)
    table = equality.cross_counts(
        viewer,
        rows_q,
        columns_q,
        "Dashboard: reach among active co-producers (two questions)",
        people=among(period),
        permission=PERMISSION,
    )
    hidden = sum(1 for n in table.cells.values() if n is None)
    return Figure(
        title=title,
        summary=gettext(
            "Co-producers active in the period by ethnic group and gender, among those "
            "who answered both. %(hidden)s of %(groups)s groups are too small to show "
            "or could be worked out from the totals."
        )
        % {"hidden": hidden, "groups": len(table.cells)},
        value=table.total,
        unit=gettext("people"),
        grid=table.grid(corner=gettext("Ethnic group")),
        notes=(
            gettext(
                "Groups of fewer than %(floor)s are not shown; nor is any number, totals "
                "included, from which a hidden group could be worked out."
            )
            % {"floor": floor()},
        ),
    )
