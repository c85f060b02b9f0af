from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "coproduce.projects"
    label = "projects"
    verbose_name = "Projects"

    def ready(self):
        # Permissions, data holdings and dashboard figures register on import.
        from coproduce.lib import today as day
        from coproduce.lib.navigation import NavItem, register
        from coproduce.people import relationships

        from . import figures, holdings, rules, today  # noqa: F401
        from .team import people_on_teams_run_by

        # Staff may read the access passports of the people on teams they run.
        relationships.register("project team", people_on_teams_run_by)

        register(
            NavItem("Projects", "projects:project_list", "projects.view_project_list", order=10)
        )
        day.register("projects.answered", today.answers_to_you_said, heading="Projects", order=30)
        day.register("projects.you_said", today.you_said_to_answer, heading="Projects", order=30)
        day.register("projects.evidence", today.evidence_below_rung, heading="Projects", order=30)
