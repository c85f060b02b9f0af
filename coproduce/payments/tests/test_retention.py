"""Claims are kept six years from the activity, as accounts must be, then go
with their payment and receipts; claims never sent go after a year."""

import datetime

import pytest
from django.utils import timezone

from coproduce.payments import actions
from coproduce.payments.models import Claim, ExpenseItem, Payment
from coproduce.payments.tests.factories import make_claim, make_expense_type, receipt_file
from coproduce.privacy import retention

pytestmark = pytest.mark.django_db


def paid_claim(people, days_ago=3):
    claim = make_claim(claimant=people["coproducer"], days_ago=days_ago)
    actions.add_expense(
        claim=claim,
        expense_type=make_expense_type(receipt_over_pence=0),
        description="Bus",
        amount_pence=500,
        receipt=receipt_file(),
        receipt_type="image/png",
    )
    actions.submit(claim=claim, by=people["coproducer"])
    actions.approve(claim=claim, by=people["lead"])
    batch = actions.create_batch(claims=[claim], by=people["finance"])
    actions.mark_batch_paid(batch=batch, by=people["finance"])
    return claim


def test_old_claims_go_with_their_payment_and_receipt(people, django_capture_on_commit_callbacks):
    old, recent = paid_claim(people), paid_claim(people, days_ago=10)
    Claim.objects.filter(pk=old.pk).update(
        activity_date=timezone.localdate() - datetime.timedelta(days=7 * 365)
    )
    receipt = ExpenseItem.objects.get(claim=old).receipt
    storage, name = receipt.storage, receipt.name
    with django_capture_on_commit_callbacks(execute=True):
        run = retention.apply()
    assert run.deleted["payments.claims"] == 1
    assert list(Claim.objects.all()) == [recent] and Payment.objects.get().claim == recent
    assert not storage.exists(name)


def test_claims_never_sent_go_after_a_year(people):
    draft = make_claim(claimant=people["coproducer"])
    kept = make_claim(claimant=people["coproducer"], days_ago=4)
    Claim.objects.filter(pk=draft.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert retention.apply().deleted["payments.unsent_claims"] == 1
    assert list(Claim.objects.all()) == [kept]
