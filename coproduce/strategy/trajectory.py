"""How a commitment is doing: its figure's monthly history from the daily snapshots,
and whether the trend reaches the target by the due date (decision 0040).

The trend is a straight line from the earliest to the latest monthly figure of the last
six months, carried on to the due date. With fewer than three monthly figures in those
months there is too little history, and the page says so rather than guess."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext, gettext_lazy, ngettext

from coproduce.insights import history

from .models import Commitment, Direction

MONTHS_SHOWN = 12
TREND_MONTHS = 6
FEWEST_POINTS = 3

ON_TRACK = "on_track"
OFF_TRACK = "off_track"
MET = "met"
MISSED = "missed"
TOO_LITTLE = "too_little"
NO_TARGET = "no_target"
NOT_MEASURED = "not_measured"

LABELS = {
    ON_TRACK: gettext_lazy("On track"),
    OFF_TRACK: gettext_lazy("Not on track"),
    MET: gettext_lazy("Target met"),
    MISSED: gettext_lazy("Target missed"),
    TOO_LITTLE: gettext_lazy("Too little history to say"),
    NO_TARGET: gettext_lazy("No target"),
    NOT_MEASURED: gettext_lazy("Not measured by a figure"),
}
# GOV.UK tag colours, beside the words (never instead of them).
COLOURS = {
    ON_TRACK: "govuk-tag--green",
    MET: "govuk-tag--green",
    OFF_TRACK: "govuk-tag--red",
    MISSED: "govuk-tag--red",
    TOO_LITTLE: "govuk-tag--grey",
    NO_TARGET: "govuk-tag--grey",
    NOT_MEASURED: "govuk-tag--grey",
}
ON_TRACK_OR_MET = (ON_TRACK, MET)


@dataclass(frozen=True)
class Point:
    taken_on: date
    value: Decimal


@dataclass(frozen=True)
class Trajectory:
    status: str
    words: str
    points: tuple[Point, ...] = ()
    projected: Decimal | None = None

    @property
    def label(self) -> str:
        return str(LABELS[self.status])

    @property
    def colour(self) -> str:
        return COLOURS[self.status]

    @property
    def on_track(self) -> bool:
        return self.status in ON_TRACK_OR_MET

    def bars(self, target: Decimal | None) -> list[tuple[Point, int]]:
        """(point, width 0-100 in steps of 5) for the chart beside the table, on a scale
        whose top is the largest of the values, the trend's and the target."""
        scale = [p.value for p in self.points]
        scale += [v for v in (target, self.projected) if v is not None]
        top = max(scale, default=Decimal(0))
        if top <= 0:
            return [(p, 0) for p in self.points]
        return [(p, int(round(max(p.value, Decimal(0)) / top * 20)) * 5) for p in self.points]


def months_before(day: date, months: int) -> date:
    """The first day of the month `months` calendar months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def amount(value: Decimal, unit: str) -> str:
    """72% ; 1,234 claims ; 3.5 days: as the dashboard writes a headline."""
    number = value.quantize(Decimal("0.1")).normalize()
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    text = formats.number_format(number, use_l10n=True, force_grouping=True)
    return f"{text}%" if unit == "%" else f"{text} {unit}".strip()


def target_words(commitment: Commitment, unit: str) -> str:
    assert commitment.target is not None
    target = amount(commitment.target, unit)
    if commitment.direction == Direction.AT_MOST:
        return gettext("at most %(target)s") % {"target": target}
    return gettext("at least %(target)s") % {"target": target}


def _meets(commitment: Commitment, value: Decimal) -> bool:
    assert commitment.target is not None
    if commitment.direction == Direction.AT_MOST:
        return value <= commitment.target
    return value >= commitment.target


def _day(day: date) -> str:
    return formats.date_format(day, "j F Y")


def judge(commitment: Commitment, points: list[Point], today: date, unit: str = "") -> Trajectory:
    """The trajectory of one commitment from its figure's monthly points (oldest first)."""
    if not commitment.figure_key:
        return Trajectory(
            NOT_MEASURED, gettext("No dashboard figure measures this commitment."), ()
        )
    shown = tuple(points)
    if commitment.target is None:
        return Trajectory(
            NO_TARGET,
            gettext("It has no target, so we do not say whether it is on track."),
            shown,
        )
    target = target_words(commitment, unit)
    if not shown:
        return Trajectory(
            TOO_LITTLE,
            gettext("The figure has no history yet, so we cannot say whether it is on track."),
        )
    latest = shown[-1]
    if commitment.due_on < today:
        met = _meets(commitment, latest.value)
        words = (
            gettext(
                "The date has passed and the target was met: %(now)s on %(when)s, "
                "against a target of %(target)s."
            )
            if met
            else gettext(
                "The date has passed and the target was not met: %(now)s on %(when)s, "
                "against a target of %(target)s."
            )
        )
        values = {"now": amount(latest.value, unit), "when": _day(latest.taken_on)}
        return Trajectory(MET if met else MISSED, words % {**values, "target": target}, shown)
    recent = [p for p in shown if p.taken_on >= months_before(today, TREND_MONTHS - 1)]
    if len(recent) < FEWEST_POINTS:
        return Trajectory(
            TOO_LITTLE,
            ngettext(
                "Too little history to say whether it is on track: the figure has "
                "%(n)s monthly value in the last 6 months, and we need at least %(least)s.",
                "Too little history to say whether it is on track: the figure has "
                "%(n)s monthly values in the last 6 months, and we need at least %(least)s.",
                len(recent),
            )
            % {"n": len(recent), "least": FEWEST_POINTS},
            shown,
        )
    first, last = recent[0], recent[-1]
    per_day = (last.value - first.value) / (last.taken_on - first.taken_on).days
    projected = last.value + per_day * (commitment.due_on - last.taken_on).days
    values = {
        "now": amount(last.value, unit),
        "projected": amount(projected, unit),
        "due": _day(commitment.due_on),
        "target": target,
    }
    if _meets(commitment, projected):
        words = gettext(
            "On track. It is %(now)s now; if the trend of the last 6 months goes on, it "
            "will be about %(projected)s by %(due)s, against a target of %(target)s."
        )
        return Trajectory(ON_TRACK, words % values, shown, projected)
    words = gettext(
        "Not on track. It is %(now)s now; if the trend of the last 6 months goes on, it "
        "will be about %(projected)s by %(due)s, which misses the target of %(target)s."
    )
    return Trajectory(OFF_TRACK, words % values, shown, projected)


def trajectories(commitments: Iterable[Commitment], today: date) -> dict[int, Trajectory]:
    """{commitment id: trajectory}, from one query for every figure's history."""
    chosen = list(commitments)
    keys = {c.figure_key for c in chosen if c.figure_key}
    found = history.monthly(keys, months_before(today, MONTHS_SHOWN - 1)) if keys else {}
    judged = {}
    for c in chosen:
        unit, rows = found.get(c.figure_key, ("", []))
        judged[c.pk] = judge(c, [Point(day, value) for day, value in rows], today, unit)
    return judged
