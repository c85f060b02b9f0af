from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "coproduce.opportunities"
    label = "opportunities"
    verbose_name = "Opportunities"

    def ready(self):
        from datetime import timedelta

        from coproduce.lib import jobs
        from coproduce.lib.navigation import NavItem, register
        from coproduce.people import relationships

        from . import holdings, nudges, rules  # noqa: F401  (registers permissions and data holdings)
        from .selecting import applicants_to_opportunities_selected_by

        # Those choosing people may read the access passports of the people who applied.
        relationships.register("opportunity application", applicants_to_opportunities_selected_by)
        jobs.register(
            "opportunities.alerts",
            every=timedelta(hours=1),
            task=nudges.opportunity_alerts,
            description="Tell people about open opportunities that match their interests",
        )
        register(
            NavItem(
                "Opportunities",
                "opportunities:opportunity_list",
                "opportunities.view_opportunity_list",
                order=20,
            )
        )
