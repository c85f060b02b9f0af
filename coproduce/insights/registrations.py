"""Everything the insights app contributes, registered once from InsightsConfig.ready()."""

from coproduce.lib import today as day
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation

from . import (
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    today,
)


def register() -> None:
    add_to_navigation(
        NavItem("Dashboard", "insights:dashboard", "insights.view_dashboard", order=60)
    )
    day.register("insights.board_report", today.board_report, heading="Reports", order=60)
