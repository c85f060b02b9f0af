from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "coproduce.opportunities"
    label = "opportunities"
    verbose_name = "Opportunities"

    def ready(self):
        from coproduce.lib import today as day
        from coproduce.lib.navigation import NavItem, register
        from coproduce.people import relationships

        from . import (  # noqa: F401  (registers permissions and data holdings)
            holdings,
            rules,
            today,
        )
        from .selecting import applicants_to_opportunities_selected_by

        # Those choosing people may read the access passports of the people who applied.
        relationships.register("opportunity application", applicants_to_opportunities_selected_by)
        register(
            NavItem(
                "Opportunities",
                "opportunities:opportunity_list",
                "opportunities.view_opportunity_list",
                order=20,
            )
        )
        day.register(
            "opportunities.match",
            today.matching_opportunities,
            heading="Opportunities for you",
            order=35,
        )
