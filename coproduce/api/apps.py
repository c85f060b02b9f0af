from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "coproduce.api"
    label = "api"
    verbose_name = "API"

    def ready(self):
        from . import registrations

        registrations.register()
