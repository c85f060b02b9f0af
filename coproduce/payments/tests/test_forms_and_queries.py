"""No input gives a server error; list pages do not grow queries with data;
figures suppress small numbers; the board sees figures only."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coproduce.lib.figures import Period
from coproduce.payments import actions
from coproduce.payments.figures import median_days_to_pay, paid_within_14_days
from coproduce.payments.models import Claim, Status
from coproduce.payments.tests.factories import make_activity_type, make_claim, make_expense_type

pytestmark = pytest.mark.django_db

text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", "2020-01-01", "-3", "0", "12.505", "£1,000,000", "1e9", "x" * 3000,
                     "NaN", "Infinity", "bank", "donate", "1"]),
)  # fmt: skip
CLAIM_FIELDS = ["activity_type", "activity_date", "hours", "minutes", "project", "description",
                "skills", "payment_choice", "charity", "fee_wanted", "source"]  # fmt: skip
EXPENSE_FIELDS = ["expense_type", "description", "amount", "miles"]
BANK_FIELDS = ["account_name", "sort_code", "account_number"]
RATE_FIELDS = ["type-name", "type-slug", "rate-unit", "rate-amount", "rate-unit_minutes",
               "rate-starts_on"]  # fmt: skip
QUICK = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_claim_expense_bank_and_rate_forms_never_fail(people):
    make_activity_type()
    make_expense_type()
    claim = make_claim(claimant=people["coproducer"])
    coproducer, lead = _client(people["coproducer"]), _client(people["lead"])
    pages = [
        (coproducer, reverse("payments:claim_new"), CLAIM_FIELDS),
        (coproducer, reverse("payments:claim_edit", args=[claim.pk]), CLAIM_FIELDS),
        (coproducer, reverse("payments:expense_new", args=[claim.pk]), EXPENSE_FIELDS),
        (coproducer, reverse("payments:bank_details"), BANK_FIELDS),
        (lead, reverse("payments:activity_type_new"), RATE_FIELDS),
    ]
    for client, url, fields in pages:
        _post_anything(client, url, fields)()


def _post_anything(client, url, fields):
    @given(st.fixed_dictionaries({field: text for field in fields}))
    @QUICK
    def post_anything(data):
        assert client.post(url, data).status_code in (200, 302)

    return post_anything


@given(
    st.dictionaries(
        st.sampled_from(
            ["activity_date", "minutes", "project", "description", "activity_type", "source"]
        ),
        text,
    )
)
@QUICK
@example(data={"activity_type": "\x00"})  # PostgreSQL refused the lookup: a 500
@example(data={"activity_type": "co-leading"})
def test_any_prefill_gives_a_page(people, data):
    client = _client(people["coproducer"])
    assert client.get(reverse("payments:claim_new"), data).status_code == 200


def test_amounts_are_refused_when_negative_or_absurd(client_as, people):
    make_activity_type()
    client = client_as("coproducer")
    day = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    base = {
        "activity_type": Claim._meta.get_field("activity_type").related_model.objects.get().pk,
        "activity_date": day,
        "hours": "1",
        "minutes": "0",
        "description": "Meeting",
        "payment_choice": "bank",
    }
    response = client.post(reverse("payments:claim_new"), {**base, "fee_wanted": "-5"})
    assert b"cannot be less than nothing" in response.content
    response = client.post(reverse("payments:claim_new"), {**base, "fee_wanted": "900"})
    assert b"cannot be more than the full fee" in response.content
    response = client.post(reverse("payments:claim_new"), {**base, "hours": "40"})
    assert response.status_code == 200 and not Claim.objects.exists()


def _paid_claims(people, count, late=0):
    make_activity_type()
    now = timezone.now()
    for n in range(count):
        claim = make_claim(claimant=people["coproducer"], days_ago=n + 20, minutes=60 + n)
        actions.submit(claim=claim, by=people["coproducer"])
        actions.approve(claim=claim, by=people["lead"])
        batch = actions.create_batch(claims=[claim], by=people["finance"])
        actions.mark_batch_paid(batch=batch, by=people["finance"])
        days = 20 if n < late else 7
        Claim.objects.filter(pk=claim.pk).update(
            submitted_at=now - datetime.timedelta(days=days), days_to_pay=days
        )


def test_list_queries_do_not_grow_with_claims(client_as, people, django_assert_max_num_queries):
    _paid_claims(people, 3)
    client = client_as("lead")
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("payments:claim_list"))
    _paid_claims(people, 0)
    for n in range(8):
        make_claim(claimant=people["coproducer_staff"], days_ago=n + 40)
    with django_assert_max_num_queries(len(few)):
        client.get(reverse("payments:claim_list"))


def test_figures_give_the_share_and_median_and_suppress_small_numbers(people):
    period = Period(timezone.localdate() - datetime.timedelta(days=30), timezone.localdate())
    _paid_claims(people, 12, late=5)
    share = paid_within_14_days(period, None)
    assert share.value == 58  # 7 of 12
    assert "7 of 12 claims (58%)" in share.summary
    assert [row.value for row in share.rows] == [7, 5]
    median = median_days_to_pay(period, None)
    assert median.value == 7
    assert share.url_permission == "payments.view_claims"
    Claim.objects.filter(status=Status.PAID).exclude(
        pk__in=Claim.objects.order_by("pk").values("pk")[:3]
    ).update(paid_at=timezone.now() - datetime.timedelta(days=400))
    few = paid_within_14_days(period, None)
    assert few.value is None and "Too few" in few.summary
    assert median_days_to_pay(period, None).value is None


def test_board_sees_no_claims_or_bank_details(client_as, people):
    make_activity_type()
    claim = make_claim(claimant=people["coproducer"])
    board = client_as("board")
    for name, args in (
        ("payments:claim_list", []),
        ("payments:claim_detail", [claim.pk]),
        ("payments:finance_queue", []),
    ):
        assert board.get(reverse(name, args=args)).status_code == 403


def test_budget_compares_the_estimate_with_what_was_claimed(client_as, people):
    from coproduce.projects.actions import add_team_member
    from coproduce.projects.tests.factories import make_project

    project = make_project(lead=people["lead"], title="Buses")
    add_team_member(project=project, person=people["staff"], kind="staff", role="Organiser")
    make_activity_type(amount_pence=2000)
    travel = make_expense_type(receipt_over_pence=5000)
    claim = make_claim(claimant=people["coproducer"], minutes=120, project=project)
    actions.add_expense(claim=claim, expense_type=travel, description="Bus", amount_pence=450)
    actions.submit(claim=claim, by=people["coproducer"])
    actions.approve(claim=claim, by=people["lead"])
    make_claim(claimant=people["coproducer_staff"], project=project)  # a draft: not counted
    client = client_as("staff")
    response = client.post(
        reverse("payments:budget", args=[project.pk]),
        {
            "section": "fees",
            "description": "8 people × 6 meetings",
            "quantity": "48",
            "unit_cost": "50.00",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("payments:budget", args=[project.pk])).content.decode()
    assert "£2,400.00" in page  # 48 × £50 estimated
    assert "£40.00" in page and "£4.50" in page  # fee and travel claimed
    assert "£2,360.00" in page  # fees left
    assert client_as("board").get(reverse("payments:budget", args=[project.pk])).status_code == 403


@pytest.mark.parametrize(
    "days, median",
    [
        ([3], "3.0"),
        ([1, 4], "2.5"),
        ([2, 2, 9], "2.0"),
        ([0, 1, 20, 30], "10.5"),
        ([5] * 7 + [40], "5.0"),
    ],
)
def test_the_median_from_counts_per_day_is_the_median_of_the_days(days, median):
    from collections import Counter

    from coproduce.payments.figures import _median

    histogram = sorted(Counter(days).items())
    assert _median(histogram, len(days)) == Decimal(median)


def test_paying_a_claim_keeps_its_days_from_sent_to_paid(people):
    claim = make_claim(claimant=people["coproducer"], days_ago=10)
    actions.submit(claim=claim, by=people["coproducer"])
    Claim.objects.filter(pk=claim.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=9)
    )
    claim.refresh_from_db()
    actions.approve(claim=claim, by=people["lead"])
    actions.mark_batch_paid(
        batch=actions.create_batch(claims=[claim], by=people["finance"]), by=people["finance"]
    )
    claim.refresh_from_db()
    assert claim.days_to_pay == 9
