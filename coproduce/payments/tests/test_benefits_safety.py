"""Payments safe for people on benefits (issue 18 part 3, decision 0042): the limits
are data with their source; a person who asked is warned before a claim takes them
over, and chooses; finance and the lead see it, logged; nobody else does; a yearly
statement by tax year, for its person and finance only."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from coproduce.lib.figures import Period
from coproduce.payments import actions, figures, limits, statements
from coproduce.payments.forms import LimitForm
from coproduce.payments.models import Claim, LimitChoice, Payment, Status
from coproduce.payments.tests.factories import (
    make_activity_type,
    make_claim,
    make_expense_type,
)
from coproduce.privacy.models import ReadLog

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2020, 1, 1)


@pytest.fixture
def kinds():
    """Three hourly activities at £25 an hour, so one person can claim three on a day."""
    return [make_activity_type(slug=slug, amount_pence=2500) for slug in ("a", "b", "c")]


def weekly_limit(people, pounds=120):
    return actions.set_payment_limit(
        period="week",
        amount_pence=pounds * 100,
        source="Permitted work, lower earnings limit (made up for the test)",
        starts_on=LONG_AGO,
        by=people["finance"],
    )


def sent(person, kind, minutes=120, **fields):
    """A claim sent for yesterday: £50 for two hours."""
    claim = make_claim(claimant=person, activity_type=kind, days_ago=1, minutes=minutes, **fields)
    actions.submit(claim=claim, by=person)
    return claim


def near_the_limit(people, kinds):
    """£100 of fees sent this week against a £120 limit, and a £50 draft that goes over."""
    person = people["coproducer"]
    weekly_limit(people)
    actions.set_payment_protection(person=person, warn=True)
    sent(person, kinds[0])
    sent(person, kinds[1])
    return make_claim(claimant=person, activity_type=kinds[2], days_ago=1, minutes=120)


def test_tax_years_run_from_6_april_to_5_april():
    assert limits.tax_year_start(datetime.date(2026, 4, 5)) == datetime.date(2025, 4, 6)
    assert limits.tax_year_start(datetime.date(2026, 4, 6)) == datetime.date(2026, 4, 6)
    assert limits.period_of("year", datetime.date(2027, 1, 9)) == (
        datetime.date(2026, 4, 6),
        datetime.date(2027, 4, 5),
    )
    monday, sunday = limits.period_of("week", datetime.date(2026, 12, 2))  # a Wednesday
    assert (monday.weekday(), sunday.weekday(), (sunday - monday).days) == (0, 6, 6)


def test_a_limit_is_data_with_its_source_and_bad_amounts_are_refused(people):
    with pytest.raises(ValidationError, match="Say where the amount comes from"):
        actions.set_payment_limit(
            period="year", amount_pence=500000, source=" ", starts_on=LONG_AGO, by=people["lead"]
        )
    with pytest.raises(ValidationError, match="Enter an amount between"):
        actions.set_payment_limit(
            period="year", amount_pence=10**12, source="A rule", starts_on=LONG_AGO, by=None
        )
    form = LimitForm(
        data={"period": "week", "amount": "-5", "source": "x", "starts_on": "2026-04-06"}
    )
    assert form.errors["amount"] == ["The amount cannot be less than nothing."]
    form = LimitForm(data={"period": "week", "amount": "1000000", "starts_on": "2026-04-06"})
    assert "The amount must be £100,000 or less." in form.errors["amount"]
    form = LimitForm(data={"period": "week", "amount": "20.50", "starts_on": "2026-04-06"})
    assert "Say where the amount comes from" in form.errors["source"][0]
    # A newer row follows an older one; an empty amount ends the limit.
    weekly_limit(people)
    today = timezone.localdate()
    actions.set_payment_limit(
        period="week", amount_pence=None, source="", starts_on=today, by=people["lead"]
    )
    assert limits.limits_in_force(today - datetime.timedelta(days=1))[0].amount_pence == 12000
    assert limits.limits_in_force(today) == []


def test_only_a_person_who_asked_is_warned_and_only_fees_count(people, kinds):
    draft = near_the_limit(people, kinds)
    [check] = limits.warning_for(draft)
    assert (check.before_pence, check.with_claim_pence, check.room_pence) == (10000, 15000, 2000)
    # Expenses paid back do not count; a fee given to charity does not either.
    travel = make_expense_type(receipt_over_pence=100000)
    actions.add_expense(claim=draft, expense_type=travel, description="Bus", amount_pence=5000)
    assert limits.warning_for(draft)[0].with_claim_pence == 15000
    actions.set_payment_protection(person=people["coproducer"], warn=False)
    assert limits.warning_for(draft) == []


def test_the_person_chooses_and_the_claim_changes_to_match(people, kinds):
    draft = near_the_limit(people, kinds)
    person = people["coproducer"]
    with pytest.raises(PermissionDenied):
        actions.choose_at_limit(claim=draft, by=people["lead"], choice=LimitChoice.LESS)
    with pytest.raises(ValidationError, match="up to £20.00"):
        actions.choose_at_limit(claim=draft, by=person, choice="less", fee_wanted_pence=2500)
    claim = actions.choose_at_limit(claim=draft, by=person, choice=LimitChoice.LESS)
    assert (claim.fee_wanted_pence, claim.fee_payable_pence) == (2000, 2000)
    assert limits.warning_for(claim) == []
    with pytest.raises(ValidationError, match="name of the charity"):
        actions.choose_at_limit(claim=claim, by=person, choice=LimitChoice.DONATE)
    claim = actions.choose_at_limit(
        claim=claim, by=person, choice=LimitChoice.DONATE, charity="Advocacy group"
    )
    assert (claim.payment_choice, claim.charity) == (Claim.Choice.DONATE, "Advocacy group")
    actions.choose_at_limit(claim=claim, by=person, choice=LimitChoice.VOUCHER)
    claim.refresh_from_db()
    claim.fee_wanted_pence = None
    claim.save()
    # Waiting moves the fee to the next week, where it fits.
    claim = actions.choose_at_limit(claim=claim, by=person, choice=LimitChoice.DEFER)
    _, sunday = limits.period_of("week", claim.activity_date)
    assert claim.pay_after == sunday + datetime.timedelta(days=1)
    assert limits.warning_for(claim) == []
    assert claim.events.last().note.startswith("At the limit, chose:")


def test_sending_over_the_limit_is_kept_and_a_wait_keeps_it_out_of_batches(people, kinds):
    draft = near_the_limit(people, kinds)
    actions.submit(claim=draft, by=people["coproducer"])
    draft.refresh_from_db()
    assert draft.limit_warned
    waiting = make_claim(claimant=people["coproducer"], activity_type=kinds[0], days_ago=2)
    for claim in (draft, waiting):
        claim.refresh_from_db()
    Claim.objects.filter(pk=waiting.pk).update(
        pay_after=timezone.localdate() + datetime.timedelta(days=3)
    )
    actions.submit(claim=waiting, by=people["coproducer"])
    for claim in (draft, waiting):
        actions.approve(claim=claim, by=people["lead"])
    batch = actions.create_batch(claims=[draft, waiting], by=people["finance"])
    assert list(batch.claims.values_list("pk", flat=True)) == [draft.pk]
    with pytest.raises(ValidationError):
        actions.create_batch_up_to(day=timezone.localdate(), by=people["finance"])


def test_the_warning_is_shown_to_the_person_before_sending(people, kinds, client_as):
    draft = near_the_limit(people, kinds)
    page = client_as("coproducer").get(draft.get_absolute_url()).content.decode()
    assert "This claim takes your fees over a limit" in page
    assert "Permitted work, lower earnings limit" in page
    assert reverse("payments:claim_limit", args=[draft.pk]) in page
    # Without the wish, nothing is said.
    actions.set_payment_protection(person=people["coproducer"], warn=False)
    page = client_as("coproducer").get(draft.get_absolute_url()).content.decode()
    assert "over a limit" not in page


def test_finance_and_the_lead_see_it_logged_and_nobody_else_does(people, kinds, client_as):
    draft = near_the_limit(people, kinds)
    actions.submit(claim=draft, by=people["coproducer"])
    for role in ("lead", "finance"):
        page = client_as(role).get(draft.get_absolute_url()).content.decode()
        assert "over a limit they asked us to watch" in page, role
        assert ReadLog.objects.filter(
            viewer=people[role], subject=people["coproducer"], what="payment_limits"
        ).exists()
    page = client_as("administrator").get(draft.get_absolute_url()).content.decode()
    assert "limit" not in page
    listed = client_as("administrator").get(reverse("payments:claim_list")).content.decode()
    assert "Over a limit they set" not in listed
    listed = client_as("lead").get(reverse("payments:claim_list")).content.decode()
    assert "Over a limit they set" in listed
    assert not ReadLog.objects.filter(viewer=people["administrator"]).exists()


def test_the_choice_page_records_the_choice(people, kinds, client_as):
    draft = near_the_limit(people, kinds)
    client = client_as("coproducer")
    url = reverse("payments:claim_limit", args=[draft.pk])
    response = client.post(url, {"choice": "less", "fee_wanted": "-3"})
    assert "The amount cannot be less than nothing." in response.content.decode()
    response = client.post(url, {"choice": "less", "fee_wanted": ""})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.limit_choice, draft.fee_wanted_pence) == ("less", 2000)


def test_people_set_their_own_wish_privately(people, client_as):
    client = client_as("coproducer")
    assert client.post(reverse("payments:protection"), {"warn": "yes"}).status_code == 302
    assert limits.wants_warnings(people["coproducer"])
    client.post(reverse("payments:protection"), {"warn": "no"})
    assert not limits.wants_warnings(people["coproducer"])


def _paid(person, kind, lead, finance, day):
    claim = make_claim(claimant=person, activity_type=kind, days_ago=5)
    actions.submit(claim=claim, by=person)
    actions.approve(claim=claim, by=lead)
    actions.mark_batch_paid(batch=actions.create_batch(claims=[claim], by=finance), by=finance)
    paid_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    Payment.objects.filter(claim=claim).update(paid_at=paid_at)
    Claim.objects.filter(pk=claim.pk).update(paid_at=paid_at)
    return claim


def test_the_statement_holds_the_tax_year_paid_in(people, kinds):
    person, lead, finance = people["coproducer"], people["lead"], people["finance"]
    travel = make_expense_type(receipt_over_pence=100000)
    last_day = _paid(person, kinds[0], lead, finance, datetime.date(2025, 4, 5))
    first_day = make_claim(claimant=person, activity_type=kinds[1], days_ago=5)
    actions.add_expense(
        claim=first_day, expense_type=travel, description="Train", amount_pence=1234
    )
    actions.submit(claim=first_day, by=person)
    actions.approve(claim=first_day, by=lead)
    actions.mark_batch_paid(batch=actions.create_batch(claims=[first_day], by=finance), by=finance)
    when = timezone.make_aware(datetime.datetime(2025, 4, 6, 9))
    Payment.objects.filter(claim=first_day).update(paid_at=when)
    statement = statements.statement_for(person, 2025)
    assert [line.claim.pk for line in statement.lines] == [first_day.pk]
    assert (statement.fees_pence, statement.expenses_pence, statement.total_pence) == (
        5000,
        1234,
        6234,
    )
    assert [line.claim.pk for line in statements.statement_for(person, 2024).lines] == [last_day.pk]
    rows = list(csv.reader(io.StringIO(statements.as_csv(statement))))
    assert rows[3][4:] == ["50.00", "12.34", "0.00", "62.34"]
    assert rows[-1] == ["Total paid to you (£)", "62.34"]
    assert {2024, 2025} <= set(statements.years_for(person))


def test_a_statement_is_for_its_person_and_finance_and_others_reading_it_is_logged(
    people, kinds, client_as
):
    person = people["coproducer"]
    _paid(person, kinds[0], people["lead"], people["finance"], datetime.date(2025, 6, 1))
    url = reverse("payments:statement_csv", args=[person.pk, 2025])
    own = client_as("coproducer").get(url)
    assert own.status_code == 200 and "50.00" in own.content.decode()
    assert not ReadLog.objects.filter(subject=person).exists()
    pdf = client_as("finance").get(reverse("payments:statement_pdf", args=[person.pk, 2025]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert ReadLog.objects.filter(
        viewer=people["finance"], subject=person, what="payment_statement"
    ).exists()
    for role in ("lead", "administrator", "staff", "coproducer_staff"):
        assert client_as(role).get(url).status_code == 403, role
    assert (
        client_as("coproducer")
        .get(reverse("payments:statement_csv", args=[person.pk, 1990]))
        .status_code
        == 404
    )


def test_people_warned_is_a_suppressed_count(people, kinds):
    period = Period(timezone.localdate() - datetime.timedelta(days=30), timezone.localdate())
    draft = near_the_limit(people, kinds)
    actions.submit(claim=draft, by=people["coproducer"])
    figure = figures.people_warned_about_limits(period, None)
    assert figure.value is None and "Too few" in figure.summary
    Claim.objects.filter(status=Status.SUBMITTED).update(limit_warned=True)
    from coproduce.accounts.tests.factories import UserFactory

    for number in range(4):
        other = UserFactory(email=f"warned{number}@example.org", roles=["coproducer"])
        claim = sent(other, kinds[0])
        Claim.objects.filter(pk=claim.pk).update(limit_warned=True)
    assert figures.people_warned_about_limits(period, None).value == 5


def test_a_claim_sent_again_within_the_limit_is_no_longer_flagged_but_still_counted(people, kinds):
    draft = near_the_limit(people, kinds)
    actions.submit(claim=draft, by=people["coproducer"])
    draft.refresh_from_db()
    assert draft.limit_warned
    actions.return_claim(claim=draft, by=people["lead"], reason="Please check the limit")
    draft.refresh_from_db()
    actions.choose_at_limit(claim=draft, by=people["coproducer"], choice=LimitChoice.LESS)
    draft.refresh_from_db()
    actions.submit(claim=draft, by=people["coproducer"])
    draft.refresh_from_db()
    assert not draft.limit_warned and draft.limit_choice == "less"
    today = timezone.localdate()
    counted = Claim.objects.filter(pk=draft.pk, submitted_at__isnull=False).exists()
    assert counted
    figure = figures.people_warned_about_limits(Period(today, today), None)
    assert "Too few" in figure.summary  # one person: counted, and suppressed
