from django.apps import AppConfig
from django.core import checks


class LibConfig(AppConfig):
    """Shared helpers: form rendering, template tags, middleware, the demo, backup and
    key commands, the deploy checks, and scheduled jobs with the record of their runs."""

    name = "coproduce.lib"
    label = "lib"

    def ready(self) -> None:
        from coproduce.lib import checks as deploy_checks  # noqa: F401  (registers the checks)

        from . import jobs, tasks  # noqa: F401  (registers the clean-up jobs)

        checks.register(jobs.check_chosen_periods)
