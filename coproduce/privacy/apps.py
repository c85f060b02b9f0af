from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "coproduce.privacy"
    label = "privacy"
    verbose_name = "Privacy"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register

        from . import holdings, rules, tasks  # noqa: F401  (permissions, holdings, retention, jobs)

        register(
            NavItem("Data requests", "privacy:request_list", "privacy.manage_requests", order=80)
        )
        register(NavItem("Who looked", "privacy:read_log", "privacy.view_read_log", order=85))
