"""Everything the insights app contributes, registered once from InsightsConfig.ready()."""

from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation

from . import rules  # noqa: F401  (django-rules: its permissions register on import)


def register() -> None:
    add_to_navigation(
        NavItem("Dashboard", "insights:dashboard", "insights.view_dashboard", order=60)
    )
