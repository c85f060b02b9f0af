from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "coproduce.projects"
    label = "projects"
    verbose_name = "Projects"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register
        from coproduce.people import relationships

        # Permissions, data holdings and dashboard figures register on import.
        from . import figures, holdings, rules  # noqa: F401
        from .team import people_on_teams_run_by

        # Staff may read the access passports of the people on teams they run.
        relationships.register("project team", people_on_teams_run_by)

        register(
            NavItem("Projects", "projects:project_list", "projects.view_project_list", order=10)
        )
