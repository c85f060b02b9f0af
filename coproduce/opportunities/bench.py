"""Opportunities for the benchmark: one for every five projects, about 120 open to fill
at once at scale 1 (more than a page of the list and of the API, so both scales show
full pages and the scale-10 comparison measures the data, not a longer page), each
with the people who said they were interested."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import Role, RoleAssignment
from coproduce.lib.generation import bulk, scaled, sentence, skewed_pick
from coproduce.projects.models import Project

from .models import Application, Opportunity


def generate(scale, rng, log):
    coproducers = list(
        RoleAssignment.objects.filter(role=Role.COPRODUCER)
        .values_list("user_id", flat=True)
        .order_by("pk")
    )
    staff = list(RoleAssignment.objects.filter(role=Role.STAFF).values_list("user_id", flat=True))
    projects = list(Project.objects.values_list("pk", flat=True))
    count = scaled(400, scale, minimum=10)
    today = timezone.localdate()
    bulk(
        Opportunity,
        [
            Opportunity(
                title=f"{sentence(rng, 5)[:-1]} ({n + 1})",
                project_id=rng.choice(projects) if rng.random() < 0.8 else None,
                summary=sentence(rng, 40),
                time_commitment="Four two-hour meetings",
                payment_offered="£25 an hour and travel",
                closing_on=today + timedelta(days=rng.randint(-40, 120)),
                status=rng.choice(
                    [Opportunity.Status.OPEN] * 2
                    + [Opportunity.Status.CLOSED] * 2
                    + [Opportunity.Status.DRAFT]
                ),
                created_by_id=rng.choice(staff),
            )
            for n in range(count)
        ],
    )
    applications = [
        Application(
            opportunity_id=opportunity_id,
            person_id=person,
            status=rng.choice(Application.Status.values),
        )
        for opportunity_id in Opportunity.objects.order_by("-pk")[:count].values_list(
            "pk", flat=True
        )
        for person in skewed_pick(rng, coproducers, rng.randint(0, 25))
    ]
    bulk(Application, applications)
    log(f"    {count} opportunities, {len(applications)} applications")
