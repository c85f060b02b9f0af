"""Meeting nudges: feedback the day after to those who attended, arrangement owners a
week before and when overdue, and papers in each person's chosen format when marked
sent. The right people are told, the wrong ones are not, and nobody is told twice."""

from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.meetings import actions, nudges
from coproduce.meetings.models import Arrangement
from coproduce.meetings.tests.factories import make_meeting, pdf
from coproduce.notifications.models import Notification
from coproduce.people import actions as people_actions

pytestmark = pytest.mark.django_db

ANSWERS = {"access_needs_met": "yes", "listened_to": "yes", "could_say": "yes"}


def told(kind, person=None):
    found = Notification.objects.filter(kind=kind)
    if person is not None:
        found = found.filter(recipient=person)
    return list(found)


def held(people, *, attended, days=-2):
    """A meeting `days` away with everyone invited and coming, and `attended` recorded."""
    meeting = make_meeting(organiser=people["staff"], days=days)
    coming = [p for p in (people["coproducer"], people["coproducer_staff"], people["lead"])]
    actions.invite(meeting=meeting, people=coming, invited_by=people["staff"])
    meeting.invitations.update(reply="yes")
    actions.record_attendance(
        meeting=meeting,
        minutes_by_person={person: 90 for person in attended},
        recorded_by=people["staff"],
    )
    return meeting


# ---- feedback -------------------------------------------------------------------


def test_feedback_reminders_go_once_to_those_who_attended_and_have_not_answered(
    people, django_capture_on_commit_callbacks
):
    meeting = held(people, attended=[people["coproducer"], people["coproducer_staff"]])
    actions.give_feedback(
        meeting=meeting, person=people["coproducer_staff"], anonymous=True, **ANSWERS
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert nudges.send_feedback_reminders() == 1
    (reminder,) = told("meetings.feedback_reminder")
    assert reminder.recipient == people["coproducer"]  # not the lead: they did not attend
    assert reminder.key == f"meetings.feedback_reminder:{meeting.pk}"
    assert reminder.url == reverse("meetings:feedback", args=[meeting.pk])
    assert meeting.title in reminder.subject and reminder.easy_read
    assert [m.to for m in mail.outbox] == [[people["coproducer"].email]]
    with django_capture_on_commit_callbacks(execute=True):
        assert nudges.send_feedback_reminders() == 0
        assert nudges.feedback_reminders.enqueue().return_value == {"asked": 0}
    assert len(told("meetings.feedback_reminder")) == 1 and len(mail.outbox) == 1


def test_feedback_is_asked_from_9_the_day_after_and_for_two_weeks_only(people):
    meeting = held(people, attended=[people["coproducer"]], days=-2)
    day = timezone.localdate(meeting.starts_at)
    morning_after = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
    assert nudges.send_feedback_reminders(morning_after + timedelta(hours=8, minutes=59)) == 0
    assert nudges.send_feedback_reminders(morning_after + timedelta(days=15)) == 0
    assert nudges.send_feedback_reminders(morning_after + timedelta(hours=9)) == 1
    today = held(people, attended=[people["coproducer"]], days=-1 / 24)
    nudges.send_feedback_reminders()
    assert not Notification.objects.filter(key=nudges.feedback_key(today)).exists()


def test_feedback_reminders_cost_the_same_queries_however_many_meetings(people):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            nudges.send_feedback_reminders()
        return len(captured)

    held(people, attended=[people["coproducer"]])
    nudges.send_feedback_reminders()  # told: later runs find nobody to tell
    first = queries()
    for _ in range(3):
        held(people, attended=[people["coproducer"]])
    nudges.send_feedback_reminders()
    assert queries() == first


# ---- access arrangements --------------------------------------------------------


def arrangement(meeting, owner, *, due_in, status=Arrangement.Status.TO_DO, code="bsl"):
    return Arrangement.objects.create(
        meeting=meeting,
        code=code,
        label="Book a BSL interpreter",
        owner=owner,
        status=status,
        due_on=timezone.localdate() + timedelta(days=due_in),
    )


def test_arrangement_owners_are_told_a_week_before_and_when_overdue_once_each(
    people, django_capture_on_commit_callbacks
):
    soon = make_meeting(organiser=people["staff"], days=5)
    later = make_meeting(organiser=people["staff"], days=30)
    past = make_meeting(organiser=people["staff"], days=-3)
    week = arrangement(soon, people["staff"], due_in=2)
    overdue = arrangement(later, people["lead"], due_in=-1)
    arrangement(soon, people["staff"], due_in=2, status=Arrangement.Status.DONE, code="captions")
    arrangement(soon, None, due_in=-1, code="quiet_room")  # nobody owns it: Today shows it
    arrangement(later, people["staff"], due_in=10, code="loop")  # not due, meeting not near
    arrangement(past, people["staff"], due_in=-5, code="travel")  # the meeting is over
    with django_capture_on_commit_callbacks(execute=True):
        assert nudges.send_arrangement_reminders() == 2
    (to_staff,) = told("meetings.arrangement_due", people["staff"])
    assert to_staff.key == f"meetings.arrangement_due:{week.pk}:week"
    assert to_staff.url == reverse("meetings:arrangement_edit", args=[soon.pk, week.pk])
    (to_lead,) = told("meetings.arrangement_due", people["lead"])
    assert to_lead.subject.startswith("Overdue") and str(overdue.due_on) in to_lead.key
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        assert nudges.send_arrangement_reminders() == 0
        assert nudges.arrangement_reminders.enqueue().return_value == {"told": 0}
    assert len(told("meetings.arrangement_due")) == 2 and len(mail.outbox) == sent
    # Its date passes too: being overdue is a new occasion; so is a later date missed.
    Arrangement.objects.filter(pk=week.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    assert nudges.send_arrangement_reminders() == 1
    Arrangement.objects.filter(pk=overdue.pk).update(status=Arrangement.Status.DONE)
    assert nudges.send_arrangement_reminders() == 0


# ---- papers ---------------------------------------------------------------------


def chooses(person, formats):
    people_actions.save_profile(person=person, changed_by=person, data={"formats": formats})


def test_papers_marked_sent_reach_each_person_coming_in_their_format(
    people, django_capture_on_commit_callbacks
):
    meeting = make_meeting(organiser=people["staff"], days=10)
    easy_read, large_print = people["coproducer"], people["coproducer_staff"]
    not_coming = UserFactory(roles=["coproducer"])
    chooses(easy_read, ["easy_read"])
    chooses(large_print, ["large_print", "easy_read"])
    actions.invite(
        meeting=meeting, people=[easy_read, large_print, not_coming], invited_by=people["staff"]
    )
    meeting.invitations.exclude(person=not_coming).update(reply="yes")
    meeting.invitations.filter(person=not_coming).update(reply="no")
    with django_capture_on_commit_callbacks(execute=True):
        material = actions.add_material(
            meeting=meeting, kind="agenda", title="Agenda", sent_on=timezone.localdate(),
            upload=pdf(), content_type="application/pdf", uploaded_by=people["staff"],
        )  # fmt: skip
    first = told("meetings.papers", easy_read)
    assert [n.key for n in first] == [f"meetings.papers:{material.pk}:standard"]
    assert "making the Easy Read version" in first[0].body
    assert first[0].url == reverse("meetings:material_download", args=[meeting.pk, material.pk])
    assert told("meetings.papers", not_coming) == []
    with django_capture_on_commit_callbacks(execute=True):
        version = actions.add_format(
            material=material, format="easy_read", sent_on=timezone.localdate(),
            upload=pdf("easy.pdf"), content_type="application/pdf",
        )  # fmt: skip
    newest = told("meetings.papers", easy_read)[0]
    assert newest.key == f"meetings.papers:{material.pk}:easy_read"
    assert "Easy Read version" in newest.body
    assert newest.url == reverse("meetings:format_download", args=[meeting.pk, version.pk])
    # Large print is not there yet, so the other format they chose serves them meanwhile.
    assert told("meetings.papers", large_print)[0].key.endswith(":easy_read")
    with django_capture_on_commit_callbacks(execute=True):
        actions.add_format(
            material=material, format="large_print", sent_on=timezone.localdate(),
            upload=pdf("large.pdf"), content_type="application/pdf",
        )  # fmt: skip
        # A replaced version is the same occasion: nobody is told again.
        actions.add_format(
            material=material, format="easy_read", sent_on=timezone.localdate(),
            upload=pdf("easy-2.pdf"), content_type="application/pdf",
        )  # fmt: skip
    assert len(told("meetings.papers", easy_read)) == 2
    assert [n.key.rsplit(":", 1)[1] for n in told("meetings.papers", large_print)] == [
        "large_print",
        "easy_read",
        "standard",
    ]
    assert nudges.papers_sent.enqueue(material.pk).return_value == {"told": 0}


def test_minutes_after_the_meeting_reach_those_who_attended(people):
    meeting = held(people, attended=[people["coproducer"]])
    material = actions.add_material(
        meeting=meeting, kind="minutes", title="Minutes", sent_on=timezone.localdate(),
        upload=pdf(), content_type="application/pdf", uploaded_by=people["staff"],
    )  # fmt: skip
    assert nudges.send_papers(material) == 1
    assert [n.recipient for n in told("meetings.papers")] == [people["coproducer"]]
