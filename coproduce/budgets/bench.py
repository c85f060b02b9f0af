"""The benchmark's share of the involvement budget: budget lines and planned activities
across this financial year and the last, for projects and the whole organisation."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from coproduce.lib.generation import bulk, scaled, sentence
from coproduce.payments.models import ActivityType
from coproduce.projects.models import Project

from .models import PlannedActivity, PlannedLine
from .planning import FinancialYear


def generate(scale, rng, log):
    projects = list(Project.objects.values_list("pk", flat=True)) + [None]
    kinds = list(ActivityType.objects.values_list("pk", flat=True))
    if not kinds:
        return
    this_year = FinancialYear.containing(timezone.localdate())
    years = [FinancialYear.starting_in(this_year.start.year - 1), this_year]
    months = [month for year in years for month in year.months()]
    lines = scaled(3000, scale, minimum=24)
    bulk(
        PlannedLine,
        (
            PlannedLine(
                month=rng.choice(months),
                project_id=rng.choice(projects),
                activity_type_id=rng.choice(kinds + [None]),
                description=sentence(rng, 5),
                amount=Decimal(rng.randrange(5000, 500000)) / 100,
            )
            for _ in range(lines)
        ),
    )
    activities = scaled(3000, scale, minimum=24)
    span = (years[-1].end - years[0].start).days
    bulk(
        PlannedActivity,
        (
            PlannedActivity(
                on=years[0].start + timedelta(days=rng.randrange(span)),
                project_id=rng.choice(projects),
                activity_type_id=rng.choice(kinds),
                description=sentence(rng, 5),
                people=rng.randrange(1, 15),
                minutes=rng.choice([60, 90, 120, 180, 240]),
            )
            for _ in range(activities)
        ),
    )
    log(f"budgets: {lines} budget lines, {activities} planned activities")
