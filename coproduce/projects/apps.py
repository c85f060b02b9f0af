from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "coproduce.projects"
    label = "projects"
    verbose_name = "Projects"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register

        # Permissions, data holdings and dashboard figures register on import.
        from . import figures, holdings, rules  # noqa: F401

        register(
            NavItem("Projects", "projects:project_list", "projects.view_project_list", order=10)
        )
