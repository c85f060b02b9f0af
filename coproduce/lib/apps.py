from django.apps import AppConfig


class LibConfig(AppConfig):
    """Shared helpers: form rendering, template tags, middleware, the demo command."""

    name = "coproduce.lib"
    label = "lib"
