"""Everything the learning app contributes, registered once from LearningConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.lib import figures, generation
from coproduce.lib import today as day
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.privacy import registry

from . import (
    bench,
    holdings,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    today,
)
from . import figures as learning_figures


def register() -> None:
    add_to_navigation(
        NavItem(_("Learning"), "learning:module_list", "learning.view_modules", order=45)
    )
    figures.register("learning.staff_trained", "practice", learning_figures.staff_trained, order=30)
    registry.register(*holdings.HOLDINGS)
    generation.register("learning", bench.generate)
    day.register("learning.modules", today.modules_due, heading=_("Learning"), order=45)
