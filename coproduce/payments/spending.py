"""What involvement cost, for the whole organisation's budget (the budgets app reads
claims and rates through here, never the tables themselves).

Claims count by the day of the activity. Sent and waiting for approval is committed;
approved (waiting for payment) or paid is actual. Drafts and returned claims count
for nothing yet."""

from django.db.models import Case, F, IntegerField, Sum, When
from django.db.models.functions import TruncMonth

from .models import ActivityRate, Claim, ExpenseItem, Status

COMMITTED = (Status.SUBMITTED,)
ACTUAL = (Status.APPROVED, Status.PAID)
# The activity type a meeting is claimed as (meetings.attendance.claim_details).
MEETING = "meeting"


def _state(status):
    return "committed" if status in COMMITTED else "actual"


def claimed_between(start, end):
    """Rows of (month, project id, project title, activity type id, activity type name,
    "committed" or "actual", pence) for claims with an activity day in [start, end]:
    two grouped queries (fees, then expenses), however many claims there are."""
    claims = Claim.objects.filter(
        activity_date__gte=start, activity_date__lte=end, status__in=COMMITTED + ACTUAL
    )
    fee = Case(
        When(payment_choice=Claim.Choice.DECLINE, then=0),
        When(fee_wanted_pence__lt=F("fee_pence"), then=F("fee_wanted_pence")),
        default=F("fee_pence"),
        output_field=IntegerField(),
    )
    fees = (
        claims.annotate(month=TruncMonth("activity_date"))
        .order_by()
        .values_list(
            "month", "project_id", "project__title", "activity_type_id", "activity_type__name",
            "status",
        )
        .annotate(pence=Sum(fee))
    )  # fmt: skip
    expenses = (
        ExpenseItem.objects.filter(claim__in=claims)
        .annotate(month=TruncMonth("claim__activity_date"))
        .order_by()
        .values_list(
            "month", "claim__project_id", "claim__project__title", "claim__activity_type_id",
            "claim__activity_type__name", "claim__status",
        )
        .annotate(pence=Sum("amount_pence"))
    )  # fmt: skip
    for rows in (fees, expenses):
        for month, project, title, kind, name, status, pence in rows:
            yield month, project, title, kind, name, _state(status), pence or 0


def activity_rates():
    """{activity type id: (name, slug, [rates, oldest first])}, in one query."""
    found = {}
    for rate in ActivityRate.objects.select_related("activity_type").order_by("starts_on", "pk"):
        kind = rate.activity_type
        found.setdefault(kind.pk, (kind.name, kind.slug, []))[2].append(rate)
    return found


def rate_on(rates, day):
    """The newest of `rates` (oldest first) starting on or before `day`, or None."""
    chosen = None
    for rate in rates:
        if rate.starts_on > day:
            break
        chosen = rate
    return chosen
