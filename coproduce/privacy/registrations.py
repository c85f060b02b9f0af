"""Everything the privacy app contributes, registered once from PrivacyConfig.ready():
the holdings of the accounts app and its own, their retention rules, and the daily
deletion of records past their time."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from coproduce.lib import changes, jobs
from coproduce.lib import today as day
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation

from . import (
    holdings,
    models,
    registry,
    retention,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    tasks,
    today,
)


def register() -> None:
    # Reading a page logs the read; the log is on no one's Today.
    changes.quiet(models.ReadLog)
    add_to_navigation(
        NavItem(_("Data requests"), "privacy:request_list", "privacy.manage_requests", order=80)
    )
    add_to_navigation(
        NavItem(_("Who looked"), "privacy:read_log", "privacy.view_read_log", order=85)
    )
    registry.register(*holdings.HOLDINGS)
    retention.register(*holdings.RETENTION)
    jobs.register(
        "privacy.apply_retention",
        every=timedelta(days=1),
        task=tasks.apply_retention,
        description="Delete records kept longer than their retention period",
    )
    day.register("privacy.requests", today.requests_due, heading=_("Data protection"), order=55)
    day.register("privacy.retention", today.retention_run, heading=_("Data protection"), order=55)
