"""How a commitment is judged from its figure's monthly history (decision 0040)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from coproduce.insights import actions as insights_actions
from coproduce.strategy import trajectory
from coproduce.strategy.models import Commitment, Direction
from coproduce.strategy.trajectory import Point, judge, months_before

TODAY = date(2026, 11, 30)


def commitment(**fields):
    fields.setdefault("text", "70% of projects involve co-producers from the start")
    fields.setdefault("due_on", date(2027, 3, 31))
    fields.setdefault("figure_key", "projects.from_the_start")
    fields.setdefault("target", Decimal(70))
    fields.setdefault("direction", Direction.AT_LEAST)
    return Commitment(pk=1, **fields)


def monthly(*values, last=TODAY):
    """Points at month ends, the last in `last`'s month, one per value, oldest first."""
    points = []
    for back, value in enumerate(reversed(values)):
        month_end = months_before(last, back - 1) - timedelta(days=1)
        points.append(Point(min(month_end, last), Decimal(value)))
    return list(reversed(points))


def test_a_rising_trend_that_reaches_the_target_is_on_track():
    judged = judge(commitment(), monthly(40, 45, 50, 55, 60, 65), TODAY, "%")
    assert judged.status == trajectory.ON_TRACK
    assert judged.projected > 70
    assert judged.words.startswith("On track. It is 65% now;")
    assert "against a target of at least 70%" in judged.words


def test_a_trend_that_falls_short_is_not_on_track_and_says_by_how_much():
    judged = judge(commitment(), monthly(40, 41, 42, 43, 44, 45), TODAY, "%")
    assert judged.status == trajectory.OFF_TRACK
    assert Decimal(48) < judged.projected < Decimal(50)
    assert "it will be about 49% by 31 March 2027, which misses the target" in judged.words


def test_at_most_targets_judge_a_falling_figure():
    days = commitment(target=Decimal(10), direction=Direction.AT_MOST)
    assert judge(days, monthly(20, 18, 16, 14, 12), TODAY, "days").status == trajectory.ON_TRACK
    assert judge(days, monthly(12, 13, 14), TODAY, "days").status == trajectory.OFF_TRACK


def test_only_the_last_six_months_set_the_trend():
    # A steep climb a year ago, flat since: flat is what goes on.
    points = monthly(0, 10, 20, 30, 40, 50, 60, 60, 60, 60, 60, 60)
    judged = judge(commitment(), points, TODAY, "%")
    assert judged.status == trajectory.OFF_TRACK
    assert judged.projected == Decimal(60)


def test_too_little_history_is_said_plainly_not_guessed():
    judged = judge(commitment(), monthly(50, 80), TODAY, "%")
    assert judged.status == trajectory.TOO_LITTLE
    assert judged.projected is None
    assert "2 monthly values in the last 6 months, and we need at least 3" in judged.words
    assert judge(commitment(), [], TODAY, "%").status == trajectory.TOO_LITTLE


def test_past_its_date_it_was_met_or_missed():
    gone = commitment(due_on=date(2026, 10, 1))
    assert judge(gone, monthly(60, 71), TODAY, "%").status == trajectory.MET
    missed = judge(gone, monthly(60, 65), TODAY, "%")
    assert missed.status == trajectory.MISSED
    assert missed.words.startswith("The date has passed and the target was not met: 65%")


def test_without_a_figure_or_a_target_nothing_is_judged():
    assert judge(commitment(figure_key="", target=None), [], TODAY).status == (
        trajectory.NOT_MEASURED
    )
    shown = judge(commitment(target=None), monthly(1, 2, 3), TODAY)
    assert shown.status == trajectory.NO_TARGET and len(shown.points) == 3


@pytest.mark.django_db
def test_the_monthly_series_keeps_the_last_snapshot_of_each_month():
    values = {
        date(2026, 9, 3): Decimal(10),
        date(2026, 9, 28): Decimal(12),
        date(2026, 10, 31): Decimal(15),
        date(2026, 11, 29): Decimal(18),
        date(2025, 1, 31): Decimal(99),  # older than the 12 months shown
    }
    insights_actions.record_demo_history(
        key="projects.from_the_start", values=values, title="From the start", unit="%"
    )
    judged = trajectory.trajectories([commitment()], TODAY)[1]
    assert [(p.taken_on, p.value) for p in judged.points] == [
        (date(2026, 9, 28), Decimal(12)),
        (date(2026, 10, 31), Decimal(15)),
        (date(2026, 11, 29), Decimal(18)),
    ]
    assert judged.status == trajectory.OFF_TRACK


def test_the_chart_is_scaled_to_the_target_when_the_target_is_highest():
    judged = judge(commitment(target=Decimal(80), due_on=TODAY), monthly(20, 40, 60), TODAY, "%")
    assert [width for _, width in judged.bars(Decimal(80))] == [25, 50, 75]
