"""Everything the lib app contributes, registered once from LibConfig.ready():
the deploy check, the check of chosen job periods, and the clean-up jobs."""

from datetime import timedelta

from django.core import checks

from . import jobs, tasks
from .checks import field_key_is_set


def register() -> None:
    checks.register(field_key_is_set, checks.Tags.security, deploy=True)
    checks.register(jobs.check_chosen_periods)
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
