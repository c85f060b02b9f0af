"""Staff learning for the benchmark: a dozen modules (most required for staff and the
lead, some with a deadline, one retired) and completions by most staff, with a
reflection from some."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import Role, RoleAssignment
from coproduce.lib.generation import bulk, days_ago, sentence

from .models import Completion, Module


def generate(scale, rng, log):
    staff = list(
        RoleAssignment.objects.filter(role__in=[Role.STAFF, Role.LEAD])
        .values_list("user_id", flat=True)
        .distinct()
    )
    leads = list(RoleAssignment.objects.filter(role=Role.LEAD).values_list("user_id", flat=True))
    today = timezone.localdate()
    count = 12
    bulk(
        Module,
        [
            Module(
                title=f"{sentence(rng, 4)[:-1]} (bench {n + 1})",
                description=sentence(rng, 30),
                content=sentence(rng, 200),
                minutes=rng.choice([20, 30, 45, 60, 90]),
                required_for=[Role.STAFF.value, Role.LEAD.value] if rng.random() < 0.7 else [],
                complete_by=today + timedelta(days=rng.randint(-200, 200))
                if rng.random() < 0.5
                else None,
                active=n != count - 1,
                created_by_id=rng.choice(leads),
            )
            for n in range(count)
        ],
    )
    modules = list(Module.objects.order_by("-pk")[:count].values_list("pk", flat=True))
    completions = [
        Completion(
            module_id=module,
            person_id=person,
            completed_on=days_ago(rng, 700),
            reflection=sentence(rng, 20) if rng.random() < 0.4 else "",
        )
        for module in modules
        for person in rng.sample(staff, round(len(staff) * rng.uniform(0.3, 0.9)))
    ]
    bulk(Completion, completions)
    log(f"    {count} modules, {len(completions)} completions")
