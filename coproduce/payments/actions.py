"""Payment use cases. Each runs in one transaction and moves a claim on with a
compare-and-set UPDATE on its status, so a double click or two people at once
change it once and pay it once (decision 0012). People are told once it commits."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.lib import events
from coproduce.lib.language import in_language_of
from coproduce.notifications.actions import notify
from coproduce.people import actions as people_actions
from coproduce.people.models import Authority

from . import crypto, figures
from .models import (
    ActivityRate,
    ActivityType,
    Advance,
    AdvanceEvent,
    BankDetails,
    BudgetLine,
    Claim,
    ClaimEvent,
    ExpenseItem,
    ExpenseRule,
    ExpenseType,
    LimitChoice,
    Payment,
    PaymentBatch,
    PaymentLimit,
    PaymentProtection,
    Status,
    pounds,
    round_pence,
)

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from coproduce.accounts.models import User
    from coproduce.projects.models import Project

    from .models import ActivityType, ExpenseType

LONGEST_CLAIM_MINUTES = 16 * 60
# Claims for activities further back than this are refused: ask finance instead.
OLDEST_CLAIM_DAYS = 366


def _tell(person: User, subject: str, body: str, kind: str = "payments.claim_changed") -> None:
    notify(person, kind, subject=subject, body=body)


@transaction.atomic
def add_activity_rate(
    *,
    activity_type: ActivityType,
    unit: str,
    amount_pence: int,
    starts_on: date,
    by: User,
    unit_minutes: int | None = 0,
    note: str = "",
) -> ActivityRate:
    """A new rate from a date on. Earlier rates stay, so older claims keep theirs."""
    return ActivityRate.objects.create(
        activity_type=activity_type,
        unit=unit,
        amount_pence=amount_pence,
        unit_minutes=unit_minutes or 0,
        starts_on=starts_on,
        note=note,
        created_by=by,
    )


@transaction.atomic
def add_expense_rule(
    *,
    expense_type: ExpenseType,
    starts_on: date,
    by: User,
    receipt_over_pence: int = 0,
    pence_per_mile: int | None = None,
    limit_pence: int | None = None,
    note: str = "",
) -> ExpenseRule:
    return ExpenseRule.objects.create(
        expense_type=expense_type,
        receipt_over_pence=receipt_over_pence,
        pence_per_mile=pence_per_mile,
        limit_pence=limit_pence,
        starts_on=starts_on,
        note=note,
        created_by=by,
    )


@transaction.atomic
def save_activity_type(
    *,
    activity_type: ActivityType,
    unit: str,
    amount_pence: int,
    unit_minutes: int | None,
    starts_on: date,
    note: str,
    by: User,
) -> ActivityType:
    """A kind of activity, new or changed, with the rate it is paid at from a date on."""
    activity_type.save()
    add_activity_rate(
        activity_type=activity_type,
        unit=unit,
        amount_pence=amount_pence,
        unit_minutes=unit_minutes,
        starts_on=starts_on,
        note=note,
        by=by,
    )
    return activity_type


@transaction.atomic
def save_expense_type(
    *,
    expense_type: ExpenseType,
    receipt_over_pence: int,
    pence_per_mile: int | None,
    limit_pence: int | None,
    starts_on: date,
    note: str,
    by: User,
) -> ExpenseType:
    """A kind of expense, new or changed, with the rule it is paid by from a date on."""
    expense_type.save()
    add_expense_rule(
        expense_type=expense_type,
        receipt_over_pence=receipt_over_pence,
        pence_per_mile=pence_per_mile,
        limit_pence=limit_pence,
        starts_on=starts_on,
        note=note,
        by=by,
    )
    return expense_type


def _check_claim(
    *,
    claimant: User,
    activity_type: ActivityType,
    activity_date: date,
    minutes: int,
    fee_wanted_pence: int | None,
    fee: int,
    source: str,
    exclude: int | None = None,
) -> None:
    today = timezone.localdate()
    if activity_date > today:
        raise ValidationError(_("The date of the activity must be today or earlier."))
    if (today - activity_date).days > OLDEST_CLAIM_DAYS:
        raise ValidationError(
            _("This activity was more than a year ago. Please ask our finance team to help.")
        )
    if not 1 <= minutes <= LONGEST_CLAIM_MINUTES:
        raise ValidationError(
            _("The time must be between 1 minute and %(hours)s hours.")
            % {"hours": LONGEST_CLAIM_MINUTES // 60}
        )
    if fee_wanted_pence is not None and fee_wanted_pence > fee:
        raise ValidationError(
            _("The amount you would like cannot be more than the full fee of %(fee)s.")
            % {"fee": pounds(fee)}
        )
    same = Claim.objects.filter(claimant=claimant)
    if exclude is not None:
        same = same.exclude(pk=exclude)

    # A claim from a meeting is that meeting's: two meetings on one day are two
    # claims. Without a source, the same kind of activity on the same day is a repeat.
    if source:
        duplicate = same.filter(source=source)
    else:
        duplicate = same.filter(activity_type=activity_type, activity_date=activity_date)
    if duplicate.exists():
        raise ValidationError(
            _(
                "There is already a claim for this activity on this date. "
                "Open it from your claims instead of making another."
            )
        )


def _rate(activity_type: ActivityType, activity_date: date) -> ActivityRate:
    rate: ActivityRate | None = activity_type.in_force(activity_date)
    if rate is None:
        raise ValidationError(
            _("We had no rate for “%(activity)s” on %(date)s. Please ask the co-production lead.")
            % {"activity": activity_type, "date": f"{activity_date:%d/%m/%Y}"}
        )
    return rate


def create_claim(
    *,
    claimant: User,
    entered_by: User,
    activity_type: ActivityType,
    activity_date: date,
    minutes: int,
    description: str,
    payment_choice: str,
    project: Project | None = None,
    skills: str = "",
    source: str = "",
    charity: str = "",
    fee_wanted_pence: int | None = None,
    reason: str = "",
) -> Claim:
    """A draft claim, by the person or entered for them with a reason. The fee
    comes from the rate in force on the activity's date."""
    if entered_by != claimant and not reason.strip():
        raise ValidationError(_("Say why you are making this claim for them."))
    rate = _rate(activity_type, activity_date)
    fee: int = rate.fee_for(minutes)
    with transaction.atomic():
        # Lock the claimant's row so two submissions of the same form cannot both pass the check.
        get_user_model().objects.select_for_update().filter(pk=claimant.pk).first()
        _check_claim(
            claimant=claimant,
            activity_type=activity_type,
            activity_date=activity_date,
            minutes=minutes,
            fee_wanted_pence=fee_wanted_pence,
            fee=fee,
            source=source,
        )
        claim = Claim.objects.create(
            claimant=claimant,
            entered_by=entered_by,
            on_behalf_reason=reason if entered_by != claimant else "",
            project=project,
            activity_type=activity_type,
            activity_date=activity_date,
            minutes=minutes,
            description=description,
            skills=skills,
            source=source,
            rate=rate,
            fee_pence=fee,
            fee_wanted_pence=fee_wanted_pence,
            payment_choice=payment_choice,
            charity=charity if payment_choice == Claim.Choice.DONATE else "",
        )
        # Free text stays on the claim, where erasure finds it; events hold only who and when.
        ClaimEvent.objects.create(claim=claim, actor=entered_by, status=Status.DRAFT)
    return claim


@transaction.atomic
def draft_claim_as_supporter(*, authority: Authority, **fields: Any) -> Claim:
    """A supporter drafts a claim for the person who let them help with claims. The claim
    is the person's: paid to the person's own details, which the supporter never sees; the
    person checks it, adds any expenses and sends it. Recorded in their history; they are told."""
    authority = (
        Authority.objects.select_for_update()
        .select_related("person", "supporter")
        .get(pk=authority.pk)
    )
    if not authority.is_current or not authority.help_with_claims:
        raise PermissionDenied("They no longer let you help with their claims.")
    claim = create_claim(
        claimant=authority.person,
        entered_by=authority.supporter,
        reason="Drafted by their supporter",
        **fields,
    )
    # The supporter's history is written in the person's language, as they read it.
    with in_language_of(authority.person):
        what = _("Drafted a claim for you: %(claim)s") % {"claim": claim}
        people_actions.record_action_by_supporter(authority=authority, what=what)
        notify(
            authority.person,
            "people.supporter_acted",
            subject=_("%(supporter)s drafted a claim for you") % {"supporter": authority.supporter},
            body=_("%(what)s. Please check it, add any expenses and send it: %(url)s")
            % {"what": what, "url": claim.get_absolute_url()},
            url=claim.get_absolute_url(),
        )
    return claim


def change_claim(*, claim: Claim, by: User, **fields: Any) -> Claim:
    """Changes a draft or returned claim; the fee follows the rate of the (new) date."""
    rate = _rate(fields["activity_type"], fields["activity_date"])
    fee: int = rate.fee_for(fields["minutes"])
    with transaction.atomic():
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        if not locked.can_change:
            raise ValidationError(_("This claim has been sent, so it cannot be changed now."))
        _check_claim(
            claimant=locked.claimant,
            activity_type=fields["activity_type"],
            activity_date=fields["activity_date"],
            minutes=fields["minutes"],
            fee_wanted_pence=fields.get("fee_wanted_pence"),
            fee=fee,
            source=locked.source,
            exclude=locked.pk,
        )
        for name, value in fields.items():
            setattr(locked, name, value)
        if locked.payment_choice != Claim.Choice.DONATE:
            locked.charity = ""
        locked.rate = rate
        locked.fee_pence = fee
        locked.save()
        # Expenses follow the rules of the new date: mileage at its rate, its limits.
        for item in locked.expenses.select_related("expense_type"):
            rule = _expense_rule(item.expense_type, locked.activity_date)
            try:
                amount = _check_expense(
                    item.expense_type, rule, item.amount_pence, item.miles, bool(item.receipt)
                )
            except ValidationError as error:
                raise ValidationError(
                    _(
                        "On the new date, the expense “%(expense)s” does not fit our rules: "
                        "%(problem)s Change the date back, or remove the expense first."
                    )
                    % {"expense": item.description, "problem": error.messages[0]}
                ) from error
            item.rule, item.amount_pence = rule, amount
            item.save(update_fields=["rule", "amount_pence"])
    return locked


def _expense_rule(expense_type: ExpenseType, day: date) -> ExpenseRule:
    rule: ExpenseRule | None = expense_type.in_force(day)
    if rule is None:
        raise ValidationError(
            _("We had no rule for “%(expense)s” on %(date)s. Please ask the co-production lead.")
            % {"expense": expense_type, "date": f"{day:%d/%m/%Y}"}
        )
    return rule


def _check_expense(
    expense_type: ExpenseType,
    rule: ExpenseRule,
    amount_pence: int | None,
    miles: Decimal | int | None,
    has_receipt: bool,
) -> int:
    """The amount to pay under `rule`: mileage worked out from its rate; its
    limit and receipt rule checked. Raises ValidationError in plain English."""
    if rule.pence_per_mile:
        if miles is None or miles <= 0:
            raise ValidationError(_("Enter how many miles you travelled."))
        if miles > 1000:
            raise ValidationError(_("Enter the miles for this activity only: 1000 or fewer."))
        amount_pence = round_pence(Decimal(miles) * rule.pence_per_mile)
    elif amount_pence is None or amount_pence <= 0:
        raise ValidationError(_("Enter how much you spent, for example 12.50."))
    if rule.limit_pence and amount_pence > rule.limit_pence:
        raise ValidationError(
            _(
                "We pay up to %(limit)s for one %(expense)s item. "
                "Please talk to the co-production lead about anything more."
            )
            % {"limit": pounds(rule.limit_pence), "expense": expense_type.name.lower()}
        )
    if not has_receipt and not rule.pence_per_mile and amount_pence > rule.receipt_over_pence:
        raise ValidationError(
            _("Add a photo or PDF of the receipt: we need one for this expense.")
            if not rule.receipt_over_pence
            else _("Add a photo or PDF of the receipt: we need one for amounts over %(amount)s.")
            % {"amount": pounds(rule.receipt_over_pence)}
        )
    return amount_pence


def add_expense(
    *,
    claim: Claim,
    expense_type: ExpenseType,
    description: str,
    amount_pence: int | None = None,
    miles: Decimal | int | None = None,
    receipt: UploadedFile[bytes] | None = None,
    receipt_type: str = "",
) -> ExpenseItem:
    """An expense on a claim, checked against the rule of the activity's date:
    mileage is worked out from the rate, and a receipt is needed above the amount."""
    if not claim.can_change:
        raise ValidationError(_("This claim has been sent, so it cannot be changed now."))
    rule = _expense_rule(expense_type, claim.activity_date)
    amount_pence = _check_expense(expense_type, rule, amount_pence, miles, receipt is not None)
    with transaction.atomic():
        item = ExpenseItem(
            claim=claim,
            expense_type=expense_type,
            rule=rule,
            description=description,
            miles=miles if rule.pence_per_mile else None,
            amount_pence=amount_pence,
        )
        if receipt is not None:
            item.receipt_name = (receipt.name or "")[:255]
            item.receipt_type = receipt_type
            item.receipt.save(receipt.name or "", receipt, save=False)
        item.save()
    return item


@transaction.atomic
def remove_expense(*, item: ExpenseItem) -> None:
    if not item.claim.can_change:
        raise ValidationError(_("This claim has been sent, so it cannot be changed now."))
    if item.receipt:
        item.receipt.delete(save=False)
    item.delete()


def _move(
    claim: Claim,
    *,
    by: User,
    from_statuses: Iterable[str],
    to: str,
    note: str = "",
    **fields: Any,
) -> bool:
    """Compare-and-set: the claim moves only if it is still in one of `from_statuses`.
    Returns True for the one caller that moved it."""
    changed = Claim.objects.filter(pk=claim.pk, status__in=from_statuses).update(
        status=to, **fields
    )
    if changed:
        ClaimEvent.objects.create(claim=claim, actor=by, status=to, note=note)
        claim.refresh_from_db()
    return bool(changed)


@transaction.atomic
def submit(*, claim: Claim, by: User) -> bool:
    # The fee is worked out again when the claim is sent, so a rate the lead has
    # since added for that date (a correction, back-dated) is the one paid.
    rate = _rate(claim.activity_type, claim.activity_date)
    fee: int = rate.fee_for(claim.minutes)
    moved = _move(
        claim,
        by=by,
        from_statuses=[Status.DRAFT, Status.RETURNED],
        to=Status.SUBMITTED,
        # Days to pay count from the first time it was sent, returns included.
        submitted_at=Coalesce(F("submitted_at"), Value(timezone.now())),
        rate=rate,
        fee_pence=fee,
        fee_wanted_pence=Case(
            When(fee_wanted_pence__gt=fee, then=Value(fee)),
            default=F("fee_wanted_pence"),
            output_field=Claim._meta.get_field("fee_wanted_pence"),
        ),
    )
    if moved:
        from coproduce.accounts.models import User

        from . import limits

        # Kept so finance and the lead see it in their queues; the person saw the same
        # warning before sending. Sent again after a change, it is worked out again.
        over = bool(limits.warning_for(claim))
        if over != claim.limit_warned:
            Claim.objects.filter(pk=claim.pk).update(limit_warned=over)
            claim.limit_warned = over
        for approver in (
            User.objects.filter(
                is_active=True, role_assignments__role__in=["lead", "administrator"]
            )
            .exclude(pk__in=[claim.claimant_id, claim.entered_by_id])
            .distinct()
        ):
            with in_language_of(approver):
                _tell(
                    approver,
                    _("A claim is waiting for approval"),
                    _(
                        "%(person)s sent a claim for %(claim)s. Total %(total)s. Please check it: %(url)s"
                    )
                    % {
                        "person": claim.claimant,
                        "claim": claim,
                        "total": pounds(claim.total_pence),
                        "url": claim.get_absolute_url(),
                    },
                    kind="payments.claim_to_approve",
                )
    return moved


def _may_decide(claim: Claim, by: User) -> None:
    if by.pk in (claim.claimant_id, claim.entered_by_id):
        raise ValidationError(_("Someone else must approve this claim: you made or entered it."))


@transaction.atomic
def approve(*, claim: Claim, by: User) -> bool:
    """Approves once. A claim with nothing to pay (a declined fee and no expenses)
    is complete on approval, with a payment of nothing recorded."""
    _may_decide(claim, by)
    now = timezone.now()
    moved = _move(
        claim,
        by=by,
        from_statuses=[Status.SUBMITTED],
        to=Status.APPROVED,
        approved_at=now,
        decided_by=by,
    )
    if not moved:
        return False
    events.emit(events.CLAIM_APPROVED, object_id=claim.pk, occurrence="approved")
    if claim.total_pence == 0 and _move(
        claim,
        by=by,
        from_statuses=[Status.APPROVED],
        to=Status.PAID,
        paid_at=now,
        note="Nothing to pay: the fee was declined and there are no expenses.",
    ):
        Payment.objects.create(
            claim=claim, batch=None, amount_pence=0, method=claim.payment_choice, paid_at=now
        )
        events.emit(events.CLAIM_PAID, object_id=claim.pk, occurrence="paid")
    with in_language_of(claim.claimant):
        _tell(
            claim.claimant,
            _("Your claim is approved"),
            _(
                "Your claim for %(claim)s is approved. "
                "There is nothing to pay, as you chose. Thank you for your time."
            )
            % {"claim": claim}
            if claim.status == Status.PAID
            else _(
                "Your claim for %(claim)s is approved. Our finance team will pay %(total)s soon."
            )
            % {"claim": claim, "total": pounds(claim.total_pence)},
        )
    return True


@transaction.atomic
def return_claim(*, claim: Claim, by: User, reason: str) -> bool:
    _may_decide(claim, by)
    if not reason.strip():
        raise ValidationError(_("Say what needs to change, so they can put it right."))
    moved = _move(
        claim,
        by=by,
        from_statuses=[Status.SUBMITTED],
        to=Status.RETURNED,
        returned_reason=reason,
        decided_by=by,
    )
    if moved:
        with in_language_of(claim.claimant):
            _tell(
                claim.claimant,
                _("Your claim needs a change"),
                _(
                    "Your claim for %(claim)s was returned to you. What to change: %(reason)s\n"
                    "Open it here to change and send it again: %(url)s"
                )
                % {"claim": claim, "reason": reason, "url": claim.get_absolute_url()},
            )
    return moved


@transaction.atomic
def create_batch(*, claims: Iterable[Claim], by: User) -> PaymentBatch:
    """Puts approved claims that are in no batch into a new batch for export."""
    batch = PaymentBatch.objects.create(created_by=by)
    taken = (
        Claim.objects.filter(
            pk__in=[claim.pk for claim in claims], status=Status.APPROVED, batch__isnull=True
        )
        .exclude(pay_after__gt=timezone.localdate())
        .update(batch=batch)
    )
    if not taken:
        raise ValidationError(_("Choose at least one approved claim that is not in a batch yet."))
    return batch


@transaction.atomic
def create_batch_up_to(*, day: date, by: User) -> PaymentBatch:
    """Puts every approved claim in no batch, approved up to the end of `day` (in the
    organisation's time zone), into a new batch: the whole queue, not one page of it."""
    until = datetime.combine(day + timedelta(days=1), time.min, timezone.get_current_timezone())
    batch = PaymentBatch.objects.create(created_by=by)
    # A fee the person chose to wait for is left until its day.
    taken = (
        Claim.objects.filter(status=Status.APPROVED, batch__isnull=True, approved_at__lt=until)
        .exclude(pay_after__gt=timezone.localdate())
        .update(batch=batch)
    )
    if not taken:
        raise ValidationError(_("No approved claims were waiting on or before that day."))
    return batch


@transaction.atomic
def mark_batch_paid(*, batch: PaymentBatch, by: User, reference: str = "") -> int:
    """Marks every claim in the batch paid, in one step, once. Returns how many
    claims this call paid (0 when someone else already did)."""
    now = timezone.now()
    if not PaymentBatch.objects.filter(pk=batch.pk, paid_at__isnull=True).update(
        paid_at=now, paid_by=by, reference=reference
    ):
        return 0
    paid = 0
    for claim in Claim.objects.filter(batch=batch, status=Status.APPROVED).prefetch_related(
        "expenses"
    ):
        if _move(
            claim,
            by=by,
            from_statuses=[Status.APPROVED],
            to=Status.PAID,
            paid_at=now,
            days_to_pay=Claim.days_between(claim.submitted_at, now) if claim.total_pence else None,
        ):
            Payment.objects.create(
                claim=claim,
                batch=batch,
                amount_pence=claim.total_pence,
                method=claim.payment_choice,
                paid_at=now,
            )
            paid += 1
            events.emit(events.CLAIM_PAID, object_id=claim.pk, occurrence="paid")
            with in_language_of(claim.claimant):
                _tell(
                    claim.claimant,
                    _("You have been paid"),
                    _("We have paid %(total)s for %(claim)s. Thank you.")
                    % {"total": pounds(claim.total_pence), "claim": claim},
                )
    transaction.on_commit(figures.forget_timeliness_of_the_last_year)
    events.emit(events.BATCH_PAID, object_id=batch.pk, occurrence="paid")
    batch.refresh_from_db()
    return paid


@transaction.atomic
def save_bank_details(
    *, person: User, account_name: str, sort_code: str, account_number: str
) -> BankDetails:
    token = crypto.encrypt(
        {"account_name": account_name, "sort_code": sort_code, "account_number": account_number}
    )
    details, _ = BankDetails.objects.update_or_create(
        person=person, defaults={"encrypted": token, "last_digits": account_number[-4:]}
    )
    return details


def read_bank_details(
    *, people: Iterable[User], viewer: User, reason: str
) -> dict[int, dict[str, str]]:
    """{person id: details} for finance, each read logged. Nobody else may read them."""
    from coproduce.privacy.log import record_reads

    if not viewer.has_perm("payments.view_bank_details"):
        raise PermissionError("Only finance can see bank details.")
    chosen = list({person.pk: person for person in people}.values())
    rows = BankDetails.objects.filter(person__in=chosen)
    found = {row.person_id: crypto.decrypt(row.encrypted) for row in rows}
    record_reads(
        viewer=viewer,
        subjects=[person for person in chosen if person.pk in found],
        what="bank_details",
        reason=reason,
    )
    return found


@transaction.atomic
def add_budget_line(*, project: Project, line: BudgetLine, unit_cost_pence: int) -> BudgetLine:
    """A row of the project's involvement cost estimate."""
    line.project = project
    line.unit_cost_pence = unit_cost_pence
    line.save()
    return line


def _amount(amount_pence: int | None) -> None:
    if amount_pence is not None and not 0 < amount_pence <= MOST_LIMIT_PENCE:
        raise ValidationError(
            _("Enter an amount between £0.01 and %(most)s, or leave it empty for no limit.")
            % {"most": pounds(MOST_LIMIT_PENCE)}
        )


# A yearly limit above this is a typing slip, not a benefit rule.
MOST_LIMIT_PENCE = 100_000_00


@transaction.atomic
def set_payment_limit(
    *,
    period: str,
    amount_pence: int | None,
    source: str,
    starts_on: date,
    by: User,
    note: str = "",
) -> PaymentLimit:
    """A weekly or yearly limit from a date on, with where it comes from. Earlier ones
    stay as its history; an empty amount ends the limit from that date."""
    _amount(amount_pence)
    if amount_pence is not None and not source.strip():
        raise ValidationError(_("Say where the amount comes from, for example the benefit rule."))
    return PaymentLimit.objects.create(
        period=period,
        amount_pence=amount_pence,
        source=source.strip(),
        starts_on=starts_on,
        note=note,
        created_by=by,
    )


@transaction.atomic
def set_payment_protection(*, person: User, warn: bool) -> PaymentProtection:
    """The person's own, private choice to be warned before their fees go over a limit."""
    protection, _created = PaymentProtection.objects.update_or_create(
        person=person, defaults={"warn": warn}
    )
    return protection


def choose_at_limit(
    *,
    claim: Claim,
    by: User,
    choice: str,
    fee_wanted_pence: int | None = None,
    charity: str = "",
) -> Claim:
    """Records what the person chose when warned that the claim takes them past a limit,
    and changes the claim to match: a smaller fee (the room left, unless they say
    less), a voucher, a fee given to charity, or payment after the period ends."""
    from . import limits

    with transaction.atomic():
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        if by.pk != locked.claimant_id:
            raise PermissionDenied("Only the person chooses what to do at their limit.")
        if not locked.can_change:
            raise ValidationError(_("This claim has been sent, so it cannot be changed now."))
        checks = limits.checks_for(locked)
        fields: dict[str, Any] = {"limit_choice": choice}
        if choice == LimitChoice.LESS:
            room = min((check.room_pence for check in checks), default=locked.fee_payable_pence)
            wanted = room if fee_wanted_pence is None else fee_wanted_pence
            if wanted > room:
                raise ValidationError(
                    _("To stay under the limit, the fee can be up to %(room)s.")
                    % {"room": pounds(room)}
                )
            fields["fee_wanted_pence"] = wanted
        elif choice == LimitChoice.VOUCHER:
            fields["payment_choice"] = Claim.Choice.VOUCHER
        elif choice == LimitChoice.DONATE:
            if not charity.strip():
                raise ValidationError(_("Enter the name of the charity."))
            fields.update(payment_choice=Claim.Choice.DONATE, charity=charity.strip())
        elif choice == LimitChoice.DEFER:
            if not checks:
                raise ValidationError(_("This claim does not take you past a limit now."))
            fields["pay_after"] = max(check.last for check in checks) + timedelta(days=1)
        elif choice != LimitChoice.AS_IT_IS:
            raise ValidationError(_("Choose what you would like to do."))
        if choice != LimitChoice.DEFER:
            fields["pay_after"] = None
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.save(update_fields=list(fields))
        ClaimEvent.objects.create(
            claim=locked,
            actor=by,
            status=locked.status,
            note=f"At the limit, chose: {LimitChoice(choice).label}",
        )
    return locked


# Advances (decision 0042): compare-and-set on the status like claims, so a double
# click or two people at once move an advance once.
MOST_ADVANCE_PENCE = 2_000_00


def request_advance(
    *,
    person: User,
    expense_type: ExpenseType,
    description: str,
    amount_pence: int,
    needed_on: date,
    paid_to: str = Advance.PaidTo.PERSON,
    supplier: str = "",
    project: Project | None = None,
) -> Advance:
    """An advance asked for by the person: money before they spend it, or paid straight
    to a supplier. Checked against the expense's rule for the day it is needed."""
    if not 0 < amount_pence <= MOST_ADVANCE_PENCE:
        raise ValidationError(
            _("Enter an amount between £0.01 and %(most)s.") % {"most": pounds(MOST_ADVANCE_PENCE)}
        )
    if needed_on < timezone.localdate() - timedelta(days=7):
        raise ValidationError(
            _("An advance is for something you have not paid for yet. Make a claim instead.")
        )
    rule = _expense_rule(expense_type, needed_on)
    if rule.limit_pence and amount_pence > rule.limit_pence:
        raise ValidationError(
            _("We pay up to %(limit)s for one %(expense)s item.")
            % {"limit": pounds(rule.limit_pence), "expense": expense_type.name.lower()}
        )
    if paid_to == Advance.PaidTo.SUPPLIER and not supplier.strip():
        raise ValidationError(_("Enter who we should pay, for example the taxi firm's name."))
    with transaction.atomic():
        advance = Advance.objects.create(
            person=person,
            expense_type=expense_type,
            description=description,
            amount_pence=amount_pence,
            needed_on=needed_on,
            paid_to=paid_to,
            supplier=supplier.strip() if paid_to == Advance.PaidTo.SUPPLIER else "",
            project=project,
        )
        AdvanceEvent.objects.create(advance=advance, actor=person, status=advance.status)
        from coproduce.accounts.models import User

        for approver in (
            User.objects.filter(
                is_active=True, role_assignments__role__in=["lead", "administrator"]
            )
            .exclude(pk=person.pk)
            .distinct()
        ):
            with in_language_of(approver):
                _tell(
                    approver,
                    _("An advance is waiting for approval"),
                    _("%(person)s asked for %(amount)s in advance for %(what)s: %(url)s")
                    % {
                        "person": person,
                        "amount": pounds(amount_pence),
                        "what": description,
                        "url": advance.get_absolute_url(),
                    },
                    kind="payments.claim_to_approve",
                )
    return advance


def _move_advance(advance: Advance, *, by: User, from_status: str, to: str, **fields: Any) -> bool:
    changed = Advance.objects.filter(pk=advance.pk, status=from_status).update(status=to, **fields)
    if changed:
        AdvanceEvent.objects.create(advance=advance, actor=by, status=to)
        advance.refresh_from_db()
    return bool(changed)


@transaction.atomic
def approve_advance(*, advance: Advance, by: User) -> bool:
    if by.pk == advance.person_id:
        raise ValidationError(_("Someone else must approve this advance: it is yours."))
    moved = _move_advance(
        advance,
        by=by,
        from_status=Advance.Status.REQUESTED,
        to=Advance.Status.APPROVED,
        approved_at=timezone.now(),
        decided_by=by,
    )
    if moved:
        with in_language_of(advance.person):
            _tell(
                advance.person,
                _("Your advance is approved"),
                _("Your advance of %(amount)s for %(what)s is approved. Finance will pay it soon.")
                % {"amount": pounds(advance.amount_pence), "what": advance.description},
            )
    return moved


@transaction.atomic
def refuse_advance(*, advance: Advance, by: User, reason: str) -> bool:
    if by.pk == advance.person_id:
        raise ValidationError(_("Someone else must decide on this advance: it is yours."))
    if not reason.strip():
        raise ValidationError(_("Say why, so they know what to do instead."))
    moved = _move_advance(
        advance,
        by=by,
        from_status=Advance.Status.REQUESTED,
        to=Advance.Status.REFUSED,
        refused_reason=reason.strip(),
        decided_by=by,
    )
    if moved:
        with in_language_of(advance.person):
            _tell(
                advance.person,
                _("Your advance was not approved"),
                _("Your advance for %(what)s was not approved. Why: %(reason)s")
                % {"what": advance.description, "reason": reason.strip()},
            )
    return moved


@transaction.atomic
def pay_advance(*, advance: Advance, by: User, reference: str = "") -> bool:
    """Finance records that the money has gone, to the person or the supplier."""
    moved = _move_advance(
        advance,
        by=by,
        from_status=Advance.Status.APPROVED,
        to=Advance.Status.PAID,
        paid_at=timezone.now(),
        reference=reference[:100],
    )
    if moved:
        with in_language_of(advance.person):
            _tell(
                advance.person,
                _("Your advance is paid"),
                _(
                    "We have paid %(amount)s for %(what)s. Afterwards, add the receipt and "
                    "what it cost: %(url)s"
                )
                % {
                    "amount": pounds(advance.amount_pence),
                    "what": advance.description,
                    "url": advance.get_absolute_url(),
                },
            )
    return moved


def reconcile_advance(
    *,
    advance: Advance,
    by: User,
    spent_pence: int,
    receipt: UploadedFile[bytes],
    receipt_type: str,
) -> Advance:
    """The person adds the receipt and what it really cost; the difference, either way,
    is stated on the advance for finance to settle."""
    if by.pk != advance.person_id:
        raise PermissionDenied("Only the person squares their advance with the receipt.")
    if not 0 < spent_pence <= MOST_ADVANCE_PENCE:
        raise ValidationError(
            _("Enter an amount between £0.01 and %(most)s.") % {"most": pounds(MOST_ADVANCE_PENCE)}
        )
    with transaction.atomic():
        locked = Advance.objects.select_for_update().get(pk=advance.pk)
        if locked.status != Advance.Status.PAID:
            raise ValidationError(_("This advance is not waiting for a receipt."))
        locked.receipt_name = (receipt.name or "")[:255]
        locked.receipt_type = receipt_type
        locked.receipt.save(receipt.name or "", receipt, save=False)
        locked.spent_pence = spent_pence
        locked.save(update_fields=["receipt", "receipt_name", "receipt_type", "spent_pence"])
        _move_advance(
            locked,
            by=by,
            from_status=Advance.Status.PAID,
            to=Advance.Status.RECONCILED,
            reconciled_at=timezone.now(),
        )
    return locked
