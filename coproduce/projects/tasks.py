from django_tasks import task


@task()
def close_due_decisions():
    """Closes decisions whose closing date has passed. Idempotent: a closed one is skipped."""
    from .actions import close_due_decisions as close_them

    return {"closed": close_them()}
