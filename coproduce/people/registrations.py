"""Everything the people app contributes, registered once from PeopleConfig.ready().
Its reach figures are registered by the projects app, which knows who is active."""

from django.utils.translation import gettext_lazy as _

from coproduce.lib import generation
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.privacy import registry, retention

from . import (
    bench,
    holdings,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
)


def register() -> None:
    add_to_navigation(NavItem(_("Your profile"), "people:my_profile", "people.view_own", order=10))
    add_to_navigation(NavItem(_("People"), "people:person_list", "people.list_people", order=20))
    registry.register(*holdings.HOLDINGS)
    retention.register(*holdings.RETENTION)
    generation.register("people", bench.generate)
