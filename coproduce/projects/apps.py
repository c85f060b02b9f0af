from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "coproduce.projects"
    label = "projects"
    verbose_name = "Projects"

    def ready(self):
        from . import registrations

        registrations.register()
