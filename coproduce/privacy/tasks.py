from django_tasks import task


@task()
def apply_retention():
    """Deletes the records past their retention period; returns how many of each went."""
    from . import retention

    return retention.apply().deleted
