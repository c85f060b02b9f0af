"""Joining a project team or attending a meeting records when someone last took
part, which the people list filters on and fair selection sorts by."""

import pytest
from django.utils import timezone

from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.tests.factories import make_meeting
from coproduce.people.models import Profile
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db


def last_involved(person):
    return Profile.objects.get(user=person).last_involved


def test_attending_a_meeting_and_joining_a_team_record_involvement(people):
    person = people["coproducer"]
    Profile.objects.get_or_create(user=person)
    meeting = make_meeting(organiser=people["staff"], days=-20)
    meeting_actions.record_attendance(
        meeting=meeting, minutes_by_person={person: 60}, recorded_by=people["staff"]
    )
    assert last_involved(person) == timezone.localdate(meeting.starts_at)
    make_project(lead=people["staff"], coproducers=[person])
    assert last_involved(person) == timezone.localdate()


def test_an_older_meeting_recorded_later_does_not_move_the_date_back(people):
    person = people["coproducer"]
    Profile.objects.get_or_create(user=person, defaults={"last_involved": timezone.localdate()})
    old = make_meeting(organiser=people["staff"], days=-60)
    meeting_actions.record_attendance(
        meeting=old, minutes_by_person={person: 60}, recorded_by=people["staff"]
    )
    assert last_involved(person) == timezone.localdate()
