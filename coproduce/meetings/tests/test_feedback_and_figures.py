"""Feedback after a meeting, the lead's follow-up, and the dashboard figures
with small numbers hidden."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.lib.figures import Period, sources
from coproduce.meetings import actions, figures
from coproduce.meetings.models import Arrangement, Feedback, FeedbackGiven
from coproduce.meetings.tests.factories import make_meeting

pytestmark = pytest.mark.django_db
ANSWERS = {"access_needs_met": "yes", "listened_to": "yes", "could_say": "partly"}


def attended_meeting(people, *others, days=-1):
    meeting = make_meeting(organiser=people["staff"], days=days)
    actions.invite(
        meeting=meeting, people=[people["coproducer"], *others], invited_by=people["staff"]
    )
    meeting.invitations.update(reply="yes")
    return meeting


def test_feedback_once_optionally_anonymous_and_not_met_reaches_the_lead(
    people, client_as, django_capture_on_commit_callbacks
):
    meeting = attended_meeting(people)
    client = client_as("coproducer")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert (
        'id="after-the-meeting"' in page and reverse("meetings:feedback", args=[meeting.pk]) in page
    )
    url = reverse("meetings:feedback", args=[meeting.pk])
    assert "Say whether your access needs were met" in client.post(url, {}).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {**ANSWERS, "access_needs_met": "no", "anything_else": "No loop", "anonymous": "on"},
        )
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.person is None and feedback.follow_up_open
    assert FeedbackGiven.objects.filter(meeting=meeting, person=people["coproducer"]).exists()
    assert [m.to for m in mail.outbox] == [[people["lead"].email]]
    assert people["coproducer"].name not in mail.outbox[0].body  # anonymous stays anonymous
    again = client.post(url, ANSWERS)
    assert again.status_code == 302 and Feedback.objects.count() == 1

    lead = client_as("lead")
    assert "No loop" in lead.get(reverse("meetings:follow_ups")).content.decode()
    done = lead.post(reverse("meetings:follow_up", args=[feedback.pk]), {"note": "Loop fixed"})
    assert done.status_code == 302
    feedback.refresh_from_db()
    assert not feedback.follow_up_open and feedback.followed_up_by == people["lead"]


def test_feedback_only_after_the_meeting_and_only_from_people_there(people, client_as):
    upcoming = attended_meeting(people, days=2)
    url = reverse("meetings:feedback", args=[upcoming.pk])
    assert client_as("coproducer").get(url).status_code == 403
    past = attended_meeting(people)
    assert client_as("finance").get(reverse("meetings:feedback", args=[past.pk])).status_code == 403


def test_results_per_meeting_and_project_hide_small_numbers(people, client_as):
    meeting = attended_meeting(people)
    actions.give_feedback(meeting=meeting, person=people["coproducer"], anonymous=False, **ANSWERS)
    page = client_as("lead").get(reverse("meetings:feedback_results", args=[meeting.pk]))
    assert "Fewer than 5" in page.content.decode()


def period():
    today = timezone.localdate()
    return Period(today - timedelta(days=30), today)


def test_access_needs_met_figure_suppresses_small_groups(people):
    crowd = [UserFactory(roles=["coproducer"]) for _ in range(8)]
    meeting = attended_meeting(people, *crowd)
    for person in crowd[:6]:
        actions.give_feedback(meeting=meeting, person=person, anonymous=True, **ANSWERS)
    for person in crowd[6:]:  # only 2 say "no": too few to show
        actions.give_feedback(
            meeting=meeting, person=person, anonymous=False, **{**ANSWERS, "access_needs_met": "no"}
        )
    figure = figures.access_needs_met(period(), None)
    rows = {row.label: row.value for row in figure.rows}
    assert rows["No"] is None
    assert rows["Yes"] is None  # secondary suppression: "No" could be worked out from the total
    assert rows["Partly"] == 0
    assert figure.value is None and "too few to show" in figure.summary
    assert figure.url_permission == "meetings.view_feedback_results"
    assert figure.url == reverse("meetings:feedback_overview")
    assert figure.notes

    more = [UserFactory(roles=["coproducer"]) for _ in range(5)]
    meeting2 = attended_meeting(people, *more)
    for person in more:
        actions.give_feedback(
            meeting=meeting2, person=person, anonymous=True, **{**ANSWERS, "access_needs_met": "no"}
        )
    figure = figures.access_needs_met(period(), None)
    rows = {row.label: row.value for row in figure.rows}
    assert (rows["Yes"], rows["No"]) == (6, 7)
    assert figure.value == 46 and "6 of 13" in figure.summary
    assert "meetings.access_needs_met" in {s.key for s in sources("practice")}


def test_arrangements_ready_figure_suppresses_small_groups(people):
    meeting = make_meeting(organiser=people["staff"], days=-1)
    before = meeting.starts_at - timedelta(days=3)
    for number in range(7):
        Arrangement.objects.create(
            meeting=meeting,
            code=f"c{number}",
            label=f"Item {number}",
            due_on=meeting.papers_due_on,
            status="done" if number < 6 else "to_do",
            done_at=before if number < 6 else None,
        )
    figure = figures.arrangements_ready(period(), None)
    rows = [row.value for row in figure.rows]
    assert rows == [None, None]  # 1 not ready: hidden, and so is the other
    Arrangement.objects.filter(status="to_do").update(status="in_progress")
    for number in range(7, 11):
        Arrangement.objects.create(
            meeting=meeting,
            code=f"c{number}",
            label="Late",
            due_on=meeting.papers_due_on,
            status="done",
            done_at=meeting.starts_at + timedelta(hours=1),
        )
    figure = figures.arrangements_ready(period(), None)
    assert [row.value for row in figure.rows] == [6, 5]
    assert figure.value == 55
    assert "meetings.arrangements_ready" in {s.key for s in sources("practice")}
