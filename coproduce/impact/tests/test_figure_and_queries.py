"""The dashboard's count of changes by jigsaw area, and pages whose queries do not grow
with the number of entries."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.impact.figures import changes_by_area
from coproduce.impact.models import ImpactEntry, ImpactPerson, Where
from coproduce.impact.tests.factories import make_entry
from coproduce.lib import figures
from coproduce.lib.figures import Period
from coproduce.projects.models import Feedback
from coproduce.projects.tests.factories import make_project
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


def test_the_figure_counts_changes_by_area_and_where_in_the_period(people):
    today = timezone.localdate()
    make_entry(by=people["staff"], area="culture", where=Where.INSIDE, changed_on=today)
    make_entry(by=people["staff"], area="culture", where=Where.OUTSIDE, changed_on=today)
    make_entry(
        by=people["staff"], area="review", where=Where.OUTSIDE, changed_on=today, published=True
    )
    make_entry(by=people["staff"], area="practice", changed_on=today - timedelta(days=400))
    figure = changes_by_area(Period(today - timedelta(days=30), today), None)
    assert figure.value == 3
    assert [(row.label, row.value) for row in figure.rows] == [
        ("Culture", 2),
        ("Structure", 0),
        ("Practice", 0),
        ("Review", 1),
    ]
    assert figure.grid[1] == ("Culture", 1, 1)
    assert figure.grid[4] == ("Review", 0, 1)
    assert "3 changes" in figure.summary and "1 is on the public impact page" in figure.summary
    assert figure.rows[0].url.endswith("?area=culture")
    empty = changes_by_area(Period(date(2000, 1, 1), date(2000, 12, 31)), None)
    assert empty.value == 0 and "No changes" in empty.summary


def test_the_figure_is_on_the_dashboard_under_review():
    (source,) = [s for s in figures.sources("review") if s.key == "impact.changes_by_area"]
    assert source.compute is changes_by_area


def add_entries(people, project, count, start=0):
    """`count` published entries, each with a consenting person, one who has not chosen,
    and a public and a private "you said" item: everything the pages show per entry."""
    said = Feedback.objects.filter(project=project)
    for n in range(start, start + count):
        entry = ImpactEntry.objects.create(
            title=f"Change {n}",
            what_changed="What changed.",
            area="practice",
            project=project,
            published=True,
            recorded_by=people["staff"],
        )
        entry.feedback.set(said)
        ImpactPerson.objects.create(
            entry=entry,
            person=people["coproducer"],
            consent_to_be_named=True,
            consent_changed_at=timezone.now(),
        )
        ImpactPerson.objects.create(entry=entry, person=people["coproducer_staff"])


def test_pages_cost_the_same_queries_with_2_and_200_entries(client_as, people):
    project = make_project(lead=people["staff"])
    Feedback.objects.create(project=project, said="Shown", public=True)
    Feedback.objects.create(project=project, said="Not shown")
    add_entries(people, project, 2)
    first = ImpactEntry.objects.order_by("pk").first()
    staff = client_as("staff")
    named = Client()
    named.force_login(people["coproducer"])
    assert_queries_do_not_grow(
        {
            "public list": (Client(), reverse("impact:public_list")),
            "public detail": (Client(), reverse("impact:public_detail", args=[first.pk])),
            "log": (staff, reverse("impact:entry_list")),
            "entry": (staff, first.get_absolute_url()),
            "mentions": (named, reverse("impact:mentions")),
        },
        lambda: add_entries(people, project, 198, start=2),
    )
    assert ImpactEntry.objects.count() == 200
