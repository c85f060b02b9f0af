"""Staff learning for the benchmark: a dozen modules (most required for staff and the
lead, some with a deadline, one retired) and completions by most staff, with a
reflection from some."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import Role, RoleAssignment
from coproduce.lib.generation import Loading, bulk, days_ago, sentence

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
    with Loading(log) as load:
        completions = load.table(
            Completion, ["module_id", "person_id", "completed_on", "reflection"]
        )
        for module in modules:
            for person in rng.sample(staff, round(len(staff) * rng.uniform(0.3, 0.9))):
                completions.add(
                    (
                        module,
                        person,
                        days_ago(rng, 700),
                        sentence(rng, 20) if rng.random() < 0.4 else "",
                    )
                )
    log(f"    {count} modules, {completions.count} completions")
