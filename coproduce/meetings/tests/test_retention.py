"""Feedback after a meeting is kept three years from the meeting."""

import datetime

import pytest
from django.utils import timezone

from coproduce.meetings import actions
from coproduce.meetings.models import Feedback, Meeting
from coproduce.meetings.tests.factories import make_meeting
from coproduce.privacy import retention

pytestmark = pytest.mark.django_db


def feedback_on(meeting, person):
    return actions.give_feedback(
        meeting=meeting, person=person, anonymous=True, access_needs_met="yes",
        listened_to="yes", could_say="yes", anything_else="The loop worked.",
    )  # fmt: skip


def test_feedback_goes_three_years_after_the_meeting(people):
    old = make_meeting(organiser=people["staff"], days=-2, title="Old")
    recent = make_meeting(organiser=people["staff"], days=-2, title="Recent")
    feedback_on(old, people["coproducer"])
    kept = feedback_on(recent, people["coproducer"])
    Meeting.objects.filter(pk=old.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=4 * 365)
    )
    assert retention.apply().deleted["meetings.feedback"] == 1
    assert list(Feedback.objects.all()) == [kept]
