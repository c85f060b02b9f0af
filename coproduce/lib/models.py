"""A record of each run of a scheduled job (see `coproduce.lib.jobs`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobRun(models.Model):
    """One period of one scheduled job: when it was due, when it ran and how it went.

    The unique (job, due_at) pair is what lets several schedulers run at once: the first
    to insert a period's row queues that run, and the database refuses the others."""

    class Outcome(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    job = models.CharField(max_length=100)
    due_at = models.DateTimeField(help_text=_("The start of the period this run is for."))
    queued_at = models.DateTimeField(auto_now_add=True)
    task_result_id = models.CharField(max_length=64, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome, default=Outcome.QUEUED)
    # The exception's class only: its message could name a person. The worker's log and
    # the task result (until it is pruned) hold the whole traceback.
    error = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "due_at"], name="one_run_per_job_period")
        ]
        ordering = ["-due_at"]

    def __str__(self) -> str:
        return f"{self.job} due {self.due_at:%Y-%m-%d %H:%M} ({self.outcome})"
