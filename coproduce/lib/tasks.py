from collections.abc import Iterable, Sequence
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import jobs


@task()
def send_email(subject: str, body: str, recipients: Sequence[str]) -> None:
    """Sends one plain-text email; queued so a slow mail server never slows a page."""
    send_mail(subject, body, None, recipients)


def email_without_account(recipients: Iterable[str], subject: str, body: str) -> None:
    """Email to addresses with no account behind them (an invitation to make one, a reply
    to a visitor), once the transaction commits. Everyone with an account is told
    through `notifications.actions.notify()` instead."""
    addresses = list(recipients)
    transaction.on_commit(lambda: send_email.enqueue(subject, body, addresses))


@task()
def run_scheduled_job(run_id: int) -> object:
    """Runs one period of a scheduled job that `manage.py run_schedule` queued."""
    return jobs.run(run_id)


@task()
def clear_expired_sessions() -> None:
    """Deletes the sessions of people whose sign-in has run out (Django keeps them)."""
    call_command("clearsessions")


@task()
def prune_finished_tasks() -> dict[str, int]:
    """Deletes finished task results, which hold whole email bodies, and old records of
    scheduled runs (the last of each job stays for /health/). RQ expires its own results."""
    from .models import JobRun

    days = settings.COPRODUCE_TASK_RESULTS_DAYS
    if jobs.uses_database_queue():
        call_command("prune_db_task_results", queue_name="*", min_age_days=days, verbosity=0)
    last_runs = [
        JobRun.objects.filter(job=job.name).values_list("pk", flat=True).first()
        for job in jobs.jobs()
    ]
    deleted, _ = (
        JobRun.objects.filter(finished_at__lt=timezone.now() - timedelta(days=days))
        .exclude(pk__in=[pk for pk in last_runs if pk])
        .delete()
    )
    return {"job_runs_deleted": deleted}
