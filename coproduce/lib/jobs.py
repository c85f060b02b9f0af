"""Scheduled jobs: work that runs on its own every so often, such as meeting reminders,
retention and clearing expired sessions.

An app registers each of its jobs once, with `register()`, from its registrations.py
(called by the app's AppConfig.ready); the task itself lives in the app's tasks.py. `manage.py run_schedule` queues
each job once per period through Django's task API, so every job runs on the ordinary
task queue (database or Redis), and a `JobRun` row records each run.

Periods are counted from the Unix epoch: an hourly job is due at the start of every hour
and a daily one at midnight UTC. A period's run is claimed by inserting its (job, period)
row, which the database allows only once, so any number of schedulers on any number of
machines queue each period's run exactly once. A scheduler that was stopped for a while
queues the current period's run when it starts again, not every period it missed."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.db.models import Max, Min, Q
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.utils import get_module_path

if TYPE_CHECKING:
    from django_tasks.base import Task

    from .models import JobRun

logger = logging.getLogger(__name__)

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Job:
    name: str  # "meetings.send_reminders": stable, stored with each run
    every: timedelta
    task: Task[[], Any]  # a django-tasks Task that takes no arguments
    description: str  # plain English: "Remind people of meetings starting soon"

    def period_start(self, now: datetime) -> datetime:
        """The start of the period `now` falls in: when this period's run was due."""
        return EPOCH + (now - EPOCH) // self.every * self.every

    def is_late(self, last_finished_due_at: datetime | None, now: datetime) -> bool:
        """Late when no run has finished for the previous period or since: it has missed
        more than one period (the current period's run may still be on its way)."""
        previous = self.period_start(now) - self.every
        return last_finished_due_at is None or last_finished_due_at < previous


_JOBS: dict[str, Job] = {}


def register(name: str, *, every: timedelta, task: Task[[], Any], description: str) -> None:
    if task.takes_context:
        raise ImproperlyConfigured(f"The task for scheduled job {name} must not take a context.")
    _JOBS[name] = Job(name=name, every=every, task=task, description=description)


def jobs() -> list[Job]:
    """[Job] in name order, each with the period the settings give it, if any."""
    chosen = settings.COPRODUCE_JOB_EVERY
    return [
        replace(job, every=timedelta(seconds=chosen[name])) if name in chosen else job
        for name, job in sorted(_JOBS.items())
    ]


def check_chosen_periods(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """A period set for a job that does not exist is a typing mistake worth stopping for."""
    problems: list[checks.CheckMessage] = []
    for name, seconds in settings.COPRODUCE_JOB_EVERY.items():
        if name not in _JOBS:
            problems.append(
                checks.Error(
                    f"COPRODUCE_JOB_EVERY names {name!r}, which is not a scheduled job.",
                    hint=f"The scheduled jobs are: {', '.join(sorted(_JOBS))}.",
                    id="coproduce.E001",
                )
            )
        elif seconds < 1:
            problems.append(
                checks.Error(
                    f"COPRODUCE_JOB_EVERY gives {name} a period of {seconds} seconds.",
                    hint="Give each job a period of at least 1 second.",
                    id="coproduce.E002",
                )
            )
    return problems


def queue_due(now: datetime | None = None) -> list[JobRun]:
    """Queues the current period's run of every job that has none yet. Returns the runs
    this call queued (none of those another scheduler queued first)."""
    from .models import JobRun
    from .tasks import run_scheduled_job

    now = now or timezone.now()
    due = {job.name: (job, job.period_start(now)) for job in jobs()}
    if not due:
        return []
    # One read first, so a scheduler that finds every run queued writes nothing.
    queued = set(
        JobRun.objects.filter(
            _any_of((name, due_at) for name, (_, due_at) in due.items())
        ).values_list("job", "due_at")
    )
    runs: list[JobRun] = []
    for name, (job, due_at) in due.items():
        if (name, due_at) in queued:
            continue
        try:
            with transaction.atomic():
                run = JobRun.objects.create(job=name, due_at=due_at)
        except IntegrityError:
            continue  # another scheduler claimed this period between the read and now
        try:
            result = run_scheduled_job.using(
                queue_name=job.task.queue_name, backend=job.task.backend
            ).enqueue(run.pk)
        except Exception as error:
            logger.exception("Could not queue scheduled job %s", name)
            _finish(run.pk, error)
            continue
        JobRun.objects.filter(pk=run.pk).update(task_result_id=str(result.id))
        runs.append(run)
    return runs


def _any_of(pairs: Iterable[tuple[str, datetime]]) -> Q:
    condition = Q(pk__in=[])
    for name, due_at in pairs:
        condition |= Q(job=name, due_at=due_at)
    return condition


def seconds_until_next(now: datetime | None = None) -> float | None:
    """How long until the next period of any job starts."""
    now = now or timezone.now()
    starts = [job.period_start(now) + job.every for job in jobs()]
    return min((start - now).total_seconds() for start in starts) if starts else None


def run(run_id: int) -> object:
    """Runs one queued period of a job in the task worker, recording its start, its end
    and how it went. A failure is recorded, then raised again for the task queue."""
    from .models import JobRun

    record = JobRun.objects.get(pk=run_id)
    JobRun.objects.filter(pk=run_id).update(
        started_at=timezone.now(), outcome=JobRun.Outcome.RUNNING
    )
    try:
        job = _JOBS[record.job]
        result = job.task.call()
    except Exception as error:
        _finish(run_id, error)
        raise
    _finish(run_id)
    return result


def _finish(run_id: int, error: BaseException | None = None) -> None:
    from .models import JobRun

    JobRun.objects.filter(pk=run_id).update(
        finished_at=timezone.now(),
        outcome=JobRun.Outcome.FAILED if error else JobRun.Outcome.SUCCEEDED,
        error=get_module_path(type(error))[:200] if error else "",
    )


def report(now: datetime | None = None) -> dict[str, dict[str, Any]]:
    """{job name: its period, its last run and whether it is late}, for /health/.
    Times and outcomes only: nothing about the people a job dealt with."""
    from .models import JobRun

    now = now or timezone.now()
    scheduled = jobs()
    latest: dict[str, Any] = {
        row["job"]: row
        for row in JobRun.objects.filter(job__in=[job.name for job in scheduled])
        .values("job")
        .annotate(
            last_due_at=Max("due_at"),
            last_finished_due_at=Max("due_at", filter=Q(finished_at__isnull=False)),
        )
    }
    last_runs = {
        run.job: run
        for run in JobRun.objects.filter(
            _any_of((name, row["last_due_at"]) for name, row in latest.items())
        )
    }
    jobs_report: dict[str, dict[str, Any]] = {}
    for job in scheduled:
        last = last_runs.get(job.name)
        finished_due_at = latest.get(job.name, {}).get("last_finished_due_at")
        jobs_report[job.name] = {
            "every_seconds": int(job.every.total_seconds()),
            "last_due_at": _iso(last.due_at if last else None),
            "last_started_at": _iso(last.started_at if last else None),
            "last_finished_at": _iso(last.finished_at if last else None),
            "last_outcome": last.outcome if last else None,
            "late": job.is_late(finished_due_at, now),
        }
    return jobs_report


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def oldest_queued_task_seconds(now: datetime | None = None) -> int | None:
    """Age in whole seconds of the oldest task waiting for a worker; None when nothing
    waits or the queue cannot say cheaply."""
    now = now or timezone.now()
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    if uses_database_queue():
        from django_tasks_db.models import DBTaskResult

        oldest = (
            DBTaskResult.objects.ready()
            .filter(backend_name=backend.alias)
            .aggregate(oldest=Min("enqueued_at"))["oldest"]
        )
    elif type(backend).__module__.startswith("django_tasks_rq"):
        oldest = _oldest_rq_job_enqueued_at(backend)
    else:
        oldest = None
    return max(0, int((now - oldest).total_seconds())) if oldest else None


def uses_database_queue() -> bool:
    """Is the default task queue a table in the database (django-tasks-db)?"""
    return type(task_backends[DEFAULT_TASK_BACKEND_ALIAS]).__module__.startswith("django_tasks_db")


def _oldest_rq_job_enqueued_at(backend: Any) -> datetime | None:
    """The head of each queue is its oldest job: one list read and one hash read each."""
    import django_rq

    times: list[datetime] = []

    for queue_name in sorted(backend.queues):
        queue = django_rq.get_queue(queue_name)
        job_ids = queue.get_job_ids(0, 1)
        job = queue.fetch_job(job_ids[0]) if job_ids else None
        if job is not None and job.enqueued_at is not None:
            enqueued_at = job.enqueued_at
            times.append(enqueued_at if enqueued_at.tzinfo else enqueued_at.replace(tzinfo=UTC))
    return min(times) if times else None
