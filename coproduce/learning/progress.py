"""Who must take each module and who has: worked out in a fixed number of
queries, whatever the number of modules or people."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone

from coproduce.accounts.models import RoleAssignment

from .models import Completion

User = get_user_model()


@dataclass
class ModuleProgress:
    module: object
    required: list = field(default_factory=list)  # users who must take it
    done: dict = field(default_factory=dict)  # user id -> Completion

    @property
    def trained(self):
        return sum(1 for person in self.required if person.pk in self.done)

    @property
    def share(self):
        return round(100 * self.trained / len(self.required)) if self.required else None

    def overdue(self, today=None):
        today = today or timezone.localdate()
        if self.module.complete_by is None or self.module.complete_by >= today:
            return []
        return [person for person in self.required if person.pk not in self.done]


def progress_for(modules, on=None, records=False):
    """[ModuleProgress] for the given modules; `on`: count completions up to that date.
    `records`: `done` maps each person to their Completion (the per-module page shows
    them); otherwise to True, which is all the counts need and far cheaper with
    thousands of completions."""
    modules = list(modules)
    roles = {role for module in modules for role in module.required_for}
    people_by_role = defaultdict(dict)
    if roles:
        rows = (
            User.objects.filter(is_active=True, role_assignments__role__in=roles)
            .order_by("name", "email")
            .values_list("pk", "name", "email", "role_assignments__role")
        )
        for pk, name, email, role in rows:
            people_by_role[role][pk] = (pk, name, email)
    completions = Completion.objects.filter(module__in=modules)
    if on is not None:
        completions = completions.filter(completed_on__lte=on)
    done = defaultdict(dict)
    if records:
        for completion in completions:
            done[completion.module_id][completion.person_id] = completion
    else:
        for module_id, person_id in completions.values_list("module_id", "person_id"):
            done[module_id][person_id] = True
    results = []
    for module in modules:
        required = {}
        for role in module.required_for:
            required.update(people_by_role.get(role, {}))
        people = sorted(
            (Person(*row) for row in required.values()), key=lambda p: (p.name, p.email or "")
        )
        results.append(ModuleProgress(module, people, done[module.pk]))
    return results


@dataclass(frozen=True)
class Person:
    pk: int
    name: str
    email: str | None  # None for people who sign in without email (decision 0036)

    def __str__(self):
        return self.name or self.email or ""


@dataclass(frozen=True)
class Counts:
    required: int  # people who must take the module
    trained: int  # of whom have done it

    @property
    def share(self):
        return round(100 * self.trained / self.required) if self.required else None


def progress_counts(modules, on=None):
    """{module id: Counts}, counted by the database: two queries for each different
    set of roles modules require, however many people and completions there are.
    The overview and the dashboard need only these; the per-module page lists people."""
    by_roles = defaultdict(list)
    for module in modules:
        by_roles[tuple(sorted(set(module.required_for)))].append(module.pk)
    counts = {}
    for roles, module_ids in by_roles.items():
        if not roles:
            counts.update({pk: Counts(0, 0) for pk in module_ids})
            continue
        # From the role index to each person: starting from people read all 20,000.
        required_people = RoleAssignment.objects.filter(role__in=roles, user__is_active=True)
        required = required_people.values("user_id").distinct().count()
        required_people = required_people.values("user_id")
        done = Completion.objects.filter(module_id__in=module_ids, person__in=required_people)
        if on is not None:
            done = done.filter(completed_on__lte=on)
        trained = dict(
            done.order_by().values_list("module_id").annotate(n=Count("person_id", distinct=True))
        )
        counts.update({pk: Counts(required, trained.get(pk, 0)) for pk in module_ids})
    return counts
