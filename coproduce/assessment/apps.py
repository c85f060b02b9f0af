from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "coproduce.assessment"
    label = "assessment"
    verbose_name = "Self-assessment"

    def ready(self):
        from coproduce.lib.navigation import NavItem, register

        from . import figures, holdings, rules  # noqa: F401  (registers permissions, data, figures)

        register(
            NavItem("Self-assessment", "assessment:round_list", "assessment.view_rounds", order=40)
        )
