"""Claims stay true to the rules of their own day: a changed date brings the
expense rules of the new day, a back-dated rate reaches a claim when it is sent,
and two meetings on one day are two claims."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.payments import actions
from coproduce.payments.tests.factories import make_activity_type, make_claim, make_expense_type

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def days_ago(n):
    return TODAY - datetime.timedelta(days=n)


def change_date(claim, person, day):
    return actions.change_claim(
        claim=claim,
        by=person,
        activity_type=claim.activity_type,
        activity_date=day,
        minutes=claim.minutes,
        description=claim.description,
        payment_choice=claim.payment_choice,
    )


def test_a_new_date_brings_the_mileage_rate_and_limits_of_that_day(people):
    person = people["coproducer"]
    make_activity_type()
    car = make_expense_type(slug="mileage", pence_per_mile=40)
    actions.add_expense_rule(
        expense_type=car, starts_on=days_ago(5), pence_per_mile=45, by=people["lead"]
    )
    claim = make_claim(claimant=person, days_ago=2)
    item = actions.add_expense(
        claim=claim, expense_type=car, description="Drive", miles=Decimal(10)
    )
    assert item.amount_pence == 450
    change_date(claim, person, days_ago(8))
    item.refresh_from_db()
    assert item.amount_pence == 400 and item.rule.pence_per_mile == 40


def test_a_new_date_whose_rules_the_expense_breaks_is_refused_and_nothing_changes(people):
    person = people["coproducer"]
    make_activity_type()
    taxi = make_expense_type(slug="taxi", receipt_over_pence=5000)
    actions.add_expense_rule(
        expense_type=taxi,
        starts_on=days_ago(30),
        receipt_over_pence=5000,
        limit_pence=2000,
        by=people["lead"],
    )
    actions.add_expense_rule(
        expense_type=taxi, starts_on=days_ago(5), receipt_over_pence=5000, by=people["lead"]
    )
    claim = make_claim(claimant=person, days_ago=2)
    actions.add_expense(claim=claim, expense_type=taxi, description="Taxi home", amount_pence=3000)
    with pytest.raises(ValidationError, match="Taxi home"):
        change_date(claim, person, days_ago(10))
    claim.refresh_from_db()
    assert claim.activity_date == days_ago(2)


def test_a_back_dated_rate_reaches_a_draft_when_it_is_sent(people):
    person = people["coproducer"]
    meeting = make_activity_type(amount_pence=2000)
    claim = make_claim(claimant=person, days_ago=3, minutes=60, fee_wanted_pence=1900)
    assert claim.fee_pence == 2000
    actions.add_activity_rate(
        activity_type=meeting,
        unit="hour",
        amount_pence=1500,
        starts_on=days_ago(10),
        by=people["lead"],
    )
    actions.submit(claim=claim, by=person)
    claim.refresh_from_db()
    assert claim.fee_pence == 1500 and claim.fee_wanted_pence == 1500


def test_two_meetings_on_one_day_are_two_claims_but_one_meeting_is_one(people):
    person = people["coproducer"]
    make_activity_type()
    make_claim(claimant=person, days_ago=2, source="meeting:1")
    make_claim(claimant=person, days_ago=2, source="meeting:2")
    with pytest.raises(ValidationError, match="already a claim"):
        make_claim(claimant=person, days_ago=3, source="meeting:1")


def test_only_those_running_a_project_see_and_change_its_budget(client_as, people):
    from django.urls import reverse

    from coproduce.payments.models import BudgetLine
    from coproduce.projects.tests.factories import make_project

    theirs = make_project(lead=people["lead"], title="Someone else's project")
    url = reverse("payments:budget", args=[theirs.pk])
    row = {"section": "fees", "description": "Fees", "quantity": "2", "unit_cost": "25.00"}
    client = client_as("staff")
    assert client.get(url).status_code == 403
    assert client.post(url, row).status_code == 403
    assert not BudgetLine.objects.exists()
    assert client_as("finance").get(url).status_code == 200
