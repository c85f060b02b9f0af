from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "coproduce.privacy"
    label = "privacy"
    verbose_name = "Privacy"

    def ready(self):
        from . import registrations

        registrations.register()
