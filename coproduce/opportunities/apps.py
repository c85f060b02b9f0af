from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "coproduce.opportunities"
    label = "opportunities"
    verbose_name = "Opportunities"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register

        from . import rules  # noqa: F401  (registers permissions)

        register(
            NavItem(
                "Opportunities",
                "opportunities:opportunity_list",
                "opportunities.view_opportunity_list",
                order=20,
            )
        )
