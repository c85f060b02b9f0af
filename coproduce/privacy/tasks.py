from datetime import timedelta

from django_tasks import task

from coproduce.lib import jobs


@task()
def apply_retention():
    """Deletes the records past their retention period; returns how many of each went."""
    from . import retention

    return retention.apply().deleted


jobs.register(
    "privacy.apply_retention",
    every=timedelta(days=1),
    task=apply_retention,
    description="Delete records kept longer than their retention period",
)
