"""Demo involvement budget for this financial year: budget lines and planned activities
beside the demo's meetings and claims, prices for access support (made up for the demo;
a real site sets its own on the access support page), and a saved estimate for a bid."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.payments.models import ActivityType, ExpenseType
from coproduce.projects.models import Project

from . import actions
from .models import Estimate, PlannedLine, SupportService
from .planning import FinancialYear

PRICES = {  # slug: (pounds, note)
    "bsl-interpreter": ("75.00", "Two-hour minimum booking through our usual agency"),
    "live-captioner": ("60.00", "Remote captioning, booked a week ahead"),
    "easy-read": ("45.00", "Per page, including checking with an Easy Read group"),
}


def load(log):
    if PlannedLine.objects.exists():
        log("Demo budget: already there")
        return
    lead = User.objects.get(email="lead@example.org")
    finance = User.objects.get(email="finance@example.org")
    staff = User.objects.get(email="staff@example.org")
    today = timezone.localdate()
    year = FinancialYear.containing(today)
    projects = list(Project.objects.order_by("pk")[:3])
    kinds = {kind.slug: kind for kind in ActivityType.objects.all()}
    for slug, (pounds, note) in PRICES.items():
        service = SupportService.objects.filter(slug=slug).first()
        if service:
            actions.add_support_rate(
                service=service, starts_on=year.start, amount=Decimal(pounds), note=note, by=finance
            )
    months = list(year.months())
    for index, month in enumerate(months):
        actions.add_planned_line(
            month=month,
            project=None,
            activity_type=kinds.get("training"),
            description="Training for co-producers",
            amount=Decimal("350.00"),
            by=finance,
        )
        project = projects[index % len(projects)] if projects else None
        actions.add_planned_line(
            month=month,
            project=project,
            activity_type=None,
            description="Access support: interpreters and Easy Read",
            amount=Decimal("420.00"),
            by=lead,
        )
    for offset in (20, 50, 80, 110):
        day = min(year.start + timedelta(days=offset * 3), year.end)
        actions.add_planned_activity(
            on=day,
            project=projects[0] if projects else None,
            activity_type=kinds["reading"],
            description="Reading and commenting on the draft report",
            people=6,
            minutes=120,
            by=lead,
        )
    _estimate(staff, projects, kinds)
    log(f"Demo budget for {year.label}: {2 * len(months)} budget lines, 4 planned activities")


def _estimate(staff, projects, kinds):
    """A saved estimate for a bid, costed at today's rates."""
    project = next((p for p in projects if p.lead_id == staff.pk), None)
    estimate = actions.create_estimate(
        title="Bid: peer research on getting around town",
        purpose="A bid to a research funder for six months of peer research.",
        project=project,
        by=staff,
    )
    today = date.today()
    actions.cost_activity(
        estimate=estimate, activity_type=kinds["meeting"], people=8, sessions=6, minutes=120,
        on=today,
    )  # fmt: skip
    actions.cost_activity(
        estimate=estimate, activity_type=kinds["peer-research"], people=4, sessions=10,
        minutes=420, on=today,
    )  # fmt: skip
    travel = ExpenseType.objects.filter(slug="travel").first()
    if travel:
        actions.cost_expense(
            estimate=estimate, expense_type=travel, count=Decimal(48),
            amount_each=Decimal("12.50"), miles_each=None, on=today,
        )  # fmt: skip
    for slug, units in (("bsl-interpreter", Decimal(12)), ("easy-read", Decimal(16))):
        service = SupportService.objects.filter(slug=slug).first()
        if service and service.history.exists():
            actions.cost_support(estimate=estimate, service=service, units=units, on=today)
    return Estimate.objects.get(pk=estimate.pk)
