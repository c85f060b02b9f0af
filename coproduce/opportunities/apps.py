from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "coproduce.opportunities"
    label = "opportunities"
    verbose_name = "Opportunities"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register

        from . import holdings, rules  # noqa: F401  (registers permissions and data holdings)

        register(
            NavItem(
                "Opportunities",
                "opportunities:opportunity_list",
                "opportunities.view_opportunity_list",
                order=20,
            )
        )
