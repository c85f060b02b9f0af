"""Plan, committed and actual for a financial year (decision 0041), the budget line's
checks, the costing tool and its becoming a project's budget, the export, the figure,
and the page's queries staying the same as the data grows."""

import csv
import io
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from coproduce.accounts.tests.factories import UserFactory
from coproduce.budgets import actions, figures, planning
from coproduce.budgets.models import PlannedActivity, PlannedLine
from coproduce.budgets.tests.factories import support_service
from coproduce.lib.figures import Period
from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.tests.factories import make_meeting
from coproduce.payments import actions as payment_actions
from coproduce.payments.models import BudgetLine
from coproduce.payments.tests.factories import make_activity_type, make_claim
from coproduce.projects.tests.factories import make_project
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def this_year():
    return planning.FinancialYear.containing(timezone.localdate())


def meeting_on(day, *, organiser, people, minutes=120, project=None):
    starts = timezone.make_aware(datetime.combine(day, time(10)))
    meeting = make_meeting(
        organiser=organiser, starts_at=starts, duration_minutes=minutes, project=project
    )
    meeting_actions.invite(meeting=meeting, people=people, invited_by=organiser)
    return meeting


def test_the_financial_year_starts_in_april_unless_set_otherwise():
    year = planning.FinancialYear.containing(date(2027, 3, 31))
    assert (year.start, year.end) == (date(2026, 4, 1), date(2027, 3, 31))
    assert planning.FinancialYear.containing(date(2026, 4, 1)).start == date(2026, 4, 1)
    assert len(list(year.months())) == 12
    with override_settings(COPRODUCE_FINANCIAL_YEAR_STARTS=1):
        calendar = planning.FinancialYear.containing(date(2027, 3, 31))
        assert (calendar.start, calendar.end) == (date(2027, 1, 1), date(2027, 12, 31))


def test_plan_committed_and_actual_come_from_meetings_activities_lines_and_claims(people):
    lead, coproducer = people["lead"], people["coproducer"]
    year = planning.FinancialYear.starting_in(2025)
    # £25 an hour until 16 December 2025, then £27.50: each meeting at its own day's rate.
    meeting = make_activity_type(slug="meeting", amount_pence=2500, starts_on=date(2020, 1, 1))
    payment_actions.add_activity_rate(
        activity_type=meeting, unit="hour", amount_pence=2750, starts_on=date(2025, 12, 16),
        by=lead,
    )  # fmt: skip
    others = [UserFactory(roles=["coproducer"]) for _ in range(2)]
    project = make_project(lead=lead, title="Transport")
    meeting_on(date(2025, 6, 10), organiser=lead, people=[coproducer, *others], project=project)
    late = meeting_on(date(2026, 1, 12), organiser=lead, people=[coproducer, people["staff"]])
    # Saying no takes a place out of the plan; staff are not paid for their time.
    late.invitations.filter(person=coproducer).update(reply="no")  # replied before it began
    actions.add_planned_activity(
        on=date(2025, 7, 1), project=None, activity_type=meeting, description="Reading",
        people=4, minutes=90, by=lead,
    )  # fmt: skip
    actions.add_planned_line(
        month=date(2025, 9, 18), project=project, activity_type=None,
        description="Interpreters", amount=Decimal("400.10"), by=lead,
    )  # fmt: skip
    summary = planning.summary(year)
    # 3 × 2h × £25 + 0 × 2h × £27.50 + 4 × 1.5h × £25 + £400.10
    assert summary.total.plan == Decimal("150.00") + Decimal("150.00") + Decimal("400.10")
    assert summary.by_month[date(2025, 9, 1)].plan == Decimal("400.10")
    assert summary.by_project[project.pk].plan == Decimal("550.10")
    assert summary.by_type[""].plan == Decimal("400.10")

    # Claims (dated by the factory, days ago) count in this year, by their state.
    current = this_year()
    sent = make_claim(claimant=coproducer, activity_type=meeting, days_ago=0, minutes=60,
                      source="test:sent")  # fmt: skip
    payment_actions.submit(claim=sent, by=coproducer)
    paid = make_claim(claimant=coproducer, activity_type=meeting, days_ago=0, minutes=120,
                      source="test:paid")  # fmt: skip
    payment_actions.submit(claim=paid, by=coproducer)
    payment_actions.approve(claim=paid, by=lead)
    make_claim(claimant=coproducer, activity_type=meeting, days_ago=0, source="test:draft")
    sent.refresh_from_db()
    paid.refresh_from_db()
    found = planning.summary(current)
    assert found.total.committed == Decimal(sent.total_pence) / 100
    assert found.total.actual == Decimal(paid.total_pence) / 100
    assert found.total.variance == found.total.plan - found.total.committed - found.total.actual


def test_two_projects_with_one_title_are_two_rows(people):
    lead = people["lead"]
    year = planning.FinancialYear.starting_in(2025)
    first, second = (make_project(lead=lead, title="Transport") for _ in range(2))
    for project, amount in ((first, "100.00"), (second, "250.00")):
        actions.add_planned_line(
            month=date(2025, 9, 1), project=project, activity_type=None,
            description="Interpreters", amount=Decimal(amount), by=lead,
        )  # fmt: skip
    rows = planning.summary(year).rows("project")
    assert [(label, amounts.plan) for label, amounts in rows] == [
        ("Transport", Decimal("100.00")),
        ("Transport", Decimal("250.00")),
    ]


@pytest.mark.parametrize(
    ("amount", "says"),
    [
        (Decimal("-5.00"), "cannot be negative"),
        (Decimal("0"), "more than £0.00"),
        (Decimal("1000000.01"), "more than one line may be"),
        (Decimal("10.005"), "two numbers"),
    ],
)
def test_a_negative_or_absurd_budget_line_gets_a_clear_error(people, amount, says):
    with pytest.raises(ValidationError, match=says):
        actions.add_planned_line(
            month=date(2026, 5, 1), project=None, activity_type=None, description="Typo",
            amount=amount, by=people["lead"],
        )  # fmt: skip
    assert not PlannedLine.objects.exists()


def test_the_page_shows_the_error_for_a_negative_line(people):
    response = signed_in(people["finance"]).post(
        reverse("budgets:line_new"),
        {"month": "2026-05-01", "description": "Typo", "amount": "-50"},
    )
    assert response.status_code == 200
    assert "A budget cannot be negative." in response.content.decode()
    assert not PlannedLine.objects.exists()


def test_an_estimate_is_itemised_at_todays_rates_and_becomes_a_projects_budget(people):
    staff = people["staff"]
    make_activity_type(slug="meeting", amount_pence=2500)
    interpreter = support_service("bsl-interpreter")
    actions.add_support_rate(
        service=interpreter, starts_on=date(2020, 1, 1), amount=Decimal("70.00"), note="",
        by=people["finance"],
    )  # fmt: skip
    project = make_project(lead=staff, title="Bus stops")
    client = signed_in(staff)
    response = client.post(reverse("budgets:estimate_new"), {"title": "Bid", "project": project.pk})
    estimate_url = response["Location"]
    estimate = project.estimates.get()
    add = lambda kind, data: client.post(  # noqa: E731
        reverse("budgets:estimate_line_add", args=[estimate.pk, kind]), data
    )
    from coproduce.payments.models import ActivityType

    meeting = ActivityType.objects.get(slug="meeting")
    assert (
        add(
            "activity",
            {
                "activity-activity_type": meeting.pk,
                "activity-people": "8",
                "activity-sessions": "6",
                "activity-hours": "2",
            },
        ).status_code
        == 302
    )
    assert add("support", {"support-service": interpreter.pk, "support-units": "12"}
               ).status_code == 302  # fmt: skip
    page = client.get(estimate_url).content.decode()
    # 48 × £50.00 + 12 × £70.00
    assert "£2,400.00" in page and "£840.00" in page and "£3,240.00" in page
    # Access support without a price is refused in words, not costed at nothing.
    captioner = support_service("live-captioner")
    refused = add("support", {"support-service": captioner.pk, "support-units": "3"})
    assert refused.status_code == 400
    assert "has no price on that date yet" in refused.content.decode()

    response = client.post(reverse("budgets:estimate_adopt", args=[estimate.pk]),
                           {"project": project.pk})  # fmt: skip
    assert response.status_code == 302
    rows = {(row.section, row.total_pence) for row in BudgetLine.objects.filter(project=project)}
    assert rows == {("fees", 240000), ("access", 84000)}
    estimate.refresh_from_db()
    assert estimate.adopted_at is not None
    # Kept as it was: no more costs, and it cannot become a budget twice.
    assert add("support", {"support-service": interpreter.pk, "support-units": "1"}
               ).status_code == 403  # fmt: skip
    with pytest.raises(ValidationError):
        actions.adopt_estimate(estimate=estimate, project=project, by=people["lead"])


def test_a_staff_member_costs_only_projects_they_run(people):
    client = signed_in(people["staff"])
    # Running no project, they may not cost anything.
    assert client.get(reverse("budgets:estimate_new")).status_code == 403
    make_project(lead=people["staff"], title="Theirs")
    other = make_project(lead=people["lead"], title="Not theirs")
    response = client.post(
        reverse("budgets:estimate_new"), {"title": "Sneaky", "project": other.pk}
    )
    assert response.status_code == 200
    assert not other.estimates.exists()


def test_the_year_exports_as_csv_and_xlsx(people):
    actions.add_planned_line(
        month=timezone.localdate(), project=None, activity_type=None,
        description="=HYPERLINK(\"x\")", amount=Decimal("123.45"), by=people["lead"],
    )  # fmt: skip
    client = signed_in(people["finance"])
    content = client.get(reverse("budgets:year_csv")).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert ["Total", "123.45", "0.00", "0.00", "123.45"] in rows
    book = load_workbook(io.BytesIO(client.get(reverse("budgets:year_xlsx")).content))
    assert [sheet.title for sheet in book.worksheets] == ["By month", "By project", "By activity"]
    totals = [row for row in book["By project"].iter_rows(values_only=True) if row[0] == "Total"]
    assert Decimal(str(totals[0][1])) == Decimal("123.45")


def test_the_structure_figure_says_what_was_spent_against_the_plan(people):
    lead, coproducer = people["lead"], people["coproducer"]
    meeting = make_activity_type(slug="meeting", amount_pence=3000)
    today = timezone.localdate()
    actions.add_planned_line(
        month=today, project=None, activity_type=meeting, description="Meetings",
        amount=Decimal("120.00"), by=lead,
    )  # fmt: skip
    claim = make_claim(claimant=coproducer, activity_type=meeting, days_ago=0, minutes=60)
    payment_actions.submit(claim=claim, by=coproducer)
    payment_actions.approve(claim=claim, by=lead)
    start = date(today.year, today.month, 1)
    figure = figures.spent_against_plan(Period(start, today), None)
    assert figure.value == 25  # £30 of £120
    assert "£30.00 of the £120.00 planned (25%) was spent" in figure.summary


def test_the_budget_page_costs_the_same_queries_as_the_data_grows(people):
    lead, finance, coproducer = people["lead"], people["finance"], people["coproducer"]
    meeting = make_activity_type(slug="meeting", amount_pence=2500)
    today = timezone.localdate()

    def add(n):
        for index in range(n):
            project = make_project(lead=lead, title=f"Project {index} {n}")
            actions.add_planned_line(
                month=today, project=project, activity_type=meeting, description="Line",
                amount=Decimal("10.00"), by=finance,
            )  # fmt: skip
            PlannedActivity.objects.create(
                on=today, project=project, activity_type=meeting, description="Reading",
                people=2, minutes=60,
            )  # fmt: skip
            meeting_on(today + timedelta(days=index % 5), organiser=lead, people=[coproducer],
                       project=project)  # fmt: skip
            claim = make_claim(claimant=coproducer, activity_type=meeting, days_ago=0,
                               project=project, source=f"test:{n}:{index}")  # fmt: skip
            payment_actions.submit(claim=claim, by=coproducer)

    add(1)
    pages = {
        "finance: budget": (signed_in(finance), reverse("budgets:year")),
        "lead: budget": (signed_in(lead), reverse("budgets:year")),
    }
    # Counted at their dearest: the visit that works the year out and keeps it (decision
    # 0046). The visits after it make 5 (`make bench`).
    assert_queries_do_not_grow(pages, lambda: add(12), most=22)
