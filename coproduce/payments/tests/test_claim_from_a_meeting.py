"""After a meeting someone attended, they start a claim from the meeting page or
from the claim page; the date, time and meeting come filled in, and the same
meeting cannot be claimed twice."""

import html
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.models import Invitation
from coproduce.meetings.tests.factories import make_meeting
from coproduce.payments.models import Claim
from coproduce.payments.tests.factories import make_activity_type
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def attended(people):
    make_activity_type()
    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    meeting = make_meeting(organiser=people["staff"], project=project, title="Bus group", days=-3)
    meeting_actions.invite(
        meeting=meeting, people=[people["coproducer"]], invited_by=people["staff"]
    )
    meeting.invitations.update(reply=Invitation.Reply.YES)
    meeting_actions.record_attendance(
        meeting=meeting, minutes_by_person={people["coproducer"]: 95}, recorded_by=people["staff"]
    )
    return meeting


def claim_link(page):
    (href,) = re.findall(r'href="([^"]*/claims/new/\?[^"]*)"', page.decode())
    return html.unescape(href)


def test_the_meeting_page_starts_a_claim_with_the_time_attended(client_as, attended):
    client = client_as("coproducer")
    href = claim_link(client.get(attended.get_absolute_url()).content)
    query = parse_qs(urlparse(href).query)
    assert query["minutes"] == ["95"] and query["source"] == [f"meeting:{attended.pk}"]
    form = client.get(href).context["form"]
    assert (form.initial["hours"], form.initial["minutes"]) == (1, 35)
    assert form.initial["description"] == "Bus group"
    assert form.initial["project"] == attended.project


def test_people_who_did_not_attend_are_not_offered_a_claim(client_as, people, attended):
    meeting_actions.invite(
        meeting=attended, people=[people["coproducer_staff"]], invited_by=people["staff"]
    )
    page = client_as("coproducer_staff").get(attended.get_absolute_url()).content.decode()
    assert "Claim for your time" not in page


def test_a_meeting_claimed_for_is_no_longer_offered_and_cannot_be_claimed_again(
    client_as, attended
):
    client = client_as("coproducer")
    href = claim_link(client.get(reverse("payments:claim_new")).content)
    form = client.get(href).context["form"]
    data = {
        "activity_type": form.initial["activity_type"].pk,
        "activity_date": form.initial["activity_date"].isoformat(),
        "hours": form.initial["hours"],
        "minutes": form.initial["minutes"],
        "project": form.initial["project"].pk,
        "description": form.initial["description"],
        "payment_choice": "bank",
        "source": form.initial["source"],
    }
    assert client.post(reverse("payments:claim_new"), data).status_code == 302
    assert Claim.objects.get().source == f"meeting:{attended.pk}"
    assert (
        "Meetings you took part in"
        not in client.get(reverse("payments:claim_new")).content.decode()
    )
    again = client.post(reverse("payments:claim_new"), data)
    assert again.status_code == 200 and Claim.objects.count() == 1
