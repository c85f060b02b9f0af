"""A project's page leads to its meetings, and the meeting list shows only
that project's when asked."""

import pytest
from django.urls import reverse

from coproduce.meetings.tests.factories import make_meeting
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db


def test_the_project_page_leads_to_only_its_meetings(client_as, people):
    project = make_project(lead=people["staff"], title="Accessible buses")
    make_meeting(organiser=people["staff"], project=project, title="Bus group")
    make_meeting(organiser=people["staff"], title="All-staff meeting")
    client = client_as("staff")
    project_page = client.get(reverse("projects:project_detail", args=[project.pk])).content
    link = f"{reverse('meetings:meeting_list')}?project={project.pk}"
    assert link.encode() in project_page
    listed = client.get(link).content.decode()
    assert "Bus group" in listed and "All-staff meeting" not in listed
    assert f"{reverse('meetings:meeting_create')}?project={project.pk}" in listed
    # Nonsense is ignored: every meeting is listed.
    everything = client.get(reverse("meetings:meeting_list"), {"project": "x"}).content.decode()
    assert "Bus group" in everything and "All-staff meeting" in everything
