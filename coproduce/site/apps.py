from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "coproduce.site"
    label = "site"
    verbose_name = "Public site"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register

        from . import holdings, rules  # noqa: F401  (registers permissions and data holdings)

        register(NavItem("Public site", "site:manage", "site.manage_site", order=80))
