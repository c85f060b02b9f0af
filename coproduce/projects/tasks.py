from django_tasks import task


@task()
def check_every_projects_evidence():
    """Every project's evidenced rung worked out again (see actions.check_evidence)."""
    from .actions import check_every_projects_evidence as check_all

    return {"projects": check_all()}


@task()
def close_due_decisions():
    """Closes decisions whose closing date has passed. Idempotent: a closed one is skipped."""
    from .actions import close_due_decisions as close_them

    return {"closed": close_them()}
