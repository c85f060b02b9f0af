"""Keeping people on benefits safe as their fees add up. The organisation sets a weekly
and a yearly amount (PaymentLimit, data with its source); a person who asked to be
warned (PaymentProtection) is told before a claim would take them past one, with the
choices the policy allows. Fees paid into a bank account or as a voucher count;
expenses paid back, a declined fee and a fee given to charity do not. A claim counts
in the week and the tax year of its activity (or, when the person chose to wait,
of the first day it may be paid). Nobody but the person, finance and the
lead is shown a warning, and showing it to finance or the lead is logged as a read."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from .models import Claim, LimitPeriod, PaymentLimit, PaymentProtection, Status

COUNTED_CHOICES = (Claim.Choice.BANK, Claim.Choice.VOUCHER)
COUNTED_STATUSES = (Status.SUBMITTED, Status.APPROVED, Status.PAID)


def tax_year_start(day: date) -> date:
    """The 6 April on or before `day`: UK tax years run from 6 April to 5 April."""
    start = date(day.year, 4, 6)
    return start if day >= start else date(day.year - 1, 4, 6)


def tax_year_label(start_year: int) -> str:
    return _("6 April %(start)s to 5 April %(end)s") % {
        "start": start_year,
        "end": start_year + 1,
    }


def period_of(period: str, day: date) -> tuple[date, date]:
    """The first and last day of the week or tax year that holds `day`."""
    if period == LimitPeriod.WEEK:
        first = day - timedelta(days=day.weekday())
        return first, first + timedelta(days=6)
    first = tax_year_start(day)
    return first, date(first.year + 1, 4, 5)


@dataclass(frozen=True)
class LimitCheck:
    """A limit this claim would take the person past."""

    limit: PaymentLimit
    first: date
    last: date
    before_pence: int  # fees counted in the period without this claim
    with_claim_pence: int

    @property
    def room_pence(self) -> int:
        """The most this claim's fee can be and stay within the limit."""
        return max(0, self.limit.amount_pence - self.before_pence)

    @property
    def over_pence(self) -> int:
        return self.with_claim_pence - self.limit.amount_pence


def wants_warnings(person) -> bool:
    return PaymentProtection.objects.filter(person=person, warn=True).exists()


def with_warning_wish(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """Claims that carry whether their person asked to be warned, so a claim's page
    asks it in the query that fetches the claim, whatever the claim's state."""
    wish = PaymentProtection.objects.filter(person=OuterRef("claimant"), warn=True)
    return claims.annotate(claimant_wants_warnings=Exists(wish))


def counted_fee(claim: Claim) -> int:
    return claim.fee_payable_pence if claim.payment_choice in COUNTED_CHOICES else 0


def counting_day(claim: Claim) -> date:
    """The day a claim's fee counts on: its activity's, or for a fee the person chose to
    wait for, the first day it may be paid."""
    return claim.pay_after or claim.activity_date


def _fees_between(claim: Claim, first: date, last: date) -> int:
    others = (
        Claim.objects.filter(
            Q(pay_after__isnull=True, activity_date__range=(first, last))
            | Q(pay_after__range=(first, last)),
            claimant_id=claim.claimant_id,
            status__in=COUNTED_STATUSES,
            payment_choice__in=COUNTED_CHOICES,
        )
        .exclude(pk=claim.pk)
        .only("fee_pence", "fee_wanted_pence", "payment_choice")
    )
    return sum(counted_fee(other) for other in others)


def checks_for(claim: Claim) -> list[LimitCheck]:
    """The limits this claim would take its person past, whether or not they asked to
    be warned (callers check `wants_warnings`)."""
    fee = counted_fee(claim)
    day = counting_day(claim)
    found = []
    for period in LimitPeriod.values:
        limit = PaymentLimit.in_force(period, day)
        if limit is None:
            continue
        first, last = period_of(period, day)
        before = _fees_between(claim, first, last)
        if before + fee > limit.amount_pence:
            found.append(LimitCheck(limit, first, last, before, before + fee))
    return found


def warning_for(claim: Claim) -> list[LimitCheck]:
    """What to warn about, only for a person who asked to be warned."""
    wants = getattr(claim, "claimant_wants_warnings", None)
    if not (wants_warnings(claim.claimant) if wants is None else wants):
        return []
    return checks_for(claim)


def limits_in_force(day: date) -> list[PaymentLimit]:
    return [
        limit
        for period in LimitPeriod.values
        if (limit := PaymentLimit.in_force(period, day)) is not None
    ]
