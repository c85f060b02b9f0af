"""Claims for the benchmark: 100,000 at scale 1 over three years, in every state, by
co-producers (some entered for them by staff), most for a project, a third with
expenses. Paid claims have their payment and batch; most were paid within 14 days of
being sent, a tail took longer. The activity and expense types and their dated rates
are made up here (created once, then reused), as a real site's lead would set its own.
No bank details: they are encrypted and no measured page reads them."""

from datetime import date, timedelta

from django.utils import timezone

from coproduce.accounts.models import Role, RoleAssignment
from coproduce.lib.generation import LOAD_BATCH, Loading, bulk, scaled, sentence
from coproduce.projects.models import TeamMember

from .models import (
    ActivityRate,
    ActivityType,
    Claim,
    ClaimEvent,
    ExpenseItem,
    ExpenseRule,
    ExpenseType,
    Payment,
    PaymentBatch,
    Status,
)

RISE = date(2025, 12, 16)
ACTIVITIES = [  # slug, unit, pence before RISE, pence from RISE (made up for the bench)
    ("bench-meeting", "hour", 2500, 2750),
    ("bench-reading", "hour", 2500, 2750),
    ("bench-co-chairing", "half_day", 9000, 9900),
    ("bench-peer-research", "day", 15000, 16500),
]
EXPENSES = [  # slug, section, receipt over, pence a mile, limit
    ("bench-travel", "travel", 1000, None, None),
    ("bench-mileage", "travel", 0, 45, None),
    ("bench-food", "travel", 500, None, 1500),
    ("bench-personal-assistant", "support", 0, None, None),
]
# Older than a month nearly all paid; in the last month every state (few approved and
# waiting: finance pays weekly, so the unpaged finance queue holds about a week's worth).
OLD_STATES = [Status.PAID] * 96 + [Status.DRAFT] * 2 + [Status.RETURNED, Status.SUBMITTED]
RECENT_STATES = (
    [Status.PAID] * 50
    + [Status.APPROVED] * 4
    + [Status.SUBMITTED] * 30
    + [Status.RETURNED] * 6
    + [Status.DRAFT] * 10
)
CHOICES = (
    [Claim.Choice.BANK] * 7
    + [Claim.Choice.VOUCHER] * 2
    + [Claim.Choice.DECLINE]
    + [Claim.Choice.DONATE]
)
SKILLS = ["Chairing", "Giving feedback", "Reading papers", "Interviewing", "Easy Read", ""]


def _policy():
    """The bench's rate table: reused if an earlier run made it. Returns
    ({type id: [(starts_on, rate)]}, [(expense type id, rule id)])."""
    start = date(2023, 4, 1)
    for slug, unit, before, after in ACTIVITIES:
        kind, made = ActivityType.objects.get_or_create(
            slug=slug, defaults={"name": slug.removeprefix("bench-").replace("-", " ").title()}
        )
        if made:
            for starts_on, pence in ((start, before), (RISE, after)):
                ActivityRate.objects.create(
                    activity_type=kind,
                    unit=unit,
                    amount_pence=pence,
                    starts_on=starts_on,
                    unit_minutes={"half_day": 240, "day": 480}.get(unit, 0),
                )
    for slug, section, receipt, mile, limit in EXPENSES:
        kind, made = ExpenseType.objects.get_or_create(
            slug=slug,
            defaults={"name": slug.removeprefix("bench-").title(), "section": section},
        )
        if made:
            ExpenseRule.objects.create(
                expense_type=kind,
                starts_on=start,
                receipt_over_pence=receipt,
                pence_per_mile=mile,
                limit_pence=limit,
            )
    rates = {}
    for rate in ActivityRate.objects.filter(activity_type__slug__startswith="bench-").order_by(
        "starts_on"
    ):
        rates.setdefault(rate.activity_type_id, []).append(rate)
    rules = list(
        ExpenseRule.objects.filter(expense_type__slug__startswith="bench-").values_list(
            "expense_type_id", "pk"
        )
    )
    return rates, rules


def _days_to_pay(rng):
    """Most within 14 days of being sent; a long tail up to ten weeks."""
    return rng.randint(2, 14) if rng.random() < 0.85 else rng.randint(15, 70)


CLAIM_COLUMNS = [
    "claimant_id",
    "entered_by_id",
    "project_id",
    "activity_type_id",
    "activity_date",
    "minutes",
    "description",
    "skills",
    "rate_id",
    "fee_pence",
    "payment_choice",
    "charity",
    "status",
    "returned_reason",
    "decided_by_id",
    "created_at",
    "submitted_at",
    "approved_at",
    "paid_at",
    "days_to_pay",
    "batch_id",
]


def generate(scale, rng, log):
    rates, rules = _policy()
    coproducers = sorted(
        RoleAssignment.objects.filter(role=Role.COPRODUCER).values_list("user_id", flat=True)
    )
    approvers = list(
        RoleAssignment.objects.filter(role=Role.LEAD).values_list("user_id", flat=True)
    )
    staff = list(RoleAssignment.objects.filter(role=Role.STAFF).values_list("user_id", flat=True))
    projects_of = {}
    for project_id, person_id in TeamMember.objects.filter(kind="coproducer").values_list(
        "project_id", "person_id"
    ):
        projects_of.setdefault(person_id, []).append(project_id)
    claimants = list(projects_of) or coproducers
    now = timezone.now()
    today = timezone.localdate()
    zone = timezone.get_current_timezone()
    count = scaled(100_000, scale, minimum=100)
    weekly, waiting = _batches(approvers, rng, now, today)
    before = Claim.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    kinds = list(rates)
    with Loading(log) as load:
        claims = load.table(Claim, CLAIM_COLUMNS, expected=count)
        for _ in range(count):
            activity_type_id = rng.choice(kinds)
            day = today - timedelta(days=int(1000 * rng.random() ** 1.5))
            rate = [r for r in rates[activity_type_id] if r.starts_on <= day][-1]
            minutes = rng.choice([60, 90, 120, 150, 180, 240, 300, 420])
            claimant = claimants[int(len(claimants) * rng.random() ** 2)]
            status = rng.choice(OLD_STATES if (today - day).days > 30 else RECENT_STATES)
            choice = rng.choice(CHOICES)
            sent = (
                None
                if status == Status.DRAFT
                else now - timedelta(days=(today - day).days) + timedelta(days=rng.randint(0, 10))
            )
            sent = min(sent, now) if sent else None
            approved = (
                sent + timedelta(days=rng.randint(0, 5))
                if status in (Status.APPROVED, Status.PAID)
                else None
            )
            paid = sent + timedelta(days=_days_to_pay(rng)) if status == Status.PAID else None
            if approved and approved > now:
                approved = now
            if paid and paid > now:
                paid = now
            if paid:
                batch_id = weekly[_monday(paid)]
            elif status == Status.APPROVED and rng.random() < 0.4:
                batch_id = waiting
            else:
                batch_id = None
            claims.add(
                (
                    claimant,
                    rng.choice(staff) if rng.random() < 0.08 else claimant,
                    rng.choice(projects_of[claimant])
                    if claimant in projects_of and rng.random() < 0.85
                    else None,
                    activity_type_id,
                    day,
                    minutes,
                    sentence(rng, 6),
                    rng.choice(SKILLS),
                    rate.pk,
                    rate.fee_for(minutes),
                    choice,
                    "A local advocacy group" if choice == Claim.Choice.DONATE else "",
                    status,
                    "Please add the date of the bus fare." if status == Status.RETURNED else "",
                    rng.choice(approvers) if approved else None,
                    sent or now,
                    sent,
                    approved,
                    paid,
                    Claim.days_between(sent, paid, zone),
                    batch_id,
                )
            )
    # Batches no claim went into (a quiet week at a small scale) would not exist.
    PaymentBatch.objects.filter(pk__gte=min(weekly.values()), claims__isnull=True).delete()
    with Loading(log) as load:
        expenses = load.table(
            ExpenseItem,
            ["claim_id", "expense_type_id", "rule_id", "description", "amount_pence"],
            expected=count // 3 * 2,
        )
        events = load.table(
            ClaimEvent, ["claim_id", "actor_id", "status", "at", "note"], expected=count * 3
        )
        payments = load.table(
            Payment,
            ["claim_id", "batch_id", "amount_pence", "method", "paid_at"],
            expected=count * 9 // 10,
        )
        made = Claim.objects.filter(pk__gt=before).order_by("pk")
        for row in made.values_list(
            "pk",
            "status",
            "submitted_at",
            "approved_at",
            "paid_at",
            "fee_pence",
            "payment_choice",
            "claimant_id",
            "decided_by_id",
            "batch_id",
        ).iterator(chunk_size=LOAD_BATCH):
            pk, status, sent, approved, paid, fee, choice, claimant, decider, batch_id = row
            extra = 0
            if rng.random() < 0.33:
                for _ in range(rng.randint(1, 3)):
                    expense_type_id, rule_id = rng.choice(rules)
                    amount = rng.randint(250, 4500)
                    extra += amount
                    expenses.add((pk, expense_type_id, rule_id, "Bus fare there and back", amount))
            if sent:
                events.add((pk, claimant, Status.SUBMITTED, sent, ""))
            if approved:
                events.add((pk, decider, Status.APPROVED, approved, ""))
            if paid:
                events.add((pk, decider, Status.PAID, paid, ""))
                # The one payment of a paid claim: its fee (none if declined) and expenses.
                amount = (0 if choice == Claim.Choice.DECLINE else fee) + extra
                payments.add((pk, batch_id, amount, choice, paid))
            if status == Status.RETURNED:
                events.add((pk, rng.choice(approvers), Status.RETURNED, sent, "Please check"))
    log(f"    {count} claims, {expenses.count} expenses, {payments.count} payments")


def _monday(moment):
    return moment.date() - timedelta(days=moment.weekday())


def _batches(finance, rng, now, today):
    """Paid claims went out in weekly batches; some approved ones wait in a batch not yet
    paid and the rest in the finance queue. Returns ({Monday: batch id}, waiting batch id)."""
    first = _monday(now - timedelta(days=1100))
    mondays = [first + timedelta(weeks=n) for n in range((today - first).days // 7 + 1)]
    batches = [
        PaymentBatch(
            created_by_id=rng.choice(finance),
            created_at=now - timedelta(days=(now.date() - monday).days),
            paid_by_id=rng.choice(finance),
            paid_at=now - timedelta(days=(now.date() - monday).days),
            reference=f"BENCH-{monday:%Y%m%d}",
        )
        for monday in mondays
    ]
    batches.append(PaymentBatch(created_by_id=rng.choice(finance), created_at=now))
    bulk(PaymentBatch, batches)
    ids = list(PaymentBatch.objects.order_by("-pk")[: len(batches)].values_list("pk", flat=True))
    ids.reverse()
    return dict(zip(mondays, ids, strict=False)), ids[-1]
