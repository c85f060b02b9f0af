"""The activity feed shows what was said by the same rule as the project page and
"you said, we did": the team and the project's managers see everything, other staff
only what was marked to show to everyone."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.projects import actions
from coproduce.projects.models import Feedback
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db

PRIVATE = "My benefits changed after the last payment, and I am worried."
PUBLIC = "The room was too hot to think."


@pytest.fixture
def project(people):
    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    for said, public in ((PRIVATE, False), (PUBLIC, True)):
        actions.record_feedback(
            project=project,
            recorded_by=people["coproducer"],
            said_by=[people["coproducer"]],
            said=said,
            source=Feedback.Source.CONVERSATION,
            public=public,
        )
    return project


def feed_as(client, person, project):
    client.force_login(person)
    response = client.get(reverse("projects:project_activity", args=[project.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_staff_not_on_the_team_see_only_what_is_public(client, project):
    outsider = UserFactory(email="other-staff@example.org", roles=["staff"])
    page = feed_as(client, outsider, project)
    assert PUBLIC in page
    assert PRIVATE not in page


@pytest.mark.parametrize("who", ["coproducer", "staff", "lead"])
def test_the_team_the_project_lead_and_the_coproduction_lead_see_everything(
    client, people, project, who
):
    # coproducer: on the team; staff: the project's lead; lead: the co-production lead.
    page = feed_as(client, people[who], project)
    assert PUBLIC in page
    assert PRIVATE in page


def test_the_feed_and_the_project_page_agree(client, project):
    outsider = UserFactory(email="other-staff@example.org", roles=["staff"])
    client.force_login(outsider)
    detail = client.get(reverse("projects:project_detail", args=[project.pk])).content.decode()
    assert (PRIVATE in detail) == (PRIVATE in feed_as(client, outsider, project))
