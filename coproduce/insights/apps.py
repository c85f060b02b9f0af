from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "coproduce.insights"
    label = "insights"
    verbose_name = "Insights"

    def ready(self):
        from coproduce.lib import today as day
        from coproduce.lib.navigation import NavItem, register

        from . import (
            rules,  # noqa: F401  (registers permissions)
            today,
        )

        register(NavItem("Dashboard", "insights:dashboard", "insights.view_dashboard", order=60))
        day.register("insights.board_report", today.board_report, heading="Reports", order=60)
