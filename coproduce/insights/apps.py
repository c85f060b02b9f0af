from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "coproduce.insights"
    label = "insights"
    verbose_name = "Insights"

    def ready(self):
        from . import registrations

        registrations.register()
