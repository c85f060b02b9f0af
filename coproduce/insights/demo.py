"""Made-up equality answers for the demo co-producers, so the dashboard's reach
figures have something to count (and to hide when groups are small); the figures'
history over the last months, and the demo board member's visit to the dashboard a
month ago, so their Today shows the figures that moved since; and the dashboard's
figures worked out ahead for the demo lead and board member, as the job keeps them; and
the demo co-producer's commentary for the board report."""

import itertools
from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import Role, User
from coproduce.people import actions
from coproduce.people.models import EqualityMonitoring

from . import actions as insights_actions
from . import snapshots, stored
from .models import BoardCommentary, DashboardVisit, FigureSet, FigureSnapshot
from .periods import preset_period

# Days ago each snapshot of the history was taken, oldest first.
HISTORY_DAYS = (120, 90, 60, 30, 7, 0)

AGES = ["25-34", "35-44", "45-54", "55-64", "35-44", "prefer_not"]
ETHNICITIES = ["white", "white", "black", "asian", "white", "mixed", "black"]
GENDERS = ["woman", "man", "woman", "non_binary", "man", "woman"]


def load(log):
    _equality(log)
    _history(log)
    _figure_sets(log)
    _commentary(log)


def _commentary(log):
    """The demo co-producer's commentary on the last 12 months, for the board report."""
    if BoardCommentary.objects.exists():
        log("Demo board report commentary: already there")
        return
    author = User.objects.filter(email="coproducer@example.org").first()
    if author is None:
        return
    insights_actions.write_commentary(
        period=preset_period("12m"),
        text=(
            "We are paid faster than a year ago, and access needs are met more often. "
            "We still hear about projects after the plan is made: we want to be asked "
            "at the start."
        ),
        author=author,
        show_name=True,
    )
    log("Demo board report commentary: one, from the demo co-producer")


def _figure_sets(log):
    if FigureSet.objects.exists():
        log("Demo dashboard figures: already worked out")
        return
    for role in (Role.LEAD, Role.BOARD):
        person = User.objects.filter(role_assignments__role=role).order_by("pk").first()
        if person is not None:
            for preset in ("12m", "3m"):
                stored.work_out_for(preset, person.has_perm)
    for preset in ("12m", "3m"):
        # The co-producers' view reads the set worked out for no permissions.
        stored.work_out_for(preset, lambda perm: False)
    log("Demo dashboard figures: worked out for the lead, the board and co-producers")


def _history(log):
    """Snapshots worked out from the demo records' own dates, as the daily job would
    have taken them on each of those days."""
    today = timezone.localdate()
    if FigureSnapshot.objects.filter(taken_on=today).exists():
        log("Demo figure history: already there")
    else:
        for days in HISTORY_DAYS:
            snapshots.take(today - timedelta(days=days))
        log(f"Demo figure history: snapshots on {len(HISTORY_DAYS)} days")
    board = User.objects.filter(role_assignments__role=Role.BOARD).order_by("pk").first()
    if board is None or DashboardVisit.objects.filter(user=board).exists():
        return
    for days in (60, 30):
        insights_actions.record_visit(user=board, today=today - timedelta(days=days))
    log("Demo dashboard visit: the board member last looked 30 days ago")


def _equality(log):
    if EqualityMonitoring.objects.exists():
        log("Demo equality answers: already there")
        return
    people = User.objects.filter(role_assignments__role=Role.COPRODUCER).order_by("pk")
    answers = zip(
        itertools.cycle(AGES), itertools.cycle(ETHNICITIES), itertools.cycle(GENDERS), strict=False
    )
    added = 0
    for person, (age, ethnicity, gender) in zip(people, answers, strict=False):
        actions.save_equality(
            person=person,
            data={"age_band": age, "ethnicity": ethnicity, "gender": gender, "disabled": "yes"},
        )
        added += 1
    log(f"Demo equality answers: {added} co-producers")
