"""Learning use cases: each one transaction."""

from django.db import transaction

from .models import Completion


@transaction.atomic
def record_completion(*, module, person, completed_on, reflection, recorded_by):
    """Records (or corrects) that `person` completed `module`."""
    completion, _ = Completion.objects.update_or_create(
        module=module,
        person=person,
        defaults={
            "completed_on": completed_on,
            "reflection": reflection,
            "recorded_by": recorded_by,
        },
    )
    return completion


@transaction.atomic
def save_module(*, form, by):
    module = form.save(commit=False)
    if module.created_by_id is None:
        module.created_by = by
    module.save()
    return module
