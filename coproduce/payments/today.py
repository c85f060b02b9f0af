"""What payments put on each person's Today (lib.today): time to claim after a
meeting and claims returned, for co-producers; claims waiting for approval, for
those who approve; approved claims to pay and batches to mark paid, for finance.

Each provider costs a fixed number of queries, however many claims there are."""

from datetime import timedelta

from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.template.defaultfilters import date as format_date
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coproduce.accounts.models import Role
from coproduce.lib.today import (
    INFORMATION,
    Item,
    count_of,
    counted,
    oldest_of,
    once,
    urgency_for,
)
from coproduce.meetings.attendance import attended_by, claim_details

from .models import Advance, Claim, PaymentBatch, Status

SHOWN = 10
PAY_WITHIN_DAYS = 14  # the promise the dashboard measures (payments.figures.timeliness)
CLAIM_WITHIN_DAYS = 90  # meetings older than this are not offered on Today


def _home():
    return reverse("accounts:home")


def _time(minutes):
    hours, rest = divmod(minutes, 60)
    parts = [ngettext("%(n)s hour", "%(n)s hours", hours) % {"n": hours}] if hours else []
    if rest or not parts:
        parts.append(ngettext("%(n)s minute", "%(n)s minutes", rest) % {"n": rest})
    return " ".join(parts)


def time_to_claim(user, now):
    """Meetings the person was recorded at in the last 90 days and has not claimed for."""
    if not user.has_role(Role.COPRODUCER):
        return
    claimed = Claim.objects.filter(claimant=user, source=OuterRef("_source"))
    found = (
        attended_by(user)
        .filter(
            meeting__starts_at__gte=now - timedelta(days=CLAIM_WITHIN_DAYS),
            meeting__starts_at__lte=now,
        )
        .annotate(_source=Concat(Value("meeting:"), Cast("meeting_id", CharField())))
        .exclude(Exists(claimed))[:SHOWN]
    )
    for attendance in found:
        meeting = attendance.meeting
        yield Item(
            key=f"payments.claim_meeting:{meeting.pk}",
            sentence=_("Claim your payment or expenses for “%(meeting)s”.")
            % {"meeting": meeting.title},
            action_label=_("Start a claim"),
            action_url=f"{reverse('payments:claim_new')}?{urlencode(claim_details(attendance))}",
            since=meeting.ends_at,
        )


def claims_returned(user, now):
    if not user.has_role(Role.COPRODUCER):
        return
    for claim in Claim.objects.filter(claimant=user, status=Status.RETURNED).order_by(
        "activity_date", "pk"
    )[:SHOWN]:
        reason = claim.returned_reason.strip().rstrip(".")
        yield Item(
            key=f"payments.returned:{claim.pk}",
            sentence=(
                _("Your claim for “%(what)s” was returned to you: %(reason)s.")
                if reason
                else _("Your claim for “%(what)s” was returned to you.")
            )
            % {"what": claim.description, "reason": reason},
            action_label=_("Change your claim"),
            action_url=claim.get_absolute_url(),
            since=claim.submitted_at or claim.created_at,
        )


APPROVERS = (Role.LEAD, Role.ADMINISTRATOR)


def _waiting(user, now):
    """The oldest-sent claims to approve and to pay that this person may act on, 11 of
    each at most, in one query: each kind is its own `ORDER BY ... LIMIT` subquery read
    in the order of the (status, submitted_at) index. Numbering every waiting claim in
    one windowed query instead took 2 s at scale 1; for someone who does both (a lead in
    finance), joining the kinds with `pk IN (…) OR pk IN (…)` made PostgreSQL read every
    claim (300 ms at scale 10), so their ids are put together with UNION."""

    def fetch():
        oldest_first = ("submitted_at", "pk")
        kinds = []
        if user.has_role(*APPROVERS):
            kinds.append(
                Claim.objects.filter(status=Status.SUBMITTED)
                .exclude(claimant=user)
                .exclude(entered_by=user)
            )
        if user.has_role(Role.FINANCE):
            kinds.append(Claim.objects.filter(status=Status.APPROVED, batch__isnull=True))
        if len(kinds) == 1:  # read directly: wrapped in a subquery it cost twice the time
            waiting = kinds[0].order_by(*oldest_first)[: SHOWN + 1]
        else:
            # Each LIMIT inside its own IN: SQLite allows no LIMIT in a UNION's parts.
            first, *others = (
                Claim.objects.filter(pk__in=kind.order_by(*oldest_first).values("pk")[: SHOWN + 1])
                .order_by()
                .values("pk")
                for kind in kinds
            )
            waiting = Claim.objects.filter(pk__in=first.union(*others)).order_by(*oldest_first)
        return list(waiting.select_related("claimant"))

    return once(user, now, "payments.waiting", fetch)


def claims_to_approve(user, now):
    """Claims sent for approval that this person may approve: not their own, not
    ones they entered (payments.decide_claim). Due 14 days after they were sent."""
    if not user.has_role(*APPROVERS):
        return
    found = [claim for claim in _waiting(user, now) if claim.status == Status.SUBMITTED]
    for claim in found[:SHOWN]:
        due = timezone.localdate(claim.submitted_at) + timedelta(days=PAY_WITHIN_DAYS)
        yield Item(
            key=f"payments.approve:{claim.pk}",
            sentence=_(
                "%(person)s claimed %(time)s for “%(what)s” on %(date)s: "
                "approve it so it can be paid."
            )
            % {
                "person": claim.claimant,
                "time": _time(claim.minutes),
                "what": claim.description,
                "date": format_date(claim.activity_date, "j F Y"),
            },
            action_label=_("Approve"),
            action_url=reverse("payments:claim_approve", args=[claim.pk]),
            due=due,
            urgency=urgency_for(due, now),
            post=(("next", _home()),),
        )
    if len(found) > SHOWN:  # counting them all would cost a query that grows with them
        yield Item(
            key="payments.approve:more",
            sentence=_("More claims are waiting for approval."),
            action_label=_("See all claims waiting"),
            action_url=f"{reverse('payments:claim_list')}?{urlencode({'status': Status.SUBMITTED})}",
            urgency=INFORMATION,
        )


def claims_to_pay(user, now):
    """For finance: approved claims not yet in a batch, each against the promise to
    pay within 14 days of the claim being sent."""
    if not user.has_role(Role.FINANCE):
        return
    found = [claim for claim in _waiting(user, now) if claim.status == Status.APPROVED]
    for claim in found[:SHOWN]:
        due = timezone.localdate(claim.submitted_at or claim.created_at) + timedelta(
            days=PAY_WITHIN_DAYS
        )
        yield Item(
            key=f"payments.pay:{claim.pk}",
            sentence=_(
                "Pay %(person)s for “%(what)s”: approved, "
                "to be paid within %(days)s days of being sent."
            )
            % {"person": claim.claimant, "what": claim.description, "days": PAY_WITHIN_DAYS},
            action_label=_("Add to a batch"),
            action_url=reverse("payments:finance_queue"),
            due=due,
            urgency=urgency_for(due, now),
        )
    if len(found) > SHOWN:
        yield Item(
            key="payments.pay:more",
            sentence=_("More approved claims are waiting to be paid."),
            action_label=_("See claims to pay"),
            action_url=reverse("payments:finance_queue"),
            urgency=INFORMATION,
        )


def batches_to_mark_paid(user, now):
    if not user.has_role(Role.FINANCE):
        return
    for batch in PaymentBatch.objects.filter(paid_at__isnull=True).order_by("created_at", "pk")[
        :SHOWN
    ]:
        yield Item(
            key=f"payments.batch:{batch.pk}",
            sentence=_(
                "Batch %(number)s was sent to the finance system: mark it paid once "
                "the money has gone."
            )
            % {"number": batch.pk},
            action_label=_("Mark paid"),
            action_url=batch.get_absolute_url(),
            since=batch.created_at,
        )


# Advances (decision 0042): numbers only, read with every other app's in the one
# counting query (lib.today.register_counts), so Today's query count stays the same.


def _advances_to_reconcile(now):
    """Paid advances whose day has come: the receipt is due."""
    return Advance.objects.filter(
        status=Advance.Status.PAID, needed_on__lte=timezone.localdate(now)
    )


def advance_counts(user, now):
    numbers = {}
    if user.has_role(Role.COPRODUCER):
        numbers["payments_my_advances_to_reconcile"] = count_of(
            _advances_to_reconcile(now).filter(person=user)
        )
    if user.has_role(*APPROVERS):
        requested = Advance.objects.filter(status=Advance.Status.REQUESTED).exclude(person=user)
        numbers["payments_advances_to_approve"] = count_of(requested)
        numbers["payments_advances_to_approve_since"] = oldest_of(requested, "requested_at")
    if user.has_role(Role.FINANCE):
        approved = Advance.objects.filter(status=Advance.Status.APPROVED).exclude(person=user)
        numbers["payments_advances_to_pay"] = count_of(approved)
        numbers["payments_advances_to_pay_since"] = oldest_of(approved, "approved_at")
        numbers["payments_advances_to_reconcile"] = count_of(_advances_to_reconcile(now))
    return numbers


def advances(user, now):
    numbers = counted(user, now)
    if n := numbers.get("payments_my_advances_to_reconcile"):
        yield Item(
            key="payments.advance_reconcile",
            sentence=ngettext(
                "Add the receipt for %(count)d advance we paid you.",
                "Add the receipts for %(count)d advances we paid you.",
                n,
            )
            % {"count": n},
            action_label=_("Add the receipt"),
            action_url=reverse("payments:my_advances"),
        )
    if n := numbers.get("payments_advances_to_approve"):
        yield Item(
            key="payments.advance_approve",
            sentence=ngettext(
                "%(count)d advance is waiting for approval.",
                "%(count)d advances are waiting for approval.",
                n,
            )
            % {"count": n},
            action_label=_("See advances"),
            action_url=reverse("payments:advance_list"),
            since=numbers.get("payments_advances_to_approve_since"),
        )
    if n := numbers.get("payments_advances_to_pay"):
        yield Item(
            key="payments.advance_pay",
            sentence=ngettext(
                "%(count)d approved advance is waiting to be paid.",
                "%(count)d approved advances are waiting to be paid.",
                n,
            )
            % {"count": n},
            action_label=_("See advances"),
            action_url=reverse("payments:advance_list"),
            since=numbers.get("payments_advances_to_pay_since"),
        )
    if n := numbers.get("payments_advances_to_reconcile"):
        yield Item(
            key="payments.advance_receipts_due",
            sentence=ngettext(
                "%(count)d paid advance is waiting for its receipt.",
                "%(count)d paid advances are waiting for their receipts.",
                n,
            )
            % {"count": n},
            action_label=_("See advances"),
            action_url=reverse("payments:advance_list"),
            urgency=INFORMATION,
        )
