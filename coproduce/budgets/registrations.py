"""Everything the budgets app contributes, registered once from BudgetsConfig.ready()."""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from coproduce.lib import changes, figures, generation, jobs
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.privacy import registry

from . import (
    bench,
    holdings,
    kept,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
)
from . import figures as budget_figures
from .models import KeptSummary


def register() -> None:
    # Worked-out totals are kept as the budget page is read; nobody's Today depends on them.
    changes.quiet(KeptSummary)
    jobs.register(
        "budgets.refresh_summaries",
        every=timedelta(minutes=settings.COPRODUCE_FIGURES_MINUTES),
        task=kept.refresh_recent_years,
        description="Work out this and last financial year's involvement budget again",
    )
    add_to_navigation(NavItem(_("Budget"), "budgets:year", "budgets.view_budget", order=32))
    figures.register(
        "budgets.spent_against_plan", "structure", budget_figures.spent_against_plan, order=20
    )
    registry.register(*holdings.HOLDINGS)
    generation.register("budgets", bench.generate)
