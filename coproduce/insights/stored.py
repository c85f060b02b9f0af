"""The dashboard's figures, worked out ahead of time for each preset period and each
audience and kept in FigureSet rows, so a page reads one row instead of working out
every figure (decision 0031).

An audience is a figures.Audience: a stand-in viewer that records every permission the
figures ask about and its answer. A set is shown only to a person who gives the same
answer to each of those permissions, so it never shows anyone more than they would see
if their figures were worked out for them. Reads of restricted data the figures made are
logged for each person the set is shown to, when it is shown."""

import logging
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from coproduce.lib.figures import Audience, Figure, Period, Row
from coproduce.lib.suppression import floor

from . import actions
from .compute import arrange, work_out
from .models import FigureSet
from .periods import preset_period

log = logging.getLogger(__name__)


def _number_out(value):
    return {"decimal": str(value)} if isinstance(value, Decimal) else value


def _number_in(value):
    return Decimal(value["decimal"]) if isinstance(value, dict) else value


def figure_out(figure):
    """A Figure as JSON: Decimals kept exact."""
    return {
        "title": figure.title,
        "summary": figure.summary,
        "value": _number_out(figure.value),
        "unit": figure.unit,
        "rows": [[row.label, _number_out(row.value), row.url] for row in figure.rows],
        "columns": list(figure.columns),
        "url": figure.url,
        "url_permission": figure.url_permission,
        "notes": list(figure.notes),
        "maximum": _number_out(figure.maximum),
        "grid": [[_number_out(cell) for cell in line] for line in figure.grid],
    }


def figure_in(data):
    return Figure(
        title=data["title"],
        summary=data["summary"],
        value=_number_in(data["value"]),
        unit=data["unit"],
        rows=tuple(
            Row(label=label, value=_number_in(value), url=url) for label, value, url in data["rows"]
        ),
        columns=tuple(data["columns"]),
        url=data["url"],
        url_permission=data["url_permission"],
        notes=tuple(data["notes"]),
        maximum=_number_in(data["maximum"]),
        grid=tuple(tuple(_number_in(cell) for cell in line) for line in data["grid"]),
    )


def results(figure_set):
    """[(key, area, Figure or None)] as work_out gave them."""
    return [
        (
            entry["key"],
            entry["area"],
            None if entry["figure"] is None else figure_in(entry["figure"]),
        )
        for entry in figure_set.figures
    ]


def audience_text(asked):
    return ",".join(f"{perm}={'yes' if answer else 'no'}" for perm, answer in sorted(asked.items()))


def areas_html(areas):
    """The figures by area as the dashboard shows them."""
    return render_to_string("insights/_areas.html", {"areas": areas, "floor": floor()})


def work_out_for(preset, answer):
    """Works out and stores the set of `preset` for the audience `answer` stands for.
    The links into the records are laid out for the audience too, so the permissions
    they need are part of it."""
    period = preset_period(preset)
    audience = Audience(answer)
    worked_out = work_out(period, audience)
    return _store(preset, period, audience, worked_out, areas_html(arrange(worked_out, audience)))


def _store(preset, period, audience, worked_out, html, replacing=None):
    return actions.store_figure_set(
        preset=preset,
        period=period,
        audience=audience_text(audience.asked),
        asked=audience.asked,
        reads=audience.reads,
        figures=[
            {"key": key, "area": area, "figure": None if figure is None else figure_out(figure)}
            for key, area, figure in worked_out
        ],
        html=html,
        replacing=replacing,
    )


def _minutes():
    return timedelta(minutes=settings.COPRODUCE_FIGURES_MINUTES)


def is_stale(figure_set, now=None):
    """Older than COPRODUCE_FIGURES_MINUTES, or for dates the preset no longer covers."""
    now = now or timezone.now()
    period = preset_period(figure_set.preset, timezone.localdate(now))
    return figure_set.computed_at <= now - _minutes() or (figure_set.start, figure_set.end) != (
        period.start,
        period.end,
    )


def _matching(preset, answer):
    """The stored set of `preset` for the audience whose answers `answer` gives: one
    query. Worked out now and stored when there is none yet; a refresh is queued when
    it is stale."""
    figure_set = next(
        (
            stored
            for stored in FigureSet.objects.filter(preset=preset)
            if all(answer(perm) == given for perm, given in stored.asked.items())
        ),
        None,
    )
    if figure_set is None:
        figure_set = work_out_for(preset, answer)
    elif is_stale(figure_set) and actions.ask_for_refresh(
        figure_set=figure_set, now=timezone.now(), after=_minutes()
    ):
        pk = figure_set.pk
        transaction.on_commit(lambda: refresh_figure_set.enqueue(pk))
    return figure_set


def for_viewer(preset, viewer):
    """The stored set of `preset` for the viewer's audience (see _matching). Logs the
    set's reads of restricted data for the viewer."""
    figure_set = _matching(preset, viewer.has_perm)
    actions.record_reads_shown(viewer=viewer, reads=figure_set.reads)
    return figure_set


def without_permissions(preset, viewer):
    """The stored set of `preset` for an audience that holds none of the permissions the
    figures ask about: aggregates only, the same for everyone, whatever the viewer may
    see elsewhere (the co-producers' view). It makes no reads of restricted data; any
    it did would be logged for the viewer."""
    figure_set = _matching(preset, lambda perm: False)
    actions.record_reads_shown(viewer=viewer, reads=figure_set.reads)
    return figure_set


def refresh(figure_set):
    """Works the set out again for the same audience. When the figures now ask about a
    permission the audience was never asked (the records changed which links a figure
    has), nobody can say how its members answer it: the set is dropped instead, and the
    next of them to visit has it worked out for them. Returns the new set or None."""
    audience = Audience(lambda perm: figure_set.asked.get(perm, False))
    period = preset_period(figure_set.preset)
    worked_out = work_out(period, audience)
    html = areas_html(arrange(worked_out, audience))
    if set(audience.asked) - set(figure_set.asked):
        actions.drop_figure_set(figure_set_id=figure_set.pk)
        return None
    return _store(figure_set.preset, period, audience, worked_out, html, figure_set.pk)


@task()
def refresh_figure_set(figure_set_id):
    figure_set = FigureSet.objects.filter(pk=figure_set_id).first()
    if figure_set is not None and is_stale(figure_set):
        refresh(figure_set)


def refresh_all(now=None):
    """Works out again every stored set worked out more than half a period ago, or for
    dates its preset no longer covers: the job. Returns how many it stored."""
    now = now or timezone.now()
    refreshed = 0
    for figure_set in FigureSet.objects.defer("figures", "reads", "html").order_by("pk"):
        recent = figure_set.computed_at > now - _minutes() / 2
        if recent and not is_stale(figure_set, now):
            continue
        refreshed += refresh(figure_set) is not None
    return refreshed


@task()
def refresh_figure_sets():
    return refresh_all()


def stored_period(figure_set):
    return Period(figure_set.start, figure_set.end)
