"""Involvement budget use cases: each one transaction; every record keeps who made it
and when (nothing here is edited afterwards, only added to or removed)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.payments import actions as payment_actions
from coproduce.payments.models import BudgetLine, BudgetSection

from . import planning
from .models import (
    PENNY,
    Estimate,
    EstimateLine,
    KeptProjectLine,
    KeptSummary,
    PlannedActivity,
    PlannedLine,
    SupportRate,
    SupportService,
    money,
)

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.payments.models import ActivityType, ExpenseType
    from coproduce.projects.models import Project

# An estimate line's quantity fits the project budget's (8 digits, 2 after the point).
MOST_QUANTITY = Decimal("10000")


def most_for_a_line() -> Decimal:
    return Decimal(settings.COPRODUCE_BUDGET_LINE_MOST)


def check_amount(amount: Decimal) -> Decimal:
    """An amount of money for a plan or a price: more than nothing, in whole pence, and
    not absurd (more than one line may plan is a typing slip, said plainly)."""
    try:
        exact = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError) as error:
        raise ValidationError(_("Enter an amount in pounds, for example 250.00.")) from error
    if not exact.is_finite():
        raise ValidationError(_("Enter an amount in pounds, for example 250.00."))
    if exact <= 0:
        raise ValidationError(_("Enter an amount more than £0.00. A budget cannot be negative."))
    if exact != exact.quantize(PENNY):
        raise ValidationError(_("Enter pence as two numbers, for example 250.50."))
    most = most_for_a_line()
    if exact > most:
        raise ValidationError(
            _("%(amount)s is more than one line may be (%(most)s). Check the figure, or split it.")
            % {"amount": money(exact), "most": money(most)}
        )
    return exact


@transaction.atomic
def keep_summary(
    *,
    year_start: date,
    data: dict[str, Any],
    project_lines: list[tuple[int | None, str, Any]],
    computed_at: datetime,
) -> KeptSummary:
    """Keeps a year's worked-out summary in place of the one before (budgets.kept):
    `project_lines` are planning.Summary.project_lines()."""
    kept, _created = KeptSummary.objects.update_or_create(
        year_start=year_start,
        defaults={
            "data": data,
            "computed_at": computed_at,
            "refresh_asked_at": None,
            "project_line_count": len(project_lines),
        },
    )
    kept.project_lines.all().delete()
    KeptProjectLine.objects.bulk_create(
        KeptProjectLine(
            kept=kept,
            position=position,
            project_pk=project_pk,
            title=title,
            plan=amounts.plan,
            committed=amounts.committed,
            actual=amounts.actual,
        )
        for position, (project_pk, title, amounts) in enumerate(project_lines)
    )
    return kept


def ask_for_summary_refresh(*, kept: KeptSummary, now: datetime, after: timedelta) -> bool:
    """Marks a kept summary as being worked out again. True for the one request, on
    whichever server, that should queue it: not again until `after` has passed."""
    return bool(
        KeptSummary.objects.filter(pk=kept.pk)
        .filter(Q(refresh_asked_at__isnull=True) | Q(refresh_asked_at__lte=now - after))
        .update(refresh_asked_at=now)
    )


def forget_kept_summary(day: date) -> None:
    """A change to the plan throws away the kept summary of its year: the person who
    made it sees it counted on their next visit, which works the year out again."""
    KeptSummary.objects.filter(year_start=planning.FinancialYear.containing(day).start).delete()


def _first_of_month(day: date) -> date:
    return date(day.year, day.month, 1)


@transaction.atomic
def add_planned_line(
    *,
    month: date,
    project: Project | None,
    activity_type: ActivityType | None,
    description: str,
    amount: Decimal,
    by: User,
) -> PlannedLine:
    forget_kept_summary(month)
    return PlannedLine.objects.create(
        month=_first_of_month(month),
        project=project,
        activity_type=activity_type,
        description=description,
        amount=check_amount(amount),
        created_by=by,
    )


@transaction.atomic
def add_planned_activity(
    *,
    on: date,
    project: Project | None,
    activity_type: ActivityType,
    description: str,
    people: int,
    minutes: int,
    by: User,
) -> PlannedActivity:
    if people <= 0 or minutes <= 0:
        raise ValidationError(_("Enter at least one person and at least one minute."))
    forget_kept_summary(on)
    return PlannedActivity.objects.create(
        on=on,
        project=project,
        activity_type=activity_type,
        description=description,
        people=people,
        minutes=minutes,
        created_by=by,
    )


@transaction.atomic
def add_support_rate(
    *, service: SupportService, starts_on: date, amount: Decimal, note: str, by: User
) -> SupportRate:
    """A new price from a date on; the old one stays for the days before it."""
    return SupportRate.objects.create(
        service=service, starts_on=starts_on, amount=check_amount(amount), note=note, created_by=by
    )


@transaction.atomic
def create_estimate(*, title: str, purpose: str, project: Project | None, by: User) -> Estimate:
    return Estimate.objects.create(title=title, purpose=purpose, project=project, created_by=by)


def _check_open(estimate: Estimate) -> None:
    if estimate.adopted_at is not None:
        raise ValidationError(_("This estimate is a project's budget now, so it stays as it is."))


def _check_quantity(quantity: Decimal) -> Decimal:
    if quantity <= 0 or quantity > MOST_QUANTITY:
        raise ValidationError(_("Enter a number more than 0 and up to 10,000."))
    return quantity


def _save_line(line: EstimateLine) -> EstimateLine:
    _check_open(line.estimate)
    _check_quantity(line.quantity)
    line.unit_cost = line.unit_cost.quantize(PENNY, rounding=ROUND_HALF_UP)
    if line.total > most_for_a_line():
        check_amount(line.total)
    line.save()
    return line


@transaction.atomic
def cost_activity(
    *,
    estimate: Estimate,
    activity_type: ActivityType,
    people: int,
    sessions: int,
    minutes: int,
    on: date,
) -> EstimateLine:
    """People's time: each of `people` gives `minutes` at each of `sessions`, at the
    activity's rate in force on `on`."""
    rate = activity_type.in_force(on)
    if rate is None:
        raise ValidationError(
            _("%(activity)s has no rate on that date yet. Ask the lead to set one.")
            % {"activity": activity_type.name}
        )
    if minutes <= 0:
        raise ValidationError(_("Enter how long each session is."))
    hours = Decimal(minutes) / 60
    return _save_line(
        EstimateLine(
            estimate=estimate,
            kind=EstimateLine.Kind.ACTIVITY,
            activity_type=activity_type,
            description=_(
                "%(activity)s: %(people)s people × %(sessions)s sessions of %(hours)s hours"
            )
            % {
                "activity": activity_type.name,
                "people": people,
                "sessions": sessions,
                "hours": f"{hours.normalize():f}",
            },
            quantity=Decimal(people * sessions),
            unit_cost=Decimal(rate.fee_for(minutes)) / 100,
            rate_from=rate.starts_on,
        )
    )


@transaction.atomic
def cost_expense(
    *,
    estimate: Estimate,
    expense_type: ExpenseType,
    count: Decimal,
    amount_each: Decimal | None,
    miles_each: Decimal | None,
    on: date,
) -> EstimateLine:
    """Expenses: by the mileage rate in force when the type has one and miles are
    given, otherwise the amount each that the person expects."""
    rule = expense_type.in_force(on)
    if rule is None:
        raise ValidationError(
            _("%(expense)s has no rules on that date yet. Ask the lead to set them.")
            % {"expense": expense_type.name}
        )
    if miles_each and rule.pence_per_mile:
        unit_cost = Decimal(miles_each) * rule.pence_per_mile / 100
        description = _("%(expense)s: %(count)s journeys of %(miles)s miles") % {
            "expense": expense_type.name,
            "count": f"{count.normalize():f}",
            "miles": f"{Decimal(miles_each).normalize():f}",
        }
    elif amount_each:
        unit_cost = check_amount(amount_each)
        description = _("%(expense)s: %(count)s at %(amount)s each") % {
            "expense": expense_type.name,
            "count": f"{count.normalize():f}",
            "amount": money(unit_cost),
        }
    else:
        raise ValidationError(_("Enter the amount each, or the miles each for travel by car."))
    return _save_line(
        EstimateLine(
            estimate=estimate,
            kind=EstimateLine.Kind.EXPENSE,
            expense_type=expense_type,
            description=description,
            quantity=count,
            unit_cost=unit_cost,
            rate_from=rule.starts_on,
        )
    )


@transaction.atomic
def cost_support(
    *, estimate: Estimate, service: SupportService, units: Decimal, on: date
) -> EstimateLine:
    """Access support (an interpreter's hours, Easy Read pages) at its price on `on`."""
    rate = service.in_force(on)
    if rate is None:
        raise ValidationError(
            _("%(service)s has no price on that date yet. Add one on the access support page.")
            % {"service": service.name}
        )
    return _save_line(
        EstimateLine(
            estimate=estimate,
            kind=EstimateLine.Kind.SUPPORT,
            service=service,
            description=_("%(service)s: %(units)s × %(price)s")
            % {"service": service.name, "units": f"{units.normalize():f}", "price": str(rate)},
            quantity=units,
            unit_cost=rate.amount,
            rate_from=rate.starts_on,
        )
    )


@transaction.atomic
def remove_estimate_line(*, line: EstimateLine) -> None:
    _check_open(line.estimate)
    line.delete()


def _section(line: EstimateLine) -> str:
    if line.kind == EstimateLine.Kind.EXPENSE and line.expense_type is not None:
        return str(line.expense_type.section)
    if line.kind == EstimateLine.Kind.SUPPORT:
        return str(BudgetSection.ACCESS)
    return str(BudgetSection.FEES)


@transaction.atomic
def adopt_estimate(*, estimate: Estimate, project: Project, by: User) -> list[BudgetLine]:
    """The estimate becomes the project's budget: one budget row for each of its lines
    (payments' project budget), and the estimate is kept as it was."""
    if not by.has_perm("payments.manage_budget", project):
        raise PermissionDenied
    locked = Estimate.objects.select_for_update().get(pk=estimate.pk)
    _check_open(locked)
    lines = list(locked.lines.select_related("expense_type"))
    if not lines:
        raise ValidationError(_("Add at least one cost to the estimate first."))
    made = [
        payment_actions.add_budget_line(
            project=project,
            line=BudgetLine(
                section=_section(line),
                description=line.description[:200],
                quantity=line.quantity,
                notes=_("From the estimate “%(title)s”") % {"title": locked.title[:250]},
            ),
            unit_cost_pence=int((line.unit_cost * 100).to_integral_value(ROUND_HALF_UP)),
        )
        for line in lines
    ]
    locked.project = project
    locked.adopted_at = timezone.now()
    locked.adopted_by = by
    locked.save(update_fields=["project", "adopted_at", "adopted_by"])
    estimate.refresh_from_db()
    return made
