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
        meeting=meeting,
        person=person,
        anonymous=True,
        access_needs_met="yes",
        listened_to="yes",
        could_say="yes",
        anything_else="The loop worked.",
    )


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


def test_the_checklist_forgets_who_needed_what_three_months_after_the_meeting(people):
    from coproduce.meetings import checklist
    from coproduce.meetings.models import Arrangement, Invitation
    from coproduce.people import actions as people_actions

    person = people["coproducer"]
    people_actions.save_passport(
        person=person,
        changed_by=person,
        requirements=["bsl"],
        own_words="",
        dietary="",
        other_arrangements="",
        sharing="arrangements",
        reason="",
    )
    people_actions.record_consent(
        person=person, recorded_by=person, purpose="share_access", given=True
    )
    meeting = make_meeting(organiser=people["staff"], days=5)
    actions.invite(meeting=meeting, people=[person], invited_by=people["staff"])
    meeting.invitations.update(reply=Invitation.Reply.YES)
    checklist.sync(meeting, people["staff"])
    item = Arrangement.objects.get(meeting=meeting)
    assert list(item.needed_by.all()) == [person]
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=120)
    )
    assert retention.apply().deleted["meetings.arrangement_people"] == 1
    assert Arrangement.objects.get(pk=item.pk).needed_by.count() == 0
