from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "coproduce.assessment"
    label = "assessment"
    verbose_name = "Self-assessment"

    def ready(self):
        from . import registrations

        registrations.register()
