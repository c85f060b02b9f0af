"""Everything the insights app contributes, registered once from InsightsConfig.ready()."""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from coproduce.lib import changes, jobs
from coproduce.lib import today as day
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.privacy import registry

from . import (
    holdings,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    snapshots,
    stored,
    today,
)
from .models import FigureSet


def register() -> None:
    # Worked-out figures are stored as the dashboard is read; Today reads snapshots only.
    changes.quiet(FigureSet)
    add_to_navigation(
        NavItem(_("Dashboard"), "insights:dashboard", "insights.view_dashboard", order=60)
    )
    add_to_navigation(
        NavItem(
            _("How we are doing"),
            "insights:coproducers",
            "insights.coproducers_dashboard_in_navigation",
            order=60,
        )
    )
    day.register("insights.board_report", today.board_report, heading=_("Reports"), order=60)
    day.register("insights.moved", today.figures_moved, heading=_("Reports"), order=60)
    registry.register(*holdings.HOLDINGS)
    jobs.register(
        "insights.snapshot_figures",
        every=timedelta(days=1),
        task=snapshots.snapshot_figures,
        description="Store each dashboard figure's headline for the last 12 months",
    )
    jobs.register(
        "insights.refresh_figures",
        every=timedelta(minutes=settings.COPRODUCE_FIGURES_MINUTES),
        task=stored.refresh_figure_sets,
        description="Work out the dashboard's figures again for each period and audience",
    )
