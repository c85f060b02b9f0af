"""Everything the projects app contributes, registered once from ProjectsConfig.ready()."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from coproduce.lib import figures, generation, jobs
from coproduce.lib import today as day
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.people import figures as people_figures
from coproduce.people import relationships
from coproduce.privacy import registry

from . import (
    bench,
    holdings,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    tasks,
    team,
    today,
)
from . import figures as project_figures


def register() -> None:
    add_to_navigation(
        NavItem(_("Projects"), "projects:project_list", "projects.view_project_list", order=10)
    )
    figures.register("projects.ladder", "culture", project_figures.ladder_distribution, order=10)
    figures.register(
        "projects.from_the_start", "structure", project_figures.from_the_start, order=10
    )
    figures.register(
        "projects.you_said_we_did", "review", project_figures.you_said_we_did, order=10
    )
    # Who is active is known from project teams; the people app reports reach among them.
    # The keys keep the people app's name: exports and saved reports use them.
    figures.register(
        "people.active_coproducers", "culture", project_figures.active_figure, order=20
    )
    for number, key in enumerate(people_figures.REACH_QUESTIONS):
        figures.register(
            f"people.reach.{key}",
            "culture",
            people_figures.reach(key, among=team.active_coproducers),
            order=30 + number,
        )
    figures.register(
        "people.reach.ethnicity_by_gender",
        "culture",
        people_figures.reach_cross(among=team.active_coproducers),
        order=40,
    )
    registry.register(*holdings.HOLDINGS)
    # Staff may read the access passports of the people on teams they run.
    relationships.register("project team", team.people_on_teams_run_by)
    generation.register("projects", bench.generate)
    jobs.register(
        "projects.check_evidence",
        every=timedelta(hours=1),
        task=tasks.check_every_projects_evidence,
        description="Work out again the rung each project's records support",
    )
    day.register_counts("projects", today.counts)
    day.register("projects.answered", today.answers_to_you_said, heading=_("Projects"), order=30)
    day.register("projects.you_said", today.you_said_to_answer, heading=_("Projects"), order=30)
    day.register("projects.evidence", today.evidence_below_rung, heading=_("Projects"), order=30)
    day.register("projects.position", today.positions_asked, heading=_("Projects"), order=30)
    jobs.register(
        "projects.close_decisions",
        every=timedelta(hours=1),
        task=tasks.close_due_decisions,
        description="Close decisions whose closing date has passed, and tell the team",
    )
