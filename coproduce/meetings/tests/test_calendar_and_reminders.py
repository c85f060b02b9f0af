"""Calendar files, the private feed, and reminders that go once by the right channel."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from coproduce.meetings import actions
from coproduce.meetings.models import CalendarFeed
from coproduce.meetings.tasks import send_meeting_reminders
from coproduce.meetings.tests.factories import make_meeting
from coproduce.people import actions as people_actions

pytestmark = pytest.mark.django_db


def events(body):
    return [c for c in Calendar.from_ical(body).walk() if c.name == "VEVENT"]


def test_a_meeting_ics_for_invitees_with_joining_details(people, client_as):
    meeting = make_meeting(organiser=people["staff"], breaks=[(60, 15)])
    actions.invite(meeting=meeting, people=[people["coproducer"]], invited_by=people["staff"])
    response = client_as("coproducer").get(reverse("meetings:meeting_ics", args=[meeting.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    (event,) = events(response.content)
    assert str(event["summary"]) == meeting.title
    assert event.decoded("dtstart") == meeting.starts_at
    assert "meet.example.org/planning" in str(event["description"])
    assert "for 15 minutes" in str(event["description"])
    admin = client_as("administrator").get(reverse("meetings:meeting_ics", args=[meeting.pk]))
    assert "meet.example.org" not in str(events(admin.content)[0]["description"])


def test_the_private_feed_lists_my_meetings_and_can_be_replaced(people, client_as):
    mine = make_meeting(organiser=people["staff"], title="Mine")
    make_meeting(organiser=people["staff"], title="Not mine")
    actions.invite(meeting=mine, people=[people["coproducer"]], invited_by=people["staff"])
    client = client_as("coproducer")
    client.post(reverse("meetings:calendar_settings"))
    feed = CalendarFeed.objects.get(person=people["coproducer"])
    url = reverse("meetings:calendar_feed", args=[feed.token])
    response = Client().get(url)
    assert [str(e["summary"]) for e in events(response.content)] == ["Mine"]
    assert url in client.get(reverse("meetings:calendar_settings")).content.decode()
    client.post(reverse("meetings:calendar_settings"))  # a new address
    assert Client().get(url).status_code == 404
    assert Client().get(reverse("meetings:calendar_feed", args=["guess"])).status_code == 404


def test_reminders_go_once_by_each_persons_channel(people, django_capture_on_commit_callbacks):
    meeting = make_meeting(organiser=people["staff"], days=1)
    later = make_meeting(organiser=people["staff"], days=5)
    phone_person = people["coproducer_staff"]
    people_actions.save_profile(
        person=phone_person,
        changed_by=phone_person,
        data={"name": phone_person.name, "contact_methods": ["phone"], "phone": "0113 496 0000"},
    )
    for m in (meeting, later):
        actions.invite(
            meeting=m, people=[people["coproducer"], phone_person], invited_by=people["staff"]
        )
        m.invitations.update(reply="yes")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_meeting_reminders")
    assert [m.to for m in mail.outbox] == [[people["coproducer"].email]]
    assert "Reminder" in mail.outbox[0].subject and "/meeting.ics" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_meeting_reminders")
        result = send_meeting_reminders.enqueue().return_value
    assert len(mail.outbox) == 1  # idempotent
    assert result == {"reminded": 0}
    page = Client()
    page.force_login(people["staff"])
    text = page.get(meeting.get_absolute_url()).content.decode()
    assert "Remind these people by phone" in text and "0113 496 0000" in text
