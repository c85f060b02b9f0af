from django.apps import AppConfig


class LibConfig(AppConfig):
    """Shared helpers: form rendering, template tags, middleware, the demo, backup and
    key commands, and the deploy checks."""

    name = "coproduce.lib"
    label = "lib"

    def ready(self):
        from coproduce.lib import checks  # noqa: F401  (registers the checks)
