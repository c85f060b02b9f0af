"""Everything the self-assessment app contributes, registered once from
AssessmentConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.lib import figures, generation
from coproduce.lib import today as day
from coproduce.lib.figures import AREAS
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.privacy import registry

from . import (
    bench,
    holdings,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    today,
)
from . import figures as assessment_figures


def register() -> None:
    add_to_navigation(
        NavItem(_("Self-assessment"), "assessment:round_list", "assessment.view_rounds", order=40)
    )
    for key in AREAS:
        figures.register(
            f"assessment.scores.{key}", key, assessment_figures.area_scores(key), order=80
        )
    figures.register("assessment.open_actions", "review", assessment_figures.open_actions, order=90)
    registry.register(*holdings.HOLDINGS)
    generation.register("assessment", bench.generate)
    day.register_counts("assessment", today.counts)
    day.register(
        "assessment.answer", today.rounds_to_answer, heading=_("Self-assessment"), order=40
    )
    day.register(
        "assessment.actions", today.overdue_actions, heading=_("Self-assessment"), order=40
    )
    day.register(
        "assessment.co_owned", today.co_owned_actions, heading=_("Self-assessment"), order=40
    )
