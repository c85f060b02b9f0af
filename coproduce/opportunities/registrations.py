"""Everything the opportunities app contributes, registered once from
OpportunitiesConfig.ready()."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from coproduce.lib import generation, jobs
from coproduce.lib import today as day
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.people import relationships
from coproduce.privacy import registry

from . import (
    bench,
    holdings,
    nudges,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    selecting,
    today,
)


def register() -> None:
    add_to_navigation(
        NavItem(
            _("Opportunities"),
            "opportunities:opportunity_list",
            "opportunities.view_opportunity_list",
            order=20,
        )
    )
    registry.register(*holdings.HOLDINGS)
    # Those choosing people may read the access passports of the people who applied.
    relationships.register(
        "opportunity application", selecting.applicants_to_opportunities_selected_by
    )
    jobs.register(
        "opportunities.alerts",
        every=timedelta(hours=1),
        task=nudges.opportunity_alerts,
        description="Tell people about open opportunities that match their interests",
    )
    generation.register("opportunities", bench.generate)
    day.register(
        "opportunities.match",
        today.matching_opportunities,
        heading=_("Opportunities for you"),
        order=35,
    )
