from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "coproduce.learning"
    label = "learning"
    verbose_name = "Learning"

    def ready(self):
        from coproduce.lib import today as day
        from coproduce.lib.navigation import NavItem, register

        from . import (  # noqa: F401  (registers permissions, data, figures)
            figures,
            holdings,
            rules,
            today,
        )

        register(NavItem("Learning", "learning:module_list", "learning.view_modules", order=45))
        day.register("learning.modules", today.modules_due, heading="Learning", order=45)
