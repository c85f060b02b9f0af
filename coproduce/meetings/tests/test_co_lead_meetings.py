"""A co-producer who co-leads a project runs its meetings as its staff lead does
(arranging, changing, inviting, papers, attendance), invited or not; never the access
checklist, which is built from passports; and not after leaving the team."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.meetings import actions
from coproduce.meetings.models import Attendance, Material, Meeting
from coproduce.meetings.tests.factories import make_meeting, make_venue, pdf
from coproduce.people import actions as people_actions
from coproduce.projects import actions as project_actions
from coproduce.projects.tests.factories import make_co_lead, make_project
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(people):
    project = make_project(lead=people["staff"], title="Buses for all")
    make_co_lead(project, people["coproducer"])
    return project


@pytest.fixture
def meeting(people, project):
    return make_meeting(organiser=people["staff"], project=project, title="Bus group")


def meeting_data(project, **changes):
    soon = timezone.localdate() + timedelta(days=14)
    return {
        "title": "Bus group, second meeting",
        "project": project.pk,
        "kind": "hybrid",
        "date": soon.isoformat(),
        "time": "14:00",
        "duration_minutes": "120",
        "venue": make_venue().pk,
        "joining_details": "https://meet.example.org/x",
        "capacity": "",
        "notice_days": "7",
        **changes,
    }


def test_a_co_lead_arranges_a_meeting_the_staff_lead_organises(client_as, people, project):
    client = client_as("coproducer")
    form = client.get(reverse("meetings:meeting_create")).context["form"]
    assert list(form.fields["project"].queryset) == [project]  # only the projects they co-lead
    response = client.post(reverse("meetings:meeting_create"), meeting_data(project))
    assert response.status_code == 302
    meeting = Meeting.objects.get(title="Bus group, second meeting")
    # Access arrangements stay with staff: the project's staff lead organises it.
    assert meeting.organiser == people["staff"] and meeting.project == project
    other = make_project(lead=people["staff"], title="Not theirs")
    refused = client.post(reverse("meetings:meeting_create"), meeting_data(other, title="X"))
    assert refused.status_code == 200 and not Meeting.objects.filter(title="X").exists()
    whole = client.post(
        reverse("meetings:meeting_create"), {**meeting_data(project), "project": ""}
    )
    assert "Choose the project it is for" in whole.content.decode()


def test_a_co_lead_changes_invites_adds_papers_and_records_attendance(
    client_as, people, project, meeting
):
    client = client_as("coproducer")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Edit the meeting details" in page and "Access arrangements checklist" not in page
    edited = client.post(
        reverse("meetings:meeting_edit", args=[meeting.pk]),
        meeting_data(project, title="Bus group, moved"),
    )
    assert edited.status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).title == "Bus group, moved"
    client.post(
        reverse("meetings:invite", args=[meeting.pk]), {"people": [people["coproducer_staff"].pk]}
    )
    assert meeting.invitations.filter(person=people["coproducer_staff"]).exists()
    today = timezone.localdate().isoformat()
    client.post(
        reverse("meetings:material_add", args=[meeting.pk]),
        {"kind": "agenda", "title": "Agenda", "sent_on": today, "file": pdf()},
    )
    assert Material.objects.filter(meeting=meeting, title="Agenda").exists()
    past = make_meeting(organiser=people["staff"], project=project, days=-2, title="Last week")
    actions.invite(meeting=past, people=[people["coproducer_staff"]], invited_by=people["staff"])
    field = f"person_{people['coproducer_staff'].pk}"
    recorded = client.post(reverse("meetings:attendance", args=[past.pk]), {field: "90"})
    assert recorded.status_code == 302
    assert Attendance.objects.get(meeting=past).minutes == 90


def test_a_co_lead_never_sees_the_checklist_or_anyones_passport(client_as, people, meeting):
    teammate = people["coproducer_staff"]
    people_actions.save_passport(
        person=teammate, changed_by=teammate, requirements=["bsl"],
        own_words="My seizures come in the afternoon", dietary="", other_arrangements="",
        sharing="full",
    )  # fmt: skip
    people_actions.record_consent(
        person=teammate, recorded_by=teammate, purpose="share_access", given=True
    )
    actions.invite(meeting=meeting, people=[teammate], invited_by=people["staff"])
    client = client_as("coproducer")
    for name in ("checklist", "checklist_details"):
        assert client.get(reverse(f"meetings:{name}", args=[meeting.pk])).status_code == 403
    for url in (
        meeting.get_absolute_url(),
        reverse("meetings:invite", args=[meeting.pk]),
        reverse("meetings:reply_on_behalf", args=[meeting.pk]),
    ):
        page = client.get(url).content.decode()
        assert "seizures" not in page and "BSL interpreter" not in page, url


def test_a_coproducer_who_co_leads_nothing_arranges_no_meetings(client_as, people, meeting):
    member = meeting.project.team.get(person=people["coproducer"])
    project_actions.end_team_membership(member=member)
    client = client_as("coproducer")
    assert client.get(reverse("meetings:meeting_create")).status_code == 403
    for name in ("meeting_detail", "meeting_edit", "invite", "material_add"):
        assert client.get(reverse(f"meetings:{name}", args=[meeting.pk])).status_code == 403
    listed = client.get(reverse("meetings:meeting_list")).content.decode()
    assert "Bus group" not in listed


def test_a_co_lead_sees_their_projects_meetings_listed_for_the_same_cost(
    client_as, people, project, meeting
):
    client = client_as("coproducer")
    url = reverse("meetings:meeting_list")
    assert "Bus group" in client.get(url).content.decode()
    elsewhere = make_meeting(organiser=people["staff"], title="Someone else's group")
    assert "Someone else" not in client.get(url).content.decode()
    assert elsewhere

    def grow():
        for n in range(10):
            grown = make_meeting(organiser=people["staff"], project=project, title=f"Grown {n}")
            actions.invite(meeting=grown, people=[people["coproducer"]], invited_by=people["staff"])

    assert_queries_do_not_grow(
        {"list": (client, url), "detail": (client, meeting.get_absolute_url())}, grow
    )
