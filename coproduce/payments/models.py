"""Reciprocity: the payment policy (dated rates), claims for time and expenses,
their approval and payment. Money is held in whole pence, never as a float."""

import math
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.lib.encryption import EncryptedTextField
from coproduce.lib.storage import private_storage
from coproduce.people.models import PaymentPreference


def pounds(pence):
    """1234 -> "£12.34"; None -> ""."""
    if pence is None:
        return ""
    sign = "-" if pence < 0 else ""
    return f"{sign}£{abs(pence) // 100:,}.{abs(pence) % 100:02d}"


def round_pence(value):
    return int(Decimal(value).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


class BudgetSection(models.TextChoices):
    FEES = "fees", _("Fees for people's time")
    TRAVEL = "travel", _("Travel and subsistence")
    SUPPORT = "support", _("Care, support and personal assistants")
    ACCESS = "access", _("Access: interpreters, formats, venues")
    TRAINING = "training", _("Training and learning")
    OTHER = "other", _("Other costs")


class RatedThing(models.Model):
    """Shared shape of activity and expense types: a stable slug and a plain name."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(
        max_length=50, unique=True, help_text=_("A short name for links, for example: meeting.")
    )
    description = models.CharField(
        _("What it covers"), max_length=300, blank=True, help_text=_("In plain English.")
    )
    active = models.BooleanField(
        _("Offered now"), default=True, help_text=_("Untick to stop new claims for it.")
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def in_force(self, day):
        """The rate or rule that applied on `day`: the newest one starting on or before it."""
        return self.history.filter(starts_on__lte=day).order_by("-starts_on", "-pk").first()


class DatedRule(models.Model):
    """A rate or rule that applies from a date on. Never edited, only followed by a
    newer one, so every claim keeps the one of its own day and the history stays."""

    starts_on = models.DateField(_("Applies from"))
    note = models.CharField(_("Why it changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-starts_on", "-pk"]


class ActivityType(RatedThing):
    """Something people are paid for their time to do: a meeting, reading papers, co-chairing."""


class ActivityRate(DatedRule):
    """A rate for an activity type from a date on. Rates are never edited, only
    followed by a newer one, so every claim keeps the rate of its own day."""

    class Unit(models.TextChoices):
        HOUR = "hour", _("Per hour")
        HALF_DAY = "half_day", _("Per half day")
        DAY = "day", _("Per day")

    activity_type = models.ForeignKey(
        ActivityType, on_delete=models.CASCADE, related_name="history"
    )
    unit = models.CharField(max_length=10, choices=Unit.choices, default=Unit.HOUR)
    amount_pence = models.PositiveIntegerField(_("Amount in pence"))
    unit_minutes = models.PositiveSmallIntegerField(
        _("Longest time one half day or day covers, in minutes"),
        default=0,
        help_text=_(
            "For half-day and day rates: for example 240 for four hours. "
            "Each part of that time counts as one more half day or day."
        ),
    )

    def __str__(self):
        return f"{pounds(self.amount_pence)} {self.get_unit_display().lower()}"

    def fee_for(self, minutes):
        """The fee in pence for `minutes` of the activity. Hourly rates are paid
        to the minute; half-day and day rates count each started unit."""
        if minutes <= 0:
            return 0
        if self.unit == self.Unit.HOUR:
            return round_pence(Decimal(self.amount_pence) * minutes / 60)
        length = self.unit_minutes or (240 if self.unit == self.Unit.HALF_DAY else 480)
        return self.amount_pence * math.ceil(minutes / length)


class ExpenseType(RatedThing):
    """Travel, subsistence, childcare, replacement carer, personal assistant, other."""

    section = models.CharField(
        _("Budget section"),
        max_length=10,
        choices=BudgetSection.choices,
        default=BudgetSection.TRAVEL,
        help_text=_("Where what is claimed shows in a project's budget."),
    )


class ExpenseRule(DatedRule):
    """The rules for an expense type from a date on: when a receipt is needed,
    and for mileage the rate per mile."""

    expense_type = models.ForeignKey(ExpenseType, on_delete=models.CASCADE, related_name="history")
    receipt_over_pence = models.PositiveIntegerField(
        _("Receipt needed above, in pence"),
        default=0,
        help_text=_("0 means a receipt is always needed."),
    )
    pence_per_mile = models.PositiveIntegerField(
        _("Mileage rate in pence per mile"),
        null=True,
        blank=True,
        help_text=_("Only for travel by car. Leave empty otherwise."),
    )
    limit_pence = models.PositiveIntegerField(
        _("Most we pay for one item, in pence"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. Bigger amounts are refused with a message."),
    )

    def __str__(self):
        parts = []
        if self.pence_per_mile:
            parts.append(gettext("%(pence)sp a mile") % {"pence": self.pence_per_mile})
        parts.append(
            gettext("receipt always needed")
            if not self.receipt_over_pence
            else gettext("receipt needed above %(amount)s")
            % {"amount": pounds(self.receipt_over_pence)}
        )
        if self.limit_pence:
            parts.append(gettext("up to %(amount)s an item") % {"amount": pounds(self.limit_pence)})
        return ", ".join(parts)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft: not sent yet")
    SUBMITTED = "submitted", _("Sent: waiting for approval")
    RETURNED = "returned", _("Returned to you: please check")
    APPROVED = "approved", _("Approved: waiting for payment")
    PAID = "paid", _("Paid")


class PaymentBatch(models.Model):
    """Approved claims sent to the finance system together and marked paid in one step."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    paid_at = models.DateTimeField(null=True, blank=True)
    reference = models.CharField(_("Reference in the finance system"), max_length=100, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "payment batches"

    def __str__(self):
        return gettext("Batch %(number)s") % {"number": self.pk}

    def get_absolute_url(self):
        return reverse("payments:batch_detail", args=[self.pk])


class LimitChoice(models.TextChoices):
    """What the policy lets a person do when a claim would take them past a limit."""

    LESS = "less", _("Take less, so I stay under the limit")
    VOUCHER = "voucher", _("Take a shopping voucher instead")
    DONATE = "donate", _("Give the fee to a charity")
    DEFER = "defer", _("Wait: pay me after this week or tax year ends")
    AS_IT_IS = "as_it_is", _("Keep the claim as it is: I have checked it is all right")


class Claim(models.Model):
    """A claim for time given to one activity, with its expenses."""

    Status = Status

    class Choice(models.TextChoices):
        BANK = PaymentPreference.BANK.value, _("Paid into my bank account")
        VOUCHER = PaymentPreference.VOUCHER.value, _("A shopping voucher")
        DECLINE = PaymentPreference.DECLINE.value, _("No fee: I do not want to be paid for my time")
        DONATE = PaymentPreference.DONATE.value, _("Give my fee to a charity")

    claimant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="claims"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    on_behalf_reason = models.CharField(max_length=300, blank=True)
    project = models.ForeignKey(
        "projects.Project",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
    )
    activity_type = models.ForeignKey(ActivityType, on_delete=models.PROTECT)
    activity_date = models.DateField(_("Date of the activity"))
    minutes = models.PositiveIntegerField(_("Time given, in minutes"))
    description = models.CharField(_("What you did"), max_length=300)
    skills = models.CharField(_("Skills you used or learned"), max_length=300, blank=True)
    # Where the claim came from, for example "meeting:12", so a meeting is claimed once.
    source = models.CharField(max_length=100, blank=True)
    rate = models.ForeignKey(ActivityRate, on_delete=models.PROTECT, related_name="claims")
    fee_pence = models.PositiveIntegerField(default=0)  # the full fee at the rate of the day
    fee_wanted_pence = models.PositiveIntegerField(null=True, blank=True)  # "take less"
    payment_choice = models.CharField(max_length=10, choices=Choice.choices)
    charity = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    returned_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    # Whole days from first sent to paid, kept when money is paid (empty when there
    # was nothing to pay), so the median and the share paid within 14 days are
    # counted by the database from an index, not row by row.
    days_to_pay = models.PositiveIntegerField(null=True, blank=True, editable=False)
    batch = models.ForeignKey(
        PaymentBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    # Set when it was sent: the claim took a person who asked to be warned past a limit.
    limit_warned = models.BooleanField(default=False, editable=False)
    # What the person chose when warned (LimitChoice), and for "wait", the first day
    # finance may pay it.
    limit_choice = models.CharField(max_length=10, choices=LimitChoice.choices, blank=True)
    pay_after = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-activity_date", "-pk"]
        indexes = [
            models.Index(fields=["status", "submitted_at"]),
            models.Index(fields=["paid_at", "days_to_pay"]),
            models.Index(fields=["days_to_pay"]),
            # The claims list's order, whole or by status, and a person's own claims:
            # keyset pages read these from where the last page ended (lib/keyset.py).
            models.Index(fields=["activity_date", "id"], name="claim_activity_date"),
            models.Index(fields=["status", "activity_date", "id"], name="claim_status_activity"),
            models.Index(
                fields=["claimant", "activity_date", "id"], name="claim_claimant_activity"
            ),
            # The finance queue: approved claims in no batch, oldest approval first.
            models.Index(
                fields=["approved_at", "id"],
                condition=models.Q(status="approved", batch__isnull=True),
                name="claim_waiting_for_batch",
            ),
        ]

    def __str__(self):
        return gettext("%(activity)s on %(date)s") % {
            "activity": self.activity_type,
            "date": f"{self.activity_date:%d/%m/%Y}",
        }

    def get_absolute_url(self):
        return reverse("payments:claim_detail", args=[self.pk])

    @property
    def fee_payable_pence(self):
        if self.payment_choice == self.Choice.DECLINE:
            return 0
        if self.fee_wanted_pence is not None:
            return min(self.fee_wanted_pence, self.fee_pence)
        return self.fee_pence

    @property
    def expenses_pence(self):
        return sum(item.amount_pence for item in self.expenses.all())

    @property
    def listed_total(self):
        """The total, from the list's annotated expense sum when there is one."""
        expenses = getattr(self, "expenses_sum", None)
        if hasattr(self, "expenses_sum"):
            return self.fee_payable_pence + (expenses or 0)
        return self.total_pence

    @property
    def total_pence(self):
        return self.fee_payable_pence + self.expenses_pence

    @staticmethod
    def days_between(submitted_at, paid_at, zone=None):
        """Calendar days from sent to paid, in the organisation's time zone."""
        if not (submitted_at and paid_at):
            return None
        zone = zone or timezone.get_current_timezone()
        return max(
            0, (timezone.localdate(paid_at, zone) - timezone.localdate(submitted_at, zone)).days
        )

    @property
    def can_change(self):
        return self.status in (Status.DRAFT, Status.RETURNED)

    @property
    def hours(self):
        return Decimal(self.minutes) / 60


class ExpenseItem(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="expenses")
    expense_type = models.ForeignKey(ExpenseType, on_delete=models.PROTECT)
    rule = models.ForeignKey(ExpenseRule, on_delete=models.PROTECT, related_name="+")
    description = models.CharField(_("What it was for"), max_length=300)
    miles = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    amount_pence = models.PositiveIntegerField()
    receipt = models.FileField(upload_to="receipts/%Y/", storage=private_storage, blank=True)
    receipt_name = models.CharField(max_length=255, blank=True)
    receipt_type = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.expense_type}: {pounds(self.amount_pence)}"


class ClaimEvent(models.Model):
    """The history of a claim: who moved it on, when, and why."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return gettext("%(status)s at %(time)s") % {
            "status": self.get_status_display(),
            "time": f"{self.at:%d/%m/%Y %H:%M}",
        }


class Payment(models.Model):
    """The one payment for a claim. One-to-one: a claim can never be paid twice."""

    claim = models.OneToOneField(Claim, on_delete=models.PROTECT, related_name="payment")
    batch = models.ForeignKey(
        PaymentBatch, null=True, blank=True, on_delete=models.PROTECT, related_name="payments"
    )
    amount_pence = models.PositiveIntegerField()
    method = models.CharField(max_length=10, choices=Claim.Choice.choices)
    paid_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{pounds(self.amount_pence)} for claim {self.claim_id}"


class BankDetails(models.Model):
    """A person's bank details, encrypted at rest (see payments.crypto); only
    finance can read them and every read is logged."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bank_details"
    )
    encrypted = EncryptedTextField()
    last_digits = models.CharField(max_length=4)  # so the person can tell which account
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "bank details"

    def __str__(self):
        return gettext("Account ending %(digits)s") % {"digits": self.last_digits}


class BudgetLine(models.Model):
    """One row of a project's involvement cost estimate: quantity × unit cost."""

    Section = BudgetSection

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="budget_lines"
    )
    section = models.CharField(max_length=10, choices=Section.choices)
    description = models.CharField(max_length=200)
    quantity = models.DecimalField(max_digits=8, decimal_places=2)
    unit_cost_pence = models.PositiveIntegerField(_("Unit cost in pence"))
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["section", "pk"]

    def __str__(self):
        return self.description

    @property
    def listed_total(self):
        """The total, from the list's annotated expense sum when there is one."""
        expenses = getattr(self, "expenses_sum", None)
        if hasattr(self, "expenses_sum"):
            return self.fee_payable_pence + (expenses or 0)
        return self.total_pence

    @property
    def total_pence(self):
        return round_pence(self.quantity * self.unit_cost_pence)


class LimitPeriod(models.TextChoices):
    WEEK = "week", _("A week (Monday to Sunday)")
    YEAR = "year", _("A tax year (6 April to 5 April)")


class PaymentLimit(DatedRule):
    """An amount of fees in a week or a tax year above which a person who asked to be
    warned is told before they send a claim, with where the amount comes from (often a
    benefit rule). Set by finance or the lead; never edited, only followed by a newer
    one, so the rows are its history. An empty amount ends the limit from that date."""

    period = models.CharField(_("Over what time"), max_length=4, choices=LimitPeriod.choices)
    amount_pence = models.PositiveIntegerField(_("Amount in pence"), null=True, blank=True)
    source = models.CharField(
        _("Where this amount comes from"),
        max_length=300,
        help_text=_("For example the benefit rule and the year it is for."),
    )

    def __str__(self):
        if self.amount_pence is None:
            return gettext("No limit")
        return pounds(self.amount_pence)

    @classmethod
    def in_force(cls, period, day):
        """The limit for `period` on `day`, or None when there is none (or it was ended)."""
        found = cls.objects.filter(period=period, starts_on__lte=day).first()
        return found if found is not None and found.amount_pence is not None else None


class PaymentProtection(models.Model):
    """A person's private wish to be warned before their fees go over the organisation's
    limits. Only they, finance and the lead ever see it: it says something about their
    benefits."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="payment_protection"
    )
    warn = models.BooleanField(
        _("Warn me before my fees go over a limit"),
        default=False,
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return gettext("Warnings about limits: %(state)s") % {
            "state": gettext("on") if self.warn else gettext("off")
        }


class Advance(models.Model):
    """Money for an expense paid before it is spent (a train fare), to the person or
    straight to a supplier (a taxi firm), so nobody is out of pocket. Approved like a
    claim by the same people, paid by finance, then squared with the receipt."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Asked for: waiting for approval")
        REFUSED = "refused", _("Not approved")
        APPROVED = "approved", _("Approved: waiting for payment")
        PAID = "paid", _("Paid: waiting for the receipt")
        RECONCILED = "reconciled", _("Receipt checked: complete")

    class PaidTo(models.TextChoices):
        PERSON = "person", _("To me, before I spend it")
        SUPPLIER = "supplier", _("Straight to the supplier, for example a taxi firm")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="advances"
    )
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expense_type = models.ForeignKey(ExpenseType, on_delete=models.PROTECT)
    description = models.CharField(_("What it is for"), max_length=300)
    needed_on = models.DateField(_("The day you need it for"))
    amount_pence = models.PositiveIntegerField()
    paid_to = models.CharField(max_length=10, choices=PaidTo.choices, default=PaidTo.PERSON)
    supplier = models.CharField(_("Supplier"), max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    refused_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reference = models.CharField(max_length=100, blank=True)  # in the finance system
    spent_pence = models.PositiveIntegerField(null=True, blank=True)
    receipt = models.FileField(upload_to="receipts/%Y/", storage=private_storage, blank=True)
    receipt_name = models.CharField(max_length=255, blank=True)
    receipt_type = models.CharField(max_length=100, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    approved_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    reconciled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["status", "requested_at"])]

    def __str__(self):
        return gettext("Advance for %(what)s on %(date)s") % {
            "what": self.description,
            "date": f"{self.needed_on:%d/%m/%Y}",
        }

    def get_absolute_url(self):
        return reverse("payments:advance_detail", args=[self.pk])

    @property
    def difference_pence(self):
        """Spent minus paid: above nothing, we owe the person; below, they owe us."""
        if self.spent_pence is None:
            return None
        return self.spent_pence - self.amount_pence

    @property
    def difference_size_pence(self):
        """How much is owed, whichever way."""
        return abs(self.difference_pence or 0)


class AdvanceEvent(models.Model):
    """The history of an advance: who moved it on, and when."""

    advance = models.ForeignKey(Advance, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Advance.Status.choices)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_status_display()} {self.at:%d/%m/%Y %H:%M}"
