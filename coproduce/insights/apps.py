from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "coproduce.insights"
    label = "insights"
    verbose_name = "Insights"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register

        from . import rules  # noqa: F401  (registers permissions)

        register(NavItem("Dashboard", "insights:dashboard", "insights.view_dashboard", order=60))
