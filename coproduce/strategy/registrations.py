"""Everything the strategy contributes, registered once from StrategyConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.lib import figures, public_links
from coproduce.lib import today as day
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.notifications import kinds
from coproduce.privacy import registry

from . import figures as strategy_figures
from . import (
    holdings,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    today,
)


def register() -> None:
    add_to_navigation(
        NavItem(_("Strategy"), "strategy:commitment_list", "strategy.view_strategy", order=58)
    )
    figures.register(
        "strategy.commitments_on_track",
        "structure",
        strategy_figures.commitments_on_track,
        order=20,
    )
    public_links.register(
        public_links.PublicLink(
            key="strategy.commitments",
            place="updates",
            label=_("Our commitments"),
            url_name="strategy:public_list",
            description=_("What we have promised to do with Disabled people, and how it is going."),
        )
    )
    kinds.register(
        kinds.Kind(
            "strategy.co_author",
            _("Writing the strategy"),
            _("When the lead names you as a co-author of a commitment in the strategy."),
            topic="projects",
        )
    )
    registry.register(*holdings.HOLDINGS)
    day.register_counts("strategy", today.counts)
    day.register(
        "strategy.commitments", today.commitments_to_see_to, heading=_("Strategy"), order=55
    )
