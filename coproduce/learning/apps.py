from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "coproduce.learning"
    label = "learning"
    verbose_name = "Learning"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register

        from . import figures, holdings, rules  # noqa: F401  (registers permissions, data, figures)

        register(NavItem("Learning", "learning:module_list", "learning.view_modules", order=45))
