"""Everything the accounts app contributes, registered once from AccountsConfig.ready().
Its personal-data holdings are listed by the privacy app, the layer above it."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from coproduce.lib import changes
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation

from . import display, rules  # noqa: F401  (django-rules: its permissions register on import)


def register() -> None:
    # Signing in stamps the time on the account, and display choices change how pages
    # look: neither changes what anyone's Today lists.
    changes.quiet_fields(get_user_model(), "last_login", *display.FIELDS)
    add_to_navigation(NavItem(_("Today"), "accounts:home", "accounts.view_home", order=0))
    add_to_navigation(
        NavItem(_("Accounts"), "accounts:account_list", "accounts.manage_accounts", order=90)
    )
