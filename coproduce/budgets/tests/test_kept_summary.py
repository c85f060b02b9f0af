"""The budget page reads its year's plan, committed and actual from one kept row
(decision 0046): worked out on the first visit, shown with its "as of" time, refreshed
by the job or, when stale, by one queued task; a change to the plan is counted at once;
the projects are shown a page at a time while the downloads keep every one."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.budgets import actions, kept, planning
from coproduce.budgets.models import KeptSummary
from coproduce.payments import actions as payment_actions
from coproduce.payments.tests.factories import make_activity_type, make_claim
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db


def budget_page(person, **query):
    client = Client()
    client.force_login(person)
    response = client.get(reverse("budgets:year"), query)
    assert response.status_code == 200
    return response.content.decode()


def plan(lead, amount, project=None, month=None):
    actions.add_planned_line(
        month=month or timezone.localdate(), project=project, activity_type=None,
        description="Interpreters", amount=Decimal(amount), by=lead,
    )  # fmt: skip


def send_claim(people):
    coproducer = people["coproducer"]
    meeting = make_activity_type(slug="meeting", amount_pence=3000)
    claim = make_claim(claimant=coproducer, activity_type=meeting, days_ago=0, minutes=60)
    payment_actions.submit(claim=claim, by=coproducer)


def age(minutes=20):
    KeptSummary.objects.update(computed_at=timezone.now() - timedelta(minutes=minutes))


def test_the_first_visit_keeps_the_year_and_says_when_it_was_worked_out(people):
    plan(people["lead"], "100.00")
    page = budget_page(people["finance"])
    assert "£100.00" in page
    assert "Figures as of" in page
    assert "being brought up to date" not in page
    year = planning.FinancialYear.containing(timezone.localdate())
    assert KeptSummary.objects.get().year_start == year.start


def test_a_change_to_the_plan_is_counted_on_the_next_visit(people):
    plan(people["lead"], "100.00")
    budget_page(people["finance"])
    plan(people["lead"], "50.25")
    assert "£150.25" in budget_page(people["finance"])


def test_claims_are_counted_when_the_year_is_worked_out_again_by_the_job(people):
    budget_page(people["finance"])
    send_claim(people)
    assert "£30.00" not in budget_page(people["finance"])  # kept as it was, for now
    assert kept.refresh_recent() == 0  # not yet older than half the period
    age()
    assert kept.refresh_recent_years.call() == 1
    assert "£30.00" in budget_page(people["finance"])
    assert kept.refresh_recent() == 0


def test_a_stale_year_is_shown_with_a_warning_and_one_refresh_is_queued(
    people, django_capture_on_commit_callbacks
):
    budget_page(people["finance"])
    send_claim(people)
    age()
    with django_capture_on_commit_callbacks(execute=True) as queued:
        page = budget_page(people["finance"])
        budget_page(people["lead"])
    assert "They are being brought up to date now." in page
    assert "£30.00" not in page
    assert len(queued) == 1  # the second visit does not queue it again
    assert "£30.00" in budget_page(people["finance"])


def test_the_job_leaves_years_before_last_year_until_someone_looks(people):
    old = planning.FinancialYear.containing(timezone.localdate() - timedelta(days=3 * 366))
    budget_page(people["finance"], year=str(old.start.year))
    age()
    assert kept.refresh_recent() == 0
    assert "being brought up to date" in budget_page(people["finance"], year=str(old.start.year))


def test_kept_amounts_stay_exact():
    year = planning.FinancialYear.starting_in(2025)
    summary = planning.Summary(year)
    summary.add(date(2025, 5, 1), (7, "Transport"), "Meeting", "plan", Decimal("0.10"))
    summary.add(date(2025, 5, 1), (None, ""), "", "actual", Decimal("1234567.89"))
    again = planning.Summary.from_data(year, summary.to_data(), summary.project_lines())
    assert again == summary
    assert again.rows("project") == summary.rows("project")


def test_projects_are_shown_a_page_at_a_time_and_the_downloads_have_every_one(people):
    lead = people["lead"]
    for number in range(55):
        plan(lead, "1.00", project=make_project(lead=lead, title=f"Project {number:02}"))
    first = budget_page(people["finance"])
    assert "Project 49" in first and "Project 50" not in first
    assert "50 of 55 projects on this page" in first
    assert "£55.00" in first  # the total is for them all
    second = budget_page(people["finance"], page="2")
    assert "Project 54" in second and "Project 00" not in second
    client = Client()
    client.force_login(people["finance"])
    content = client.get(reverse("budgets:year_csv")).content.decode("utf-8-sig")
    titles = {row[0] for row in csv.reader(io.StringIO(content)) if row}
    assert {f"Project {number:02}" for number in range(55)} <= titles
