"""Invitations, replies (signed in, by the email link, on someone's behalf),
and the waiting list."""

import re

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.meetings import actions
from coproduce.meetings.models import Invitation
from coproduce.meetings.tests.factories import make_meeting
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db
YES, NO, MAYBE, WAITING, CANCELLED = "yes", "no", "maybe", "waiting", "cancelled"


def invited(meeting, *people, by):
    return actions.invite(meeting=meeting, people=people, invited_by=by)


def test_inviting_the_team_sends_each_a_reply_link(
    people, client_as, django_capture_on_commit_callbacks
):
    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    meeting = make_meeting(organiser=people["staff"], project=project)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("staff").post(
            reverse("meetings:invite", args=[meeting.pk]), {"team": "on"}
        )
    assert response.status_code == 302
    assert set(meeting.invitations.values_list("person__email", flat=True)) == {
        people["staff"].email,
        people["coproducer"].email,
    }
    assert len(mail.outbox) == 2
    assert "/meetings/reply/" in mail.outbox[0].body
    again = client_as("staff").post(reverse("meetings:invite", args=[meeting.pk]), {})
    assert "Choose at least one person to invite" in again.content.decode()


def test_the_email_link_replies_without_signing_in_and_only_for_that_person(
    people, django_capture_on_commit_callbacks
):
    meeting = make_meeting(organiser=people["staff"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        mine, theirs = invited(meeting, people["coproducer"], people["finance"], by=people["staff"])
    body = next(m.body for m in mail.outbox if m.to == [people["coproducer"].email])
    path = re.search(r"https?://[^/\s]+(/meetings/reply/\S+/)", body).group(1)
    visitor = Client()
    page = visitor.get(path)
    assert page.status_code == 200 and meeting.title in page.content.decode()
    mine.refresh_from_db()
    assert mine.reply == Invitation.Reply.NONE  # opening the link changes nothing
    assert visitor.post(path, {"reply": YES}).status_code == 200
    mine.refresh_from_db()
    assert mine.reply == YES
    # A token made for one invitation cannot be pointed at another person's.
    forged = signing.TimestampSigner(salt=actions.REPLY_SALT).sign_object(
        {"i": theirs.pk, "p": people["coproducer"].pk}
    )
    assert visitor.get(reverse("meetings:reply_by_link", args=[forged])).status_code == 410
    tampered = actions.reply_token(mine)[:-2] + "xx"
    assert visitor.get(reverse("meetings:reply_by_link", args=[tampered])).status_code == 410


def test_reply_links_expire(people, settings, monkeypatch):
    meeting = make_meeting(organiser=people["staff"])
    (invitation,) = invited(meeting, people["coproducer"], by=people["staff"])
    token = actions.reply_token(invitation)
    monkeypatch.setattr(actions, "REPLY_LINK_DAYS", -1)
    response = Client().get(reverse("meetings:reply_by_link", args=[token]))
    assert response.status_code == 410 and "expired" in response.content.decode()


def test_full_meetings_have_a_waiting_list_promoted_in_order(
    people, django_capture_on_commit_callbacks
):
    meeting = make_meeting(organiser=people["staff"], capacity=1)
    a, b, c = (UserFactory(name=n, roles=["coproducer"]) for n in ("Ash", "Bo", "Cy"))
    inv_a, inv_b, inv_c = invited(meeting, a, b, c, by=people["staff"])
    assert actions.reply(invitation=inv_a, answer=YES).reply == YES
    assert actions.reply(invitation=inv_b, answer=YES).reply == WAITING
    assert actions.reply(invitation=inv_c, answer=YES).reply == WAITING
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.reply(invitation=inv_a, answer=CANCELLED)
    inv_b.refresh_from_db()
    inv_c.refresh_from_db()
    assert (inv_b.reply, inv_c.reply) == (YES, WAITING)
    assert [m.to for m in mail.outbox] == [[b.email]] and "place is free" in mail.outbox[0].subject
    # More places: everyone waiting gets one.
    meeting.capacity = 5
    actions.save_meeting(meeting=meeting, breaks=[])
    inv_c.refresh_from_db()
    assert inv_c.reply == YES


def test_staff_record_a_reply_by_phone_only_with_a_reason(people, client_as):
    meeting = make_meeting(organiser=people["staff"])
    (invitation,) = invited(meeting, people["coproducer"], by=people["staff"])
    with pytest.raises(ValidationError):
        actions.reply(invitation=invitation, answer=YES, recorded_by=people["staff"], reason=" ")
    client = client_as("staff")
    url = reverse("meetings:reply_on_behalf", args=[meeting.pk])
    missing = client.post(url, {"invitation": invitation.pk, "reply": YES})
    assert "Say why you are recording this reply for them" in missing.content.decode()
    done = client.post(url, {"invitation": invitation.pk, "reply": YES, "reason": "Rang us"})
    assert done.status_code == 302
    invitation.refresh_from_db()
    assert invitation.reply == YES and invitation.recorded_by == people["staff"]
    assert invitation.on_behalf_reason == "Rang us"


def test_people_reply_and_cancel_themselves(people, client_as):
    meeting = make_meeting(organiser=people["staff"])
    (invitation,) = invited(meeting, people["coproducer"], by=people["staff"])
    client = client_as("coproducer")
    url = reverse("meetings:reply", args=[meeting.pk])
    client.post(url, {"reply": YES})
    invitation.refresh_from_db()
    assert invitation.reply == YES
    client.post(url, {"cancel": "1"})
    invitation.refresh_from_db()
    assert invitation.reply == CANCELLED
    client.post(url, {"reply": "nonsense"})
    invitation.refresh_from_db()
    assert invitation.reply == CANCELLED


def test_no_replies_once_the_meeting_started(people):
    meeting = make_meeting(organiser=people["staff"], days=-1)
    (invitation,) = invited(meeting, people["coproducer"], by=people["staff"])
    with pytest.raises(ValidationError):
        actions.reply(invitation=invitation, answer=YES)
    token = actions.reply_token(invitation)
    assert Client().get(reverse("meetings:reply_by_link", args=[token])).status_code == 410


def test_joining_details_only_for_people_invited(people, client_as):
    meeting = make_meeting(organiser=people["staff"])
    invited(meeting, people["coproducer"], by=people["staff"])
    page = client_as("coproducer").get(meeting.get_absolute_url()).content.decode()
    assert "meet.example.org/planning" in page
    page = client_as("administrator").get(meeting.get_absolute_url()).content.decode()
    assert "meet.example.org/planning" not in page
    other = UserFactory(roles=["coproducer"])
    client = Client()
    client.force_login(other)
    assert client.get(meeting.get_absolute_url()).status_code == 403


def test_people_coming_are_told_when_the_time_or_place_changes(
    people, django_capture_on_commit_callbacks
):
    meeting = make_meeting(organiser=people["staff"])
    (invitation,) = invited(meeting, people["coproducer"], by=people["staff"])
    actions.reply(invitation=invitation, answer=YES)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting.title = "New title only"
        actions.save_meeting(meeting=meeting, breaks=[])
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        meeting.duration_minutes = 90
        actions.save_meeting(meeting=meeting, breaks=[])
    assert [m.to for m in mail.outbox] == [[people["coproducer"].email]]
    assert mail.outbox[0].subject == "Changed: New title only"
