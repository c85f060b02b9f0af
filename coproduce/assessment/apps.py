from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "coproduce.assessment"
    label = "assessment"
    verbose_name = "Self-assessment"

    def ready(self):
        from coproduce.lib import today as day
        from coproduce.lib.navigation import NavItem, register

        from . import (  # noqa: F401  (registers permissions, data, figures)
            figures,
            holdings,
            rules,
            today,
        )

        register(
            NavItem("Self-assessment", "assessment:round_list", "assessment.view_rounds", order=40)
        )
        day.register(
            "assessment.answer", today.rounds_to_answer, heading="Self-assessment", order=40
        )
        day.register(
            "assessment.actions", today.overdue_actions, heading="Self-assessment", order=40
        )
