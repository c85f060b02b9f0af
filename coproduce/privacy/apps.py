from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "coproduce.privacy"
    label = "privacy"
    verbose_name = "Privacy"

    def ready(self):
        from coproduce.lib import today as day
        from coproduce.lib.navigation import NavItem, register

        from . import (  # noqa: F401  (permissions, holdings, retention, jobs)
            holdings,
            rules,
            tasks,
            today,
        )

        register(
            NavItem("Data requests", "privacy:request_list", "privacy.manage_requests", order=80)
        )
        register(NavItem("Who looked", "privacy:read_log", "privacy.view_read_log", order=85))
        day.register("privacy.requests", today.requests_due, heading="Data protection", order=55)
        day.register("privacy.retention", today.retention_run, heading="Data protection", order=55)
