"""Everything the lib app contributes, registered once from LibConfig.ready():
the deploy check, the check of chosen job periods, the clean-up jobs, and the mark
of when a session was renewed, set at sign-in (middleware.RenewSessionMiddleware)."""

from datetime import timedelta
from typing import Any

from django.apps import apps
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.models import Session
from django.core import checks
from django.db.backends.signals import connection_created
from django.http import HttpRequest
from simple_history.models import HistoricalChanges  # type: ignore[import-untyped]

from . import changes, jobs, language, tasks
from .checks import field_key_is_set
from .middleware import mark_renewed


def _renewed_at_sign_in(sender: Any, request: HttpRequest, **kwargs: Any) -> None:
    mark_renewed(request)


def register() -> None:
    language.drop_empty_fallbacks()
    checks.register(field_key_is_set, checks.Tags.security, deploy=True)
    checks.register(jobs.check_chosen_periods)
    user_logged_in.connect(_renewed_at_sign_in, dispatch_uid="lib.renewed_at_sign_in")
    connection_created.connect(changes.watch_connection, dispatch_uid="lib.watch_changes")
    # Sessions and the history kept beside each record (a change to the record itself
    # moves the stamp) never change what Today shows.
    changes.quiet(Session)
    changes.quiet(*(m for m in apps.get_models() if issubclass(m, HistoricalChanges)))
    if apps.is_installed("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        changes.quiet(DBTaskResult)  # the queue's bookkeeping; a task's own writes count
    jobs.register(
        "lib.clear_expired_sessions",
        every=timedelta(days=1),
        task=tasks.clear_expired_sessions,
        description="Delete expired sessions",
    )
    jobs.register(
        "lib.prune_finished_tasks",
        every=timedelta(days=1),
        task=tasks.prune_finished_tasks,
        description="Delete finished task results and old records of scheduled runs",
    )
