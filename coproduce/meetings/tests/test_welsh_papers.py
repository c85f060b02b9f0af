"""A paper can say what it is about, in English and in Welsh; people who chose Welsh
see the Welsh, marked lang="cy", or the English with a note."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from coproduce.meetings import actions
from coproduce.meetings.models import Material
from coproduce.meetings.tests.factories import make_meeting, pdf

pytestmark = pytest.mark.django_db


def in_welsh(client, url):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    with translation.override("cy"):
        return client.get(url, HTTP_ACCEPT_LANGUAGE="cy").content.decode()


def test_a_paper_with_a_welsh_version_is_shown_in_welsh(people, client_as):
    meeting = make_meeting(organiser=people["staff"], days=30)
    actions.invite(meeting=meeting, people=[people["coproducer"]], invited_by=people["staff"])
    staff = client_as("staff")
    url = reverse("meetings:material_add", args=[meeting.pk])
    form = staff.get(url).content.decode()
    assert "Welsh version (optional)" in form and 'name="summary_cy"' in form
    added = staff.post(
        url,
        {
            "kind": "paper",
            "title": "Draft survey questions",
            "summary": "Twelve questions about day centres.",
            "title_cy": "Cwestiynau drafft ar gyfer yr arolwg",
            "summary_cy": "Deuddeg cwestiwn am ganolfannau dydd.",
            "sent_on": timezone.localdate().isoformat(),
            "file": pdf(),
        },
    )
    assert added.status_code == 302
    material = Material.objects.get()
    assert material.summary_cy == "Deuddeg cwestiwn am ganolfannau dydd."
    page = in_welsh(client_as("coproducer"), meeting.get_absolute_url())
    assert '<span lang="cy">Cwestiynau drafft ar gyfer yr arolwg</span>' in page
    assert 'lang="cy">Deuddeg cwestiwn am ganolfannau dydd.</p>' in page
    assert "Draft survey questions" not in page
    with translation.override("en-gb"):
        english = client_as("coproducer").get(meeting.get_absolute_url()).content.decode()
    assert '<span lang="en-GB">Draft survey questions</span>' in english


def test_a_paper_only_in_english_says_so_to_welsh_readers(people, client_as):
    meeting = make_meeting(organiser=people["staff"], days=30)
    actions.invite(meeting=meeting, people=[people["coproducer"]], invited_by=people["staff"])
    actions.add_material(
        meeting=meeting,
        kind="agenda",
        title="Agenda",
        sent_on=timezone.localdate(),
        upload=pdf(),
        content_type="application/pdf",
        uploaded_by=people["staff"],
    )
    page = in_welsh(client_as("coproducer"), meeting.get_absolute_url())
    assert '<span lang="en-GB">Agenda</span>' in page
    assert "Dim ond yn Saesneg y mae hwn ar gael." in page
