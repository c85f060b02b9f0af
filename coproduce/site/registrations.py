"""Everything the public site contributes, registered once from SiteConfig.ready()."""

from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.privacy import registry, retention

from . import (
    holdings,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
)


def register() -> None:
    add_to_navigation(NavItem("Public site", "site:manage", "site.manage_site", order=80))
    registry.register(*holdings.HOLDINGS)
    retention.register(*holdings.RETENTION)
