"""A paper whose file fails the accessibility checks is kept, never refused, but waits
until the organiser fixes it or sends it as it is; the problems show, with how to fix
them, after the upload, on the meeting page and on the access checklist."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coproduce.lib.tests.accessible_files import make_docx, make_pdf, styled
from coproduce.meetings import actions
from coproduce.meetings.models import Material
from coproduce.meetings.tests.factories import make_meeting
from coproduce.notifications.models import Notification

pytestmark = pytest.mark.django_db


def upload(name, stream, content_type):
    return SimpleUploadedFile(name, stream.read(), content_type)


def coming_meeting(people):
    meeting = make_meeting(organiser=people["staff"], days=10)
    actions.invite(meeting=meeting, people=[people["coproducer"]], invited_by=people["staff"])
    meeting.invitations.update(reply="yes")
    return meeting


def papers_told(person):
    return Notification.objects.filter(recipient=person, kind="meetings.papers").count()


def add(client, meeting, file):
    return client.post(
        reverse("meetings:material_add", args=[meeting.pk]),
        {"kind": "paper", "title": "Budget", "sent_on": timezone.localdate().isoformat(),
         "file": file},
    )  # fmt: skip


def test_an_untagged_pdf_is_kept_but_waits_and_the_organiser_is_told_what_to_fix(
    people, client_as, django_capture_on_commit_callbacks
):
    meeting = coming_meeting(people)
    client = client_as("staff")
    untagged = upload("budget.pdf", make_pdf(tagged=False, lang=""), "application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = add(client, meeting, untagged)
    material = Material.objects.get()
    assert material.access_problems == ["pdf_untagged", "pdf_no_language"]
    assert material.waiting_to_send and papers_told(people["coproducer"]) == 0
    page = client.get(response.url).content.decode()
    assert "it is not sent yet" in page
    assert "The PDF has no tags." in page and "does not say what language" in page
    help_url = reverse("meetings:accessible_papers_help")
    assert f'href="{help_url}#pdf_untagged"' in page
    assert 'id="pdf_untagged"' in client.get(help_url).content.decode()

    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Not yet accessible" in meeting_page and "Not sent yet" in meeting_page
    checklist = client.get(reverse("meetings:checklist", args=[meeting.pk])).content.decode()
    assert "Papers not yet accessible" in checklist and "The PDF has no tags." in checklist
    # The co-producer coming sees the paper, not the organiser's warnings.
    theirs = client_as("coproducer").get(meeting.get_absolute_url()).content.decode()
    assert "Budget" in theirs and "Not yet accessible" not in theirs

    with django_capture_on_commit_callbacks(execute=True):
        sent = client_as("staff").post(
            reverse("meetings:material_send", args=[meeting.pk, material.pk])
        )
    assert sent.status_code == 302
    material.refresh_from_db()
    assert not material.waiting_to_send and papers_told(people["coproducer"]) == 1
    # Sending again tells nobody twice.
    with django_capture_on_commit_callbacks(execute=True):
        actions.send_waiting_material(material=material)
    assert papers_told(people["coproducer"]) == 1


def test_an_accessible_pdf_is_sent_at_once(people, client_as, django_capture_on_commit_callbacks):
    meeting = coming_meeting(people)
    with django_capture_on_commit_callbacks(execute=True):
        add(client_as("staff"), meeting, upload("b.pdf", make_pdf(), "application/pdf"))
    material = Material.objects.get()
    assert material.access_problems == [] and not material.waiting_to_send
    assert papers_told(people["coproducer"]) == 1
    page = client_as("staff").get(meeting.get_absolute_url()).content.decode()
    assert "Not yet accessible" not in page


def test_a_word_file_without_headings_and_a_picture_without_a_description_are_flagged(
    people, client_as
):
    meeting = coming_meeting(people)
    client = client_as("staff")
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    add(client, meeting, upload("plain.docx", make_docx(styled("Normal")), docx))
    add(client, meeting, upload("headed.docx", make_docx(styled("Heading1")), docx))
    add(client, meeting, SimpleUploadedFile("map.png", b"\x89PNG\r\n\x1a\nxxxx", "image/png"))
    problems = {m.original_name: m.access_problems for m in Material.objects.all()}
    assert problems == {
        "plain.docx": ["docx_no_headings"],
        "headed.docx": [],
        "map.png": ["image_no_description"],
    }
