"""Everything the public site contributes, registered once from SiteConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.lib import today as day
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.privacy import registry, retention

from . import (
    holdings,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    today,
)


def register() -> None:
    add_to_navigation(NavItem(_("Public site"), "site:manage", "site.manage_site", order=80))
    registry.register(*holdings.HOLDINGS)
    retention.register(*holdings.RETENTION)
    day.register_counts("site", today.counts)
    day.register(
        "site.spotlights",
        today.spotlights_to_review,
        heading=_("Messages and stories to read"),
        order=50,
    )
    day.register(
        "site.messages",
        today.messages_to_read,
        heading=_("Messages and stories to read"),
        order=50,
    )
