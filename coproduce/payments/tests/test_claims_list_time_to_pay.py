"""The claims list's time to pay over the last 12 months is kept for a while (it counts
every claim paid in a year), says when it was worked out, and is worked out again when
a batch is paid. Dates the person chooses are always counted afresh."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.payments import actions
from coproduce.payments.models import Claim
from coproduce.payments.tests.factories import make_activity_type, make_claim

pytestmark = pytest.mark.django_db


def pay(people, days_ago):
    claim = make_claim(claimant=people["coproducer"], days_ago=days_ago)
    actions.submit(claim=claim, by=people["coproducer"])
    actions.approve(claim=claim, by=people["lead"])
    batch = actions.create_batch(claims=[claim], by=people["finance"])
    actions.mark_batch_paid(batch=batch, by=people["finance"])
    return claim


def test_the_figure_is_kept_until_a_batch_is_paid(
    client_as, people, django_capture_on_commit_callbacks
):
    make_activity_type()
    with django_capture_on_commit_callbacks(execute=True):
        pay(people, 20)
    page = client_as("lead").get(reverse("payments:claim_list")).content.decode()
    assert "Of the 1 claim paid" in page and "Worked out at" in page
    # A change that is not a payment (here made directly) waits for the figure to expire.
    Claim.objects.update(paid_at=timezone.now() - datetime.timedelta(days=500))
    page = client_as("lead").get(reverse("payments:claim_list")).content.decode()
    assert "Of the 1 claim paid" in page
    with django_capture_on_commit_callbacks(execute=True):
        pay(people, 30)
    page = client_as("lead").get(reverse("payments:claim_list")).content.decode()
    assert "Of the 1 claim paid" in page  # the earlier claim now counts as paid 500 days ago
    assert Claim.objects.filter(days_to_pay__isnull=False).count() == 2


def test_chosen_dates_are_counted_afresh(client_as, people):
    make_activity_type()
    pay(people, 20)
    client = client_as("lead")
    assert "Of the 1 claim paid" in client.get(reverse("payments:claim_list")).content.decode()
    Claim.objects.update(paid_at=timezone.now() - datetime.timedelta(days=500))
    today = timezone.localdate()
    chosen = client.get(
        reverse("payments:claim_list"),
        {"paid_from": (today - datetime.timedelta(days=600)).isoformat(), "paid_to": today},
    ).content.decode()
    assert "Of the 1 claim paid" in chosen and "Worked out at" not in chosen
    recent = client.get(
        reverse("payments:claim_list"),
        {"paid_from": (today - datetime.timedelta(days=30)).isoformat(), "paid_to": today},
    ).content.decode()
    assert "No claims were paid" in recent


def test_finance_without_the_claims_list_cannot_see_it(client_as, people):
    assert client_as("board").get(reverse("payments:claim_list")).status_code == 403
