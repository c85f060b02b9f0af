"""What privacy puts on the administrator's Today (lib.today): data-protection
requests with their one-month due date, and the retention job if its last run
failed or it is late. Data-protection requests and retention are the
administrator's job (privacy.rules), so only they see these.

A fixed number of queries, however many requests there are."""

from django.db.models import Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.accounts.models import Role
from coproduce.lib import jobs
from coproduce.lib.models import JobRun
from coproduce.lib.today import OVERDUE, Item, urgency_for

from .models import DataRequest

SHOWN = 10
RETENTION_JOB = "privacy.apply_retention"
SENTENCES = {
    DataRequest.Kind.ACCESS: _(
        "A request for a copy of someone's data must be answered within one month of "
        "being received."
    ),
    DataRequest.Kind.ERASURE: _(
        "A request to delete someone's data must be answered within one month of being received."
    ),
}


def requests_due(user, now):
    if not user.has_role(Role.ADMINISTRATOR):
        return
    found = DataRequest.objects.filter(completed_at__isnull=True).order_by("due_on", "pk")
    for request in found[:SHOWN]:
        yield Item(
            key=f"privacy.request:{request.pk}",
            sentence=str(SENTENCES[request.kind]),
            action_label=gettext("Deal with the request"),
            action_url=reverse("privacy:request_detail", args=[request.pk]),
            due=request.due_on,
            urgency=urgency_for(request.due_on, now),
        )


def retention_run(user, now):
    if not user.has_role(Role.ADMINISTRATOR):
        return
    job = next((job for job in jobs.jobs() if job.name == RETENTION_JOB), None)
    if job is None:
        return
    # The last run and the last finished one (often the same), in one query.
    runs = JobRun.objects.filter(job=RETENTION_JOB).order_by("-due_at")
    newest = runs.values("pk")[:1]
    newest_finished = runs.filter(finished_at__isnull=False).values("pk")[:1]
    both = list(runs.filter(Q(pk=Subquery(newest)) | Q(pk=Subquery(newest_finished))))
    last = both[0] if both else None
    finished = next((run for run in both if run.finished_at is not None), None)
    if last is not None and last.outcome == JobRun.Outcome.FAILED:
        sentence = gettext(
            "Deleting records kept too long failed the last time it ran. Check the "
            "retention settings, or ask whoever runs the server to look at the log."
        )
        since = last.finished_at or last.due_at
    elif job.is_late(finished.due_at if finished else None, now):
        sentence = gettext(
            "Deleting records kept too long has not run on time: ask whoever runs the "
            "server to check the scheduler is running."
        )
        since = finished.finished_at if finished else None
    else:
        return
    yield Item(
        key="privacy.retention",
        sentence=sentence,
        action_label=gettext("Look at retention"),
        action_url=reverse("privacy:retention"),
        since=since,
        urgency=OVERDUE,
    )
