"""The "you said, we did" figure says how quickly answers came, in plain words."""

import datetime

import pytest

from coproduce.lib.figures import Period
from coproduce.projects.figures import you_said_we_did
from coproduce.projects.models import Feedback
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 6, 1)


def said(project, outcome=Feedback.Outcome.OPEN, answered_after=None):
    return Feedback.objects.create(
        project=project,
        said="Large print, please",
        said_on=DAY,
        outcome=outcome,
        responded_on=DAY + datetime.timedelta(days=answered_after)
        if answered_after is not None
        else None,
    )


@pytest.mark.parametrize(
    "days, words",
    [
        (0, "half were answered on the day they were said."),
        (1, "within 1 day."),
        (9, "within 9 days."),
    ],
)
def test_the_median_time_to_answer_reads_as_plain_english(people, days, words):
    project = make_project(lead=people["staff"])
    said(project, Feedback.Outcome.DONE, answered_after=days)
    said(project)
    figure = you_said_we_did(Period(DAY, DAY), None)
    assert figure.summary.startswith("1 of 2 things people said (50%) have an answer")
    assert figure.summary.endswith(words) and figure.value == days
