"""Projects' figures for the dashboard: the ladder (declared and evidenced),
involvement from the first stage, "you said, we did", and the co-producers active on
project teams (registered under the people app's key, `people.active_coproducers`). Each
is worked out in a fixed number of queries, whatever the number of projects."""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from coproduce.lib.figures import Figure, Period, Row
from coproduce.lib.suppression import floor, suppress

from . import evidence
from .models import Feedback, Project, Rung
from .team import active_coproducers

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from coproduce.accounts.models import User


def projects_in(period: Period) -> QuerySet[Project]:
    """Projects running at some time in the period."""
    return Project.objects.filter(created_at__date__lte=period.end).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=period.start)
    )


def _share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def ladder_distribution(period: Period, viewer: User | None) -> Figure:
    declared = dict(projects_in(period).values_list("pk", "declared_rung__number"))
    measures = evidence.measures_for(declared)
    evidenced = {pk: evidence.evidenced_rung(m)[0] for pk, m in measures.items()}
    rungs = list(Rung.objects.order_by("-number"))
    rows: list[Row] = []
    for rung in rungs:
        rows.append(
            Row(
                label=gettext("%(number)s. %(name)s: declared")
                % {"number": rung.number, "name": rung.name_shown},
                value=sum(1 for n in declared.values() if n == rung.number),
            )
        )
        rows.append(
            Row(
                label=gettext("%(number)s. %(name)s: evidenced")
                % {"number": rung.number, "name": rung.name_shown},
                value=sum(1 for n in evidenced.values() if n == rung.number),
            )
        )
    rows.append(
        Row(
            label=gettext("Not enough evidence yet"),
            value=sum(1 for n in evidenced.values() if n is None),
        )
    )
    total = len(declared)
    supported = sum(
        1 for pk, n in declared.items() if evidenced[pk] is not None and evidenced[pk] >= n
    )
    value = _share(supported, total)
    summary = (
        ngettext(
            "Of %(total)d project running in the period, the records of %(supported)d "
            "(%(share)s%%) support the rung they declared.",
            "Of %(total)d projects running in the period, the records of %(supported)d "
            "(%(share)s%%) support the rung they declared.",
            total,
        )
        % {"total": total, "supported": supported, "share": value}
        if total
        else gettext("No projects were running in this period.")
    )
    return Figure(
        title=gettext("Ladder of co-production: declared and evidenced"),
        summary=summary,
        value=value,
        unit="%",
        rows=tuple(rows),
        columns=(gettext("Rung"), gettext("Projects")),
        url=reverse("projects:project_list"),
        url_permission="projects.view_project_list",
        notes=(
            gettext(
                "Declared: the rung the project team chose. Evidenced: the highest rung its "
                "records support (see “How we judge the evidence” on the ladder page)."
            ),
        ),
    )


def from_the_start(period: Period, viewer: User | None) -> Figure:
    ids = list(projects_in(period).values_list("pk", flat=True))
    measures = evidence.measures_for(ids)
    involved = sum(1 for m in measures.values() if m.first_stage_involved)
    total = len(ids)
    value = _share(involved, total)
    return Figure(
        title=gettext("Projects involving co-producers from the start"),
        summary=(
            ngettext(
                "%(involved)d of %(total)d project (%(share)s%%) involved co-producers "
                "from the first stage.",
                "%(involved)d of %(total)d projects (%(share)s%%) involved co-producers "
                "from the first stage.",
                total,
            )
            % {"involved": involved, "total": total, "share": value}
            if total
            else gettext("No projects were running in this period.")
        ),
        value=value,
        unit="%",
        rows=(
            Row(label=gettext("From the first stage"), value=involved),
            Row(label=gettext("Later, or not yet"), value=total - involved),
        ),
        columns=(gettext("When co-producers joined"), gettext("Projects")),
        url=reverse("projects:project_list"),
        url_permission="projects.view_project_list",
    )


def _within(days: int) -> str:
    if days == 0:
        return gettext("on the day they were said")
    return ngettext("within %(days)d day", "within %(days)d days", days) % {"days": days}


def you_said_we_did(period: Period, viewer: User | None) -> Figure:
    said = Feedback.objects.filter(said_on__gte=period.start, said_on__lte=period.end)
    by_outcome = dict(
        said.values_list("outcome").annotate(n=Count("pk")).values_list("outcome", "n")
    )
    days = [
        (responded - said_on).days
        for said_on, responded in said.exclude(outcome=Feedback.Outcome.OPEN)
        .exclude(responded_on__isnull=True)
        .values_list("said_on", "responded_on")
        if responded is not None  # excluded above; says so to the type checker
    ]
    total = sum(by_outcome.values())
    closed = total - by_outcome.get(Feedback.Outcome.OPEN, 0)
    middle = round(median(days)) if days else None
    answered = {"closed": closed, "total": total, "share": _share(closed, total)}
    if not total:
        summary = gettext("Nothing was recorded as said in this period.")
    elif middle is None:
        summary = (
            ngettext(
                "%(closed)d of %(total)d thing people said (%(share)s%%) has an answer.",
                "%(closed)d of %(total)d things people said (%(share)s%%) have an answer.",
                total,
            )
            % answered
        )
    else:
        summary = ngettext(
            "%(closed)d of %(total)d thing people said (%(share)s%%) has an answer; "
            "half were answered %(within)s.",
            "%(closed)d of %(total)d things people said (%(share)s%%) have an answer; "
            "half were answered %(within)s.",
            total,
        ) % {**answered, "within": _within(middle)}
    return Figure(
        title=gettext("“You said, we did”: answered and time to answer"),
        summary=summary,
        value=middle,
        unit=gettext("days (median to answer)"),
        rows=tuple(
            Row(label=str(label), value=by_outcome.get(code, 0))
            for code, label in Feedback.Outcome.choices
        ),
        columns=(gettext("Outcome"), gettext("Items")),
        url=reverse("projects:project_list"),
        url_permission="projects.view_project_list",
        notes=(gettext("Counts what was said in the period, and the answers given to it so far."),),
    )


def active_figure(period: Period, viewer: User | None) -> Figure:
    count = active_coproducers(period).count()
    shown, _ = suppress({"active": count})
    value = shown["active"]
    summary = (
        ngettext(
            "%(count)d co-producer took part in a project in this period.",
            "%(count)d co-producers took part in a project in this period.",
            value,
        )
        % {"count": value}
        if value is not None
        else gettext("Fewer than %(floor)s co-producers took part in a project in this period.")
        % {"floor": floor()}
    )
    return Figure(
        title=gettext("Active co-producers"),
        summary=summary,
        value=value,
        unit=gettext("people"),
        url=reverse("people:person_list"),
        url_permission="people.list_people",
        notes=(gettext("Counted once each, however many projects they were part of."),),
    )
