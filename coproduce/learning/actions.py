"""Learning use cases: each one transaction."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction

from .models import Completion, Module

if TYPE_CHECKING:
    from coproduce.accounts.models import User

    from .forms import ModuleForm


@transaction.atomic
def record_completion(
    *, module: Module, person: User, completed_on: date, reflection: str, recorded_by: User
) -> Completion:
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
def save_module(*, form: ModuleForm, by: User) -> Module:

    module: Module = form.save(commit=False)
    if module.created_by_id is None:
        module.created_by = by
    module.save()
    return module
