"""Demo learning: three modules, most staff trained, some overdue."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.demo import demo_staff
from coproduce.accounts.models import User

from . import actions
from .models import Module

MODULES = [
    (
        "What co-production means",
        "Equal partnership with Disabled people from the start: the ladder of "
        "co-production, SCIE's four principles, and what changes in your job.",
        "https://www.scie.org.uk/co-production/what-how/",
        ["lead", "staff"],
        -14,
        0.5,
    ),
    (
        "Access needs: ask once, meet every time",
        "How the access passport works, what to book before a meeting, and what to do "
        "when something goes wrong on the day.",
        "",
        ["lead", "staff", "administrator"],
        30,
        0.5,
    ),
    (
        "Paying people fairly and on time",
        "Our rates, expenses, payment choices, and why people on benefits need clear "
        "information before they take part.",
        "",
        ["finance", "lead", "staff"],
        60,
        0.3,
    ),
]


def load(log):
    if Module.objects.exists():
        log(f"Demo learning modules: {Module.objects.count()} (already there)")
        return
    lead = User.objects.get(email="lead@example.org")
    demo_staff()
    today = timezone.localdate()
    for title, description, link, roles, due_in, share in MODULES:
        module = Module.objects.create(
            title=title,
            description=description,
            link=link,
            content="" if link else description + "\n\nWork through it with a colleague.",
            required_for=roles,
            complete_by=today + timedelta(days=due_in),
            created_by=lead,
        )
        people = list(
            User.objects.filter(role_assignments__role__in=roles, is_active=True)
            .distinct()
            .order_by("pk")
        )
        for number, person in enumerate(people[: round(len(people) * share)]):
            actions.record_completion(
                module=module,
                person=person,
                completed_on=today - timedelta(days=5 + number * 3),
                reflection="I will ask about access needs before, not on the day."
                if number == 0
                else "",
                recorded_by=person,
            )
    log(f"Demo learning: {len(MODULES)} modules with completions")
