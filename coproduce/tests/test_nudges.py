"""Every nudge job together, as the scheduler runs them: each is registered with a
sensible period, /health/?jobs=1 says when each last ran, and running every job twice
tells nobody anything twice (notifications and emails counted). Decision 0029."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.lib import jobs
from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.models import Arrangement
from coproduce.meetings.tests.factories import make_meeting
from coproduce.notifications.models import Notification
from coproduce.opportunities.tests.factories import make_opportunity
from coproduce.people import actions as people_actions

pytestmark = pytest.mark.django_db

# The nudges, with the longest period each may have and still tell people in time.
NUDGE_JOBS = {
    "meetings.send_reminders": timedelta(hours=1),  # a meeting 48 hours ahead
    "meetings.feedback_reminders": timedelta(hours=1),  # from 9 the morning after
    "payments.claim_reminders": timedelta(hours=1),
    "meetings.arrangement_reminders": timedelta(days=1),
    "opportunities.alerts": timedelta(days=1),
}


def test_the_registry_lists_every_nudge_job_with_a_sensible_period():
    registered = {job.name: job for job in jobs.jobs()}
    assert set(NUDGE_JOBS) <= set(registered)
    for name, longest in NUDGE_JOBS.items():
        job = registered[name]
        assert timedelta(minutes=5) <= job.every <= longest, name
        assert job.description and not job.task.takes_context


# The other periodic work that must run without cron: digests, retries, retention.
OTHER_PERIODIC_JOBS = {
    "notifications.send_digests",
    "notifications.retry_deliveries",
    "privacy.apply_retention",
}


def test_health_says_when_each_periodic_job_last_ran(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_schedule", "--once")
    report = json.loads(client.get(reverse("health"), {"jobs": "1"}).content)["jobs"]
    for name in {*NUDGE_JOBS, *OTHER_PERIODIC_JOBS}:
        assert report[name]["last_outcome"] == "succeeded", name
        assert report[name]["last_finished_at"] and report[name]["late"] is False


def a_reason_for_every_nudge(people):
    """Someone for each nudge job to tell."""
    coproducer, staff = people["coproducer"], people["staff"]
    past = make_meeting(organiser=staff, days=-2, title="Last week's group")
    meeting_actions.invite(meeting=past, people=[coproducer], invited_by=staff)
    meeting_actions.record_attendance(
        meeting=past, minutes_by_person={coproducer: 120}, recorded_by=staff
    )
    tomorrow = make_meeting(organiser=staff, days=1, title="Tomorrow's group")
    meeting_actions.invite(meeting=tomorrow, people=[coproducer], invited_by=staff)
    tomorrow.invitations.update(reply="yes")
    Arrangement.objects.create(
        meeting=tomorrow,
        code="bsl",
        label="Book a BSL interpreter",
        owner=staff,
        due_on=timezone.localdate() - timedelta(days=1),
    )
    make_opportunity(topics="transport")
    fan = UserFactory(roles=["coproducer"])
    people_actions.save_profile(person=fan, changed_by=fan, data={"interests": ["transport"]})
    people_actions.record_consent(person=fan, recorded_by=fan, purpose="contact", given=True)


def test_running_every_nudge_job_twice_tells_nobody_twice(
    people, django_capture_on_commit_callbacks
):
    a_reason_for_every_nudge(people)
    now = timezone.now()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert {run.job for run in jobs.queue_due(now)} >= set(NUDGE_JOBS)
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert kinds >= {
        "meetings.reminder",
        "meetings.feedback_reminder",
        "meetings.claim_reminder",
        "meetings.arrangement_due",
        "opportunities.alert",
    }
    notifications, emails = Notification.objects.count(), len(mail.outbox)
    assert emails >= 5
    # The next period of every job (a day later for the daily ones).
    with django_capture_on_commit_callbacks(execute=True):
        assert {run.job for run in jobs.queue_due(now + timedelta(days=1))} >= set(NUDGE_JOBS)
    assert Notification.objects.count() == notifications
    assert len(mail.outbox) == emails


def test_every_scheduled_job_is_listed_for_operators():
    listed = (Path(__file__).resolve().parents[2] / "docs" / "deploy.md").read_text()
    missing = [job.name for job in jobs.jobs() if f"| `{job.name}` |" not in listed]
    assert not missing, f"docs/deploy.md's table of scheduled jobs does not list {missing}"


def test_each_nudge_costs_the_same_queries_with_more_people_already_told(people):
    """Once everyone due was told, a run reads the same few rows however many there are."""
    from coproduce.meetings import nudges as meeting_nudges
    from coproduce.opportunities import nudges as opportunity_nudges
    from coproduce.payments import nudges as payment_nudges

    runs = {
        "feedback": meeting_nudges.send_feedback_reminders,
        "claims": payment_nudges.send_claim_reminders,
        "arrangements": meeting_nudges.send_arrangement_reminders,
        "opportunities": opportunity_nudges.send_opportunity_alerts,
    }

    def counts():
        found = {}
        for name, run in runs.items():
            run()  # tells whoever is new
            with CaptureQueriesContext(connection) as queries:
                assert run() == 0, name
            found[name] = len(queries)
        return found

    a_reason_for_every_nudge(people)
    small = counts()
    for _ in range(3):
        a_reason_for_every_nudge(people)
    assert counts() == small
