"""Issue 18's budget journey in Chromium with JavaScript switched off: finance adds a
budget line, sees plan against actual for the year (a paid claim counted as actual) and
downloads the year as CSV and as a spreadsheet."""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from coproduce.budgets.planning import FinancialYear
from coproduce.payments import actions as payment_actions
from coproduce.payments.tests.factories import make_activity_type, make_claim
from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_finance_sees_plan_against_actual_and_exports_it_without_javascript(
    browser, live_server, people
):
    meeting = make_activity_type(slug="meeting", amount_pence=3000)
    claim = make_claim(claimant=people["coproducer"], activity_type=meeting, days_ago=0, minutes=60)
    payment_actions.submit(claim=claim, by=people["coproducer"])
    payment_actions.approve(claim=claim, by=people["lead"])
    year = FinancialYear.containing(timezone.localdate())

    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    context.add_cookies([session_cookie(people["finance"], live_server.url)])
    page = context.new_page()
    page.goto(f"{live_server.url}/home/")
    page.get_by_role("link", name="Budget", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Involvement budget")

    page.get_by_role("link", name="Add a budget line").click()
    page.get_by_label("Month").fill(timezone.localdate().isoformat())
    page.get_by_label("What it is for").fill("Meetings of the transport group")
    page.get_by_label("Amount in pounds").fill("-40")
    page.get_by_role("button", name="Add the line").click()
    expect(page.get_by_role("alert")).to_contain_text("A budget cannot be negative.")
    page.get_by_label("Amount in pounds").fill("120.00")
    page.get_by_role("button", name="Add the line").click()
    expect(page.get_by_text("Budget line added.")).to_be_visible()

    page.get_by_label("Financial year").select_option(str(year.start.year))
    page.get_by_role("button", name="Show this year").click()
    summary = page.locator(".govuk-summary-list")
    expect(summary).to_contain_text("£120.00")  # plan
    expect(summary).to_contain_text("£30.00")  # actual: the approved claim
    expect(summary).to_contain_text("£90.00")  # variance

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "Total,120.00,0.00,30.00,90.00" in text
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as a spreadsheet (XLSX)").click()
    book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    totals = [r for r in book["By activity"].iter_rows(values_only=True) if r[0] == "Total"]
    assert Decimal(str(totals[0][3])) == Decimal("30.00")
    context.close()
