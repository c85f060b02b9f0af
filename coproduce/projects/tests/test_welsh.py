"""Projects in Welsh: the pages, the shipped ladder and stages, and the messages each
person gets, in their own language whoever acted."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications.models import Notification
from coproduce.projects import actions
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_the_default_language():
    """A Welsh request leaves Welsh active in this thread; later tests expect English."""
    yield
    translation.deactivate()


def test_the_project_page_and_the_shipped_ladder_read_in_welsh(client_as, people):
    project = make_project(lead=people["staff"])
    client = client_as("staff")
    client.post(reverse("accounts:language"), {"language": "cy"})
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Ar ysgol cyd-gynhyrchu" in page
    assert "Gwerthuso" in page  # a shipped stage
    assert "Ymgysylltu" in page  # rung 5's shipped name
    ladder = client.get(reverse("projects:ladder")).content.decode()
    assert "Sut rydym yn barnu'r dystiolaeth" in ladder
    assert "Gorfodi" in ladder


def test_a_reworded_rung_is_shown_as_the_organisation_wrote_it(client_as, people):
    project = make_project(lead=people["staff"])
    project.declared_rung.name = "Working together"
    project.declared_rung.save()
    client = client_as("staff")
    client.post(reverse("accounts:language"), {"language": "cy"})
    assert "Working together" in client.get(project.get_absolute_url()).content.decode()


def test_each_team_member_is_asked_for_their_position_in_their_own_language(people):
    welsh, english = UserFactory(roles=["coproducer"]), UserFactory(roles=["coproducer"])
    welsh.language = "cy"
    welsh.save(update_fields=["language"])
    project = make_project(lead=people["staff"], coproducers=[welsh, english])
    actions.open_decision(
        project=project,
        opened_by=people["staff"],
        what="Meetings move to Tuesdays.",
        why="Mornings are hard.",
        closes_on=date.today() + timedelta(days=7),
    )
    told = {n.recipient: n for n in Notification.objects.filter(kind="projects.decision")}
    assert told[welsh].subject.startswith("Gofynnir am eich safbwynt")
    assert told[english].subject.startswith("Your position is asked")


def test_an_answer_to_what_someone_said_reaches_them_in_welsh(people):
    welsh = UserFactory(roles=["coproducer"])
    welsh.language = "cy"
    welsh.save(update_fields=["language"])
    project = make_project(lead=people["staff"], coproducers=[welsh])
    item = actions.record_feedback(
        project=project, recorded_by=people["staff"], said_by=[welsh], said="Papers are late."
    )
    actions.answer_feedback(
        item=item, outcome="done", response="Papers now go out sooner.",
        answered_by=people["staff"], build_url=lambda item: "/",
    )  # fmt: skip
    told = Notification.objects.get(kind="projects.you_said_answered", recipient=welsh)
    assert told.subject.startswith("Dywedoch chi, gwnaethom ni")
    assert "Fe ddywedoch chi rywbeth wrthym" in told.body
