from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "coproduce.site"
    label = "site"
    verbose_name = "Public site"

    def ready(self):
        from coproduce.lib import today as day
        from coproduce.lib.navigation import NavItem, register

        from . import (  # noqa: F401  (registers permissions and data holdings)
            holdings,
            rules,
            today,
        )

        register(NavItem("Public site", "site:manage", "site.manage_site", order=80))
        day.register(
            "site.spotlights",
            today.spotlights_to_review,
            heading="Messages and stories to read",
            order=50,
        )
        day.register(
            "site.messages",
            today.messages_to_read,
            heading="Messages and stories to read",
            order=50,
        )
