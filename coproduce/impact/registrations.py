"""Everything the impact log contributes, registered once from ImpactConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.lib import figures
from coproduce.lib import today as day
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.notifications import kinds
from coproduce.privacy import registry, retention

from . import figures as impact_figures
from . import (
    holdings,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    today,
)


def register() -> None:
    add_to_navigation(NavItem(_("Impact"), "impact:entry_list", "impact.see_log_link", order=15))
    add_to_navigation(NavItem(_("Impact"), "impact:mentions", "impact.see_mentions_link", order=15))
    figures.register("impact.changes_by_area", "review", impact_figures.changes_by_area, order=20)
    kinds.register(
        kinds.Kind(
            "impact.named",
            _("Changes you helped to make"),
            _(
                "When we record a change you took part in, so you can say whether your name "
                "is shown in public."
            ),
            topic="projects",
        )
    )
    registry.register(*holdings.HOLDINGS)
    retention.register(*holdings.RETENTION)
    day.register_counts("impact", today.counts)
    day.register("impact.names", today.names_to_choose, heading=_("Impact"), order=35)
