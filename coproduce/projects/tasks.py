from django_tasks import task


@task()
def check_every_projects_evidence():
    """Every project's evidenced rung worked out again (see actions.check_evidence)."""
    from .actions import check_every_projects_evidence as check_all

    return {"projects": check_all()}
