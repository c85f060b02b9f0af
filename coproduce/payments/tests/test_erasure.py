"""Erasing a person reaches their expenses: the words go, the receipts are
deleted, the amounts stay for the accounts."""

import pytest

from coproduce.payments import actions
from coproduce.payments.models import ExpenseItem
from coproduce.payments.tests.factories import make_claim, make_expense_type, receipt_file
from coproduce.privacy.actions import erase_person

pytestmark = pytest.mark.django_db


def test_erasure_blanks_expenses_and_deletes_receipts(people, django_capture_on_commit_callbacks):
    person = people["coproducer"]
    claim = make_claim(claimant=person)
    travel = make_expense_type(receipt_over_pence=0)
    actions.add_expense(
        claim=claim,
        expense_type=travel,
        description="Taxi from my home on Elm Road",
        amount_pence=1800,
        receipt=receipt_file(),
        receipt_type="image/png",
    )
    item = ExpenseItem.objects.get()
    storage, name = item.receipt.storage, item.receipt.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        erase_person(person=person, erased_by=people["administrator"])
    item.refresh_from_db()
    assert (item.description, item.receipt.name, item.receipt_name) == ("", "", "")
    assert item.amount_pence == 1800
    assert not storage.exists(name)
