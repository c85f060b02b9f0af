"""Everything the API contributes, registered once from ApiConfig.ready()."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from coproduce.lib import changes, events, jobs
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.privacy import registry

from . import (
    holdings,
    models,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    tasks,
)


def register() -> None:
    # Noting when a token was last used changes nothing anyone's Today lists.
    changes.quiet_fields(models.ApiToken, "last_used_at")
    add_to_navigation(
        NavItem(_("API"), "api:organisation_token_list", "api.manage_organisation_tokens", order=95)
    )
    registry.register(*holdings.HOLDINGS)
    events.subscribe("api.webhooks", tasks.fan_out)
    jobs.register(
        "api.retry_webhooks",
        every=timedelta(minutes=1),
        task=tasks.retry_webhooks,
        description="Sends webhook deliveries again whose wait after a failure is over.",
    )
