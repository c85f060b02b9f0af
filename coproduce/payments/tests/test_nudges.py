"""The claim reminder: the day after a meeting, co-producers recorded as attending are
reminded once that they can claim, unless they already claimed for that meeting."""

import pytest
from django.core import mail
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.tests.factories import make_meeting
from coproduce.notifications.models import Notification
from coproduce.payments import nudges
from coproduce.payments.tests.factories import make_claim

pytestmark = pytest.mark.django_db


def test_claim_reminders_go_once_to_coproducers_who_attended_and_have_not_claimed(
    people, django_capture_on_commit_callbacks
):
    meeting = make_meeting(organiser=people["staff"], days=-2)
    claimed, absent = UserFactory(roles=["coproducer"]), UserFactory(roles=["coproducer"])
    attended = [people["coproducer"], claimed, people["staff"]]
    meeting_actions.invite(meeting=meeting, people=[*attended, absent], invited_by=people["staff"])
    meeting_actions.record_attendance(
        meeting=meeting, minutes_by_person={p: 100 for p in attended}, recorded_by=people["staff"]
    )
    make_claim(claimant=claimed, days_ago=2, source=f"meeting:{meeting.pk}")
    other = make_meeting(organiser=people["staff"], days=-3)  # a claim for another meeting
    make_claim(claimant=people["coproducer"], days_ago=3, source=f"meeting:{other.pk}")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert nudges.send_claim_reminders() == 1
    # Not staff (they are paid already), not someone absent, not someone who claimed.
    (reminder,) = Notification.objects.filter(kind="meetings.claim_reminder")
    assert reminder.recipient == people["coproducer"]
    assert reminder.key == f"meetings.claim_reminder:{meeting.pk}"
    assert reminder.url.startswith(reverse("payments:claim_new") + "?")
    assert f"source=meeting%3A{meeting.pk}" in reminder.url and "100 minutes" in reminder.body
    assert [m.to for m in mail.outbox] == [[people["coproducer"].email]]
    with django_capture_on_commit_callbacks(execute=True):
        assert nudges.send_claim_reminders() == 0
        assert nudges.claim_reminders.enqueue().return_value == {"reminded": 0}
    assert Notification.objects.filter(kind="meetings.claim_reminder").count() == 1
    assert len(mail.outbox) == 1
