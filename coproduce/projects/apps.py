from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "coproduce.projects"
    label = "projects"
    verbose_name = "Projects"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register

        from . import holdings, rules  # noqa: F401  (registers permissions and data holdings)

        register(
            NavItem("Projects", "projects:project_list", "projects.view_project_list", order=10)
        )
