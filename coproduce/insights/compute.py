"""Works out every registered figure for a period and a viewer, and prepares it
for any output (page, PDF, CSV, XLSX): the same figures and numbers in each."""

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext

from coproduce.lib import figures
from coproduce.lib.figures import AREAS
from coproduce.lib.suppression import floor

log = logging.getLogger(__name__)


@dataclass
class Bar:
    label: str
    value: object
    text: str  # the value as written on the chart and in the table
    width: int  # 0-100 in steps of 5, for the cp-w-N class
    url: str


@dataclass
class Shown:
    key: str
    area: str
    figure: figures.Figure | None
    failed: bool
    links: bool  # the viewer may follow links into the records
    bars: list
    headline: str

    @property
    def title(self):
        return self.figure.title if self.figure else self.key

    def table(self):
        """(headings, rows) of plain text: what CSV and XLSX hold."""
        if self.figure is None:
            return (gettext("Figure"), gettext("Value")), [
                (self.key, gettext("Could not be worked out"))
            ]
        if self.figure.grid:
            head, *body = self.figure.grid
            return tuple(head), [tuple(value_text(cell) for cell in row) for row in body]
        return tuple(self.figure.columns), [(bar.label, bar.text) for bar in self.bars]


def value_text(value):
    if value is None:
        return gettext("Fewer than %(floor)s (not shown)") % {"floor": floor()}
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _width(value, maximum):
    if value is None or not maximum or value <= 0:
        return 0
    return int(min(100, round(Decimal(value) * 20 / Decimal(maximum)) * 5))


def show(key, area, figure, viewer):
    """A figure ready for output; links into the records only for a viewer who may
    follow them."""
    links = bool(figure.url_permission) and viewer.has_perm(figure.url_permission)
    numbers = [row.value for row in figure.rows if row.value is not None]
    maximum = figure.maximum or (max(numbers) if numbers else 0)
    bars = [
        Bar(
            label=row.label,
            value=row.value,
            text=value_text(row.value),
            width=_width(row.value, maximum),
            url=row.url if links else "",
        )
        for row in figure.rows
    ]
    if figure.value is None:
        headline = ""
    elif figure.unit == "%":
        headline = f"{value_text(figure.value)}%"
    else:
        headline = f"{value_text(figure.value)} {figure.unit}".strip()
    return Shown(key, area, figure, False, links, bars, headline)


def work_out(period, viewer):
    """[(key, area, Figure or None)] in registration order; None: the figure failed,
    which is logged instead of taking the whole dashboard down. `viewer` is a person,
    or a figures.Audience when worked out ahead of time."""
    results = []
    for source in figures.sources():
        try:
            figure = source.compute(period, viewer)
        except Exception:
            log.exception("Figure %s failed", source.key)
            figure = None
        results.append((source.key, source.area, figure))
    return results


def arrange(results, viewer):
    """[(area key, area label, [Shown])] in jigsaw order, for this viewer."""
    by_area = {key: [] for key in AREAS}
    for key, area, figure in results:
        if area not in by_area:
            continue  # an area no longer on the dashboard
        if figure is None:
            by_area[area].append(Shown(key, area, None, True, False, [], ""))
        else:
            by_area[area].append(show(key, area, figure, viewer))
    return [(key, AREAS[key], by_area[key]) for key in AREAS]


def compute_all(period, viewer):
    """Every figure worked out now for this viewer, arranged by area."""
    return arrange(work_out(period, viewer), viewer)
