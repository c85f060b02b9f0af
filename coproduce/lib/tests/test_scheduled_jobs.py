"""Scheduled jobs: each period's run is queued once however many schedulers run, every
run is recorded with its outcome, and /health/?jobs=1 reports them without anything
personal. Tests use the immediate task backend, so a queued run runs at once."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from coproduce.lib import jobs
from coproduce.lib.models import JobRun
from coproduce.lib.tasks import send_email
from coproduce.privacy.models import RetentionRun

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


@task()
def broken_job():
    raise ValueError("Could not email ada.lovelace@example.org about her access needs")


@pytest.fixture
def broken(monkeypatch):
    monkeypatch.setitem(
        jobs._JOBS,
        "test.broken",
        jobs.Job("test.broken", timedelta(hours=1), broken_job, "Fails every time"),
    )


def runs(name):
    return list(JobRun.objects.filter(job=name).order_by("due_at"))


def test_every_registered_job_runs_from_the_schedule_and_is_recorded():
    assert {job.name for job in jobs.jobs()} >= {
        "meetings.send_reminders",
        "privacy.apply_retention",
        "lib.clear_expired_sessions",
        "lib.prune_finished_tasks",
    }
    started = timezone.now()
    call_command("run_schedule", "--once")
    finished = timezone.now()
    for job in jobs.jobs():
        (run,) = runs(job.name)
        assert run.outcome == JobRun.Outcome.SUCCEEDED, job.name
        # The period the scheduler was in when it reached this job: a run that crosses
        # a minute's turn puts a job done every minute in either (CI did, once).
        assert run.due_at in {job.period_start(started), job.period_start(finished)}
        assert run.started_at <= run.finished_at
        assert run.task_result_id
    assert RetentionRun.objects.count() == 1  # retention really ran


def test_each_period_is_queued_once_and_the_next_period_again():
    first = jobs.queue_due(NOON + timedelta(minutes=5))
    assert {run.job for run in first} == {job.name for job in jobs.jobs()}
    # Four minutes on, only jobs that run more often than that are due again.
    every_few_minutes = {job.name for job in jobs.jobs() if job.every < timedelta(minutes=4)}
    assert "api.retry_webhooks" in every_few_minutes
    assert {run.job for run in jobs.queue_due(NOON + timedelta(minutes=9))} == every_few_minutes
    later = jobs.queue_due(NOON + timedelta(hours=1, minutes=1))
    hourly_or_more_often = {job.name for job in jobs.jobs() if job.every <= timedelta(hours=1)}
    assert "meetings.send_reminders" in hourly_or_more_often
    assert {run.job for run in later} == hourly_or_more_often
    assert len(runs("meetings.send_reminders")) == 2
    assert len(runs("privacy.apply_retention")) == 1


def test_a_period_another_scheduler_claimed_first_is_not_queued_again(monkeypatch):
    """Two schedulers both read "nothing queued yet"; the database lets one insert win."""
    for job in jobs.jobs():
        JobRun.objects.create(job=job.name, due_at=job.period_start(NOON))
    # This scheduler read before the other one wrote.
    monkeypatch.setattr(jobs, "_any_of", lambda pairs: jobs.Q(pk__in=[]))
    assert jobs.queue_due(NOON) == []
    assert JobRun.objects.count() == len(jobs.jobs())
    assert set(JobRun.objects.values_list("outcome", flat=True)) == {JobRun.Outcome.QUEUED}


def test_a_failed_run_is_recorded_by_its_kind_of_error_not_its_message(broken):
    jobs.queue_due(NOON)
    (run,) = runs("test.broken")
    assert run.outcome == JobRun.Outcome.FAILED
    assert run.error == "builtins.ValueError"
    assert run.finished_at is not None
    # The other jobs ran all the same.
    assert runs("privacy.apply_retention")[0].outcome == JobRun.Outcome.SUCCEEDED


def test_a_job_is_late_once_it_has_missed_more_than_one_period():
    hourly = jobs.Job("test.hourly", timedelta(hours=1), broken_job, "")
    now = NOON + timedelta(minutes=20)
    assert not hourly.is_late(NOON, now)  # this period's run has finished
    assert not hourly.is_late(NOON - timedelta(hours=1), now)  # this one's may be on its way
    assert hourly.is_late(NOON - timedelta(hours=2), now)  # the whole last hour was missed
    assert hourly.is_late(None, now)  # never ran


def health(client):
    response = client.get(reverse("health"), {"jobs": "1"})
    return response.status_code, json.loads(response.content), response.content.decode()


def test_health_with_jobs_reports_each_job_and_the_oldest_waiting_task(client):
    status, body, _ = health(client)
    assert status == 503  # nothing has run yet: every job is late
    assert body["jobs"]["meetings.send_reminders"] == {
        "every_seconds": 3600,
        "last_due_at": None,
        "last_started_at": None,
        "last_finished_at": None,
        "last_outcome": None,
        "late": True,
    }
    call_command("run_schedule", "--once")
    status, body, _ = health(client)
    assert status == 200 and body["status"] == "ok"
    assert body["database"] == body["cache"] == "ok"
    reminders = body["jobs"]["meetings.send_reminders"]
    run = JobRun.objects.get(job="meetings.send_reminders")
    assert reminders["last_due_at"] == run.due_at.isoformat()
    assert reminders["last_finished_at"] == run.finished_at.isoformat()
    assert reminders["last_outcome"] == "succeeded" and reminders["late"] is False
    # The immediate backend keeps no queue to measure.
    assert body["oldest_queued_task_seconds"] is None


def test_health_with_jobs_says_a_run_failed_but_not_what_it_was_about(client, broken):
    call_command("run_schedule", "--once")
    status, body, text = health(client)
    assert status == 503 and body["status"] == "failing"
    assert body["jobs"]["test.broken"]["last_outcome"] == "failed"
    assert body["jobs"]["privacy.apply_retention"]["last_outcome"] == "succeeded"
    assert "ada" not in text and "ValueError" not in text and "access needs" not in text


def test_health_with_jobs_needs_few_queries(client, django_assert_max_num_queries):
    call_command("run_schedule", "--once")
    call_command("run_schedule", "--once")
    with django_assert_max_num_queries(3):  # database check, last runs, their details
        assert client.get(reverse("health"), {"jobs": "1"}).status_code == 200


def test_the_oldest_waiting_task_is_measured_on_the_database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert jobs.oldest_queued_task_seconds() is None
    send_email.enqueue("Subject", "Body", ["someone@example.org"])
    later = timezone.now() + timedelta(minutes=5)
    assert 300 <= jobs.oldest_queued_task_seconds(later) < 360


def test_pruning_deletes_old_task_results_and_runs_but_keeps_each_jobs_last(settings):
    from django_tasks_db.models import DBTaskResult

    from coproduce.lib.tasks import prune_finished_tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.COPRODUCE_TASK_RESULTS_DAYS = 14
    old, fresh, waiting = (
        send_email.enqueue("Subject", f"Body {n}", ["someone@example.org"]) for n in range(3)
    )
    DBTaskResult.objects.filter(pk__in=[old.id, fresh.id]).update(status="SUCCESSFUL")
    DBTaskResult.objects.filter(pk=old.id).update(finished_at=timezone.now() - timedelta(days=15))
    DBTaskResult.objects.filter(pk=fresh.id).update(finished_at=timezone.now())
    month_ago = timezone.now() - timedelta(days=30)
    for days in (30, 31):
        JobRun.objects.create(
            job="privacy.apply_retention",
            due_at=month_ago - timedelta(days=days - 30),
            finished_at=month_ago,
            outcome="succeeded",
        )
    prune_finished_tasks.call()
    kept = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert kept == {str(uuid.UUID(result.id)) for result in (fresh, waiting)}
    # The older run goes; the job's last run stays, so /health/ still knows it.
    assert [run.due_at for run in runs("privacy.apply_retention")] == [month_ago]


def test_a_period_set_for_a_job_that_does_not_exist_stops_the_checks(settings):
    settings.COPRODUCE_JOB_EVERY = {"meetings.send_remindres": 60}
    errors = [message for message in run_checks() if message.id == "coproduce.E001"]
    assert errors and "meetings.send_reminders" in errors[0].hint
    settings.COPRODUCE_JOB_EVERY = {"meetings.send_reminders": 60}
    periods = {job.name: job.every for job in jobs.jobs()}
    assert periods["meetings.send_reminders"] == timedelta(seconds=60)
    assert not [message for message in run_checks() if message.id.startswith("coproduce.E00")]
