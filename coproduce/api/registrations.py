"""Everything the API contributes, registered once from ApiConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.privacy import registry

from . import (
    holdings,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
)


def register() -> None:
    add_to_navigation(
        NavItem(_("API"), "api:organisation_token_list", "api.manage_organisation_tokens", order=95)
    )
    registry.register(*holdings.HOLDINGS)
