from django.apps import AppConfig


class LibConfig(AppConfig):
    """Shared helpers: form rendering, template tags, middleware, the backup and key
    commands, the deploy checks, and scheduled jobs with the record of their runs."""

    name = "coproduce.lib"
    label = "lib"

    def ready(self) -> None:
        from . import registrations

        registrations.register()
