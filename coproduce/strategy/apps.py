from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "coproduce.strategy"
    label = "strategy"
    verbose_name = "Co-production strategy"

    def ready(self):
        from . import registrations

        registrations.register()
