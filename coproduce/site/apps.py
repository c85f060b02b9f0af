from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "coproduce.site"
    label = "site"
    verbose_name = "Public site"

    def ready(self):
        from . import registrations

        registrations.register()
