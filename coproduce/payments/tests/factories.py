import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coproduce.payments import actions
from coproduce.payments.models import ActivityType, ExpenseType

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
LONG_AGO = datetime.date(2020, 1, 1)


def make_activity_type(
    *, slug="meeting", amount_pence=2500, unit="hour", by=None, starts_on=LONG_AGO
):
    activity_type, _ = ActivityType.objects.get_or_create(
        slug=slug, defaults={"name": slug.replace("-", " ").capitalize()}
    )
    actions.add_activity_rate(
        activity_type=activity_type,
        unit=unit,
        amount_pence=amount_pence,
        starts_on=starts_on,
        by=by,
    )
    return activity_type


def make_expense_type(*, slug="travel", receipt_over_pence=1000, pence_per_mile=None, by=None):
    expense_type, _ = ExpenseType.objects.get_or_create(
        slug=slug, defaults={"name": slug.replace("-", " ").capitalize()}
    )
    actions.add_expense_rule(
        expense_type=expense_type,
        starts_on=LONG_AGO,
        by=by,
        receipt_over_pence=receipt_over_pence,
        pence_per_mile=pence_per_mile,
    )
    return expense_type


def receipt_file(name="receipt.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def make_claim(
    *,
    claimant,
    entered_by=None,
    activity_type=None,
    days_ago=3,
    minutes=120,
    choice="bank",
    **fields,
):
    activity_type = activity_type or ActivityType.objects.first() or make_activity_type()
    return actions.create_claim(
        claimant=claimant,
        entered_by=entered_by or claimant,
        activity_type=activity_type,
        activity_date=timezone.localdate() - datetime.timedelta(days=days_ago),
        minutes=minutes,
        description="Transport group meeting",
        payment_choice=choice,
        **{"reason": "Asked by phone" if entered_by and entered_by != claimant else "", **fields},
    )
