"""Demo-like data at a chosen scale for the dashboard's tests and timings."""

import itertools
from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.assessment import actions as assessment_actions
from coproduce.assessment.tests.factories import COPRODUCER, STAFF, answer_all, open_round
from coproduce.learning import actions as learning_actions
from coproduce.learning.models import Module
from coproduce.people import actions as people_actions
from coproduce.projects.models import Feedback, Stage
from coproduce.projects.tests.factories import make_project

ETHNICITY = ["white", "black", "asian", "mixed"]
GENDER = ["woman", "man", "non_binary"]
AGE = ["25-34", "35-44", "55-64"]


def build(scale, lead):
    """`scale` times: 3 projects with 4 co-producers each, feedback, 6 staff who
    answer and do training, 6 co-producers who answer, and one action."""
    today = timezone.localdate()
    round_ = open_round(lead=lead, title=f"Round at scale {scale}")
    module = Module.objects.create(
        title="What co-production means",
        description="Equal partnership.",
        content="Read this.",
        required_for=["staff"],
        complete_by=today,
        created_by=lead,
    )
    ethnicities = itertools.cycle(ETHNICITY)
    genders = itertools.cycle(GENDER)
    ages = itertools.cycle(AGE)
    for batch in range(scale):
        coproducers = [UserFactory(roles=["coproducer"]) for _ in range(12)]
        for person in coproducers:
            people_actions.save_equality(
                person=person,
                data={
                    "ethnicity": next(ethnicities),
                    "gender": next(genders),
                    "age_band": next(ages),
                    "disabled": "yes",
                },
            )
        for number in range(3):
            project = make_project(
                lead=lead,
                coproducers=coproducers[number * 4 : number * 4 + 4],
                rung=5 + number % 3,
                title=f"Project {batch}-{number}",
            )
            if number != 2:
                Stage.objects.filter(project=project, order=1).update(coproducers_involved=True)
            Feedback.objects.create(
                project=project,
                said="Papers came too late to read.",
                said_on=today - timedelta(days=20),
                outcome=Feedback.Outcome.DONE if number else Feedback.Outcome.OPEN,
                response="We now send papers a week before." if number else "",
                responded_on=today - timedelta(days=5) if number else None,
            )
        for number in range(6):
            person = UserFactory(roles=["staff"])
            answer_all(round_, person, STAFF, 4)
            if number % 2:
                learning_actions.record_completion(
                    module=module,
                    person=person,
                    completed_on=today,
                    reflection="",
                    recorded_by=person,
                )
        for person in coproducers[:6]:
            answer_all(round_, person, COPRODUCER, 3)
        assessment_actions.raise_action(
            created_by=lead,
            round=round_,
            area="review",
            what=f"Review with co-producers, batch {batch}",
            owner=lead,
            due_on=today + timedelta(days=30),
        )
    return round_
