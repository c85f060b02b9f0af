"""Where payments hold a person's data, for download and erasure (see
privacy.registry). Payment records are kept after erasure, as the law requires
for accounts, without the person's own words; bank details are deleted."""

from django.utils import timezone

from coproduce.privacy import retention
from coproduce.privacy.registry import Holding

from . import crypto
from .models import Advance, Claim, Payment, Status, pounds

CLAIM_FIELDS = (
    "activity_type__name",
    "limit_choice",
    "pay_after",
    "activity_date",
    "minutes",
    "description",
    "skills",
    "fee_pence",
    "fee_wanted_pence",
    "payment_choice",
    "charity",
    "status",
    "returned_reason",
    "on_behalf_reason",
    "source",
    "submitted_at",
    "approved_at",
    "paid_at",
)
CLAIM_BLANK = ("description", "skills", "charity", "returned_reason", "on_behalf_reason", "source")


def _claims(person):
    """Each claim with its expenses, its history and its payment; the receipts
    themselves are copied into the download's files folder."""
    from .models import ClaimEvent, ExpenseItem

    rows = list(Claim.objects.filter(claimant=person).values("pk", *CLAIM_FIELDS))
    expenses = list(
        ExpenseItem.objects.filter(claim__claimant=person).select_related("expense_type")
    )
    events = list(ClaimEvent.objects.filter(claim__claimant=person))
    payments = {p.claim_id: p for p in Payment.objects.filter(claim__claimant=person)}
    for row in rows:
        row["expenses"] = "; ".join(
            f"{item.expense_type.name}: {item.description} {pounds(item.amount_pence)}"
            + (f" (receipt {item.receipt_name}, {item.receipt_type})" if item.receipt_name else "")
            for item in expenses
            if item.claim_id == row["pk"]
        )
        row["history"] = "; ".join(
            f"{event.get_status_display()} {timezone.localdate(event.at):%d/%m/%Y}"
            + (f": {event.note}" if event.note else "")
            for event in events
            if event.claim_id == row["pk"]
        )
        if payment := payments.get(row["pk"]):
            row["payment"] = (
                f"{pounds(payment.amount_pence)} by {payment.get_method_display()} "
                f"on {timezone.localdate(payment.paid_at):%d/%m/%Y}"
            )
    return rows


def _erase_expenses(person):
    """Expense items hang off the claim, not the person: their words go and their
    receipts are deleted (once erasure commits); the amounts stay for the accounts."""
    from django.db import transaction

    from .models import ExpenseItem

    items = ExpenseItem.objects.filter(claim__claimant=person)
    files = [(item.receipt.storage, item.receipt.name) for item in items if item.receipt]
    items.update(description="", receipt="", receipt_name="", receipt_type="")

    def delete_files():
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(delete_files)


def _erase_advance_receipts(person):
    """An advance's amounts stay for the accounts; its receipt goes once erasure commits."""
    from django.db import transaction

    from .models import Advance

    advances = Advance.objects.filter(person=person).exclude(receipt="")
    files = [(advance.receipt.storage, advance.receipt.name) for advance in advances]
    advances.update(receipt="", receipt_name="", receipt_type="")

    def delete_files():
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(delete_files)


HOLDINGS = (
    Holding(
        "payments.Advance",
        "person",
        "Your advances",
        (
            "expense_type__name",
            "description",
            "needed_on",
            "amount_pence",
            "paid_to",
            "supplier",
            "status",
            "refused_reason",
            "spent_pence",
            "receipt_name",
            "receipt_type",
            "reference",
            "requested_at",
            "paid_at",
            "reconciled_at",
        ),
        files=("receipt",),
        withheld={
            "events": "Only who moved the advance on and when; its dates are in the download"
        },
        erase="blank",
        blank=("description", "supplier", "refused_reason"),
        erase_with=_erase_advance_receipts,
    ),
    Holding(
        "payments.Advance",
        "decided_by",
        "Advances you approved or refused",
        ("expense_type__name", "needed_on", "status", "approved_at"),
        about_them=False,
    ),
    Holding(
        "payments.AdvanceEvent",
        "actor",
        "Changes you made to advances",
        ("advance__expense_type__name", "status", "at"),
        about_them=False,
    ),
    Holding(
        "payments.Claim",
        "claimant",
        "Your claims for time and expenses",
        CLAIM_FIELDS,
        export=_claims,
        parts=("expenses", "events", "payment"),
        files=("expenses__receipt",),
        erase="blank",
        blank=CLAIM_BLANK,
        erase_with=_erase_expenses,
    ),
    Holding(
        "payments.Claim",
        "entered_by",
        "Claims you entered for others",
        ("activity_type__name", "activity_date", "created_at"),
        about_them=False,
        erase="blank",
        blank=("on_behalf_reason",),
    ),
    Holding(
        "payments.Claim",
        "decided_by",
        "Claims you approved or returned",
        ("activity_type__name", "activity_date", "status", "approved_at"),
        about_them=False,
    ),
    Holding(
        "payments.ClaimEvent",
        "actor",
        "Changes you made to claims",
        ("claim__activity_type__name", "status", "at"),
        about_them=False,
        erase="blank",
        blank=("note",),
    ),
    Holding(
        "payments.BankDetails",
        "person",
        "Your bank details",
        ("last_digits", "updated_at"),
        encrypted=("encrypted",),
        cipher=crypto,
        read_as="bank_details",
        erase="delete",
    ),
    Holding(
        "payments.ActivityRate",
        "created_by",
        "Activity rates you set",
        ("activity_type__name", "amount_pence", "unit", "starts_on"),
        about_them=False,
    ),
    Holding(
        "payments.ExpenseRule",
        "created_by",
        "Expense rules you set",
        ("expense_type__name", "receipt_over_pence", "pence_per_mile", "starts_on"),
        about_them=False,
    ),
    Holding(
        "payments.PaymentProtection",
        "person",
        "Your wish to be warned before your fees go over a limit",
        ("warn", "updated_at"),
        erase="delete",
    ),
    Holding(
        "payments.PaymentLimit",
        "created_by",
        "Payment limits you set",
        ("period", "amount_pence", "source", "starts_on", "note"),
        about_them=False,
    ),
    Holding(
        "payments.PaymentBatch",
        "created_by",
        "Payment batches you made",
        ("created_at", "reference"),
        about_them=False,
    ),
    Holding(
        "payments.PaymentBatch",
        "paid_by",
        "Payment batches you marked paid",
        ("paid_at", "reference"),
        about_them=False,
    ),
)

# Accounts must be kept for six years (HMRC), so a claim and its payment are kept
# for six years from the activity; a claim never sent goes after a year.
RETENTION = (
    retention.Rule(
        "payments.claims",
        "claims for time and expenses, their payments and receipts",
        "the day of the activity",
        72,
        lambda cutoff: Claim.objects.filter(activity_date__lt=timezone.localdate(cutoff)),
        files=("expenses__receipt",),
        before_delete=lambda claims: Payment.objects.filter(claim__in=claims).delete(),
    ),
    retention.Rule(
        "payments.advances",
        "advances for expenses, with their receipts",
        "the day the advance was for",
        72,
        lambda cutoff: Advance.objects.filter(needed_on__lt=timezone.localdate(cutoff)),
        files=("receipt",),
    ),
    retention.Rule(
        "payments.unsent_claims",
        "claims started but never sent",
        "when they were started",
        12,
        lambda cutoff: Claim.objects.filter(status=Status.DRAFT, created_at__lt=cutoff),
        files=("expenses__receipt",),
    ),
)
