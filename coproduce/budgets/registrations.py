"""Everything the budgets app contributes, registered once from BudgetsConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.lib import figures, generation
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.privacy import registry

from . import (
    bench,
    holdings,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
)
from . import figures as budget_figures


def register() -> None:
    add_to_navigation(NavItem(_("Budget"), "budgets:year", "budgets.view_budget", order=32))
    figures.register(
        "budgets.spent_against_plan", "structure", budget_figures.spent_against_plan, order=20
    )
    registry.register(*holdings.HOLDINGS)
    generation.register("budgets", bench.generate)
