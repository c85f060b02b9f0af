"""Checks `manage.py check --deploy` runs on a real site (registered in registrations.py)."""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core import checks

from coproduce.lib.encryption import derived_from_secret_key


def field_key_is_set(
    app_configs: Sequence[AppConfig] | None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """Without its own key, bank details are lost with SECRET_KEY and are readable by
    anyone who has the database and SECRET_KEY together."""
    if settings.COPRODUCE_DEMO or not derived_from_secret_key():
        return []
    return [
        checks.Warning(
            "Bank details are encrypted with a key derived from SECRET_KEY.",
            hint=(
                "Make a key with `manage.py generate_field_key`, keep it in a password "
                "manager, and move to it as docs/deploy.md (Backups and keys) explains. "
                "Losing the key loses everyone's bank details."
            ),
            id="coproduce.W001",
        )
    ]
