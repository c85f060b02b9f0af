"""Issue 6's journey in Chromium with JavaScript switched off: a co-producer claims
after a meeting (the page prefilled from the meeting's link), the lead approves,
finance exports and marks the batch paid, and the co-producer sees "Paid" and
downloads a certificate."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.payments import actions
from coproduce.payments.models import Claim, Payment
from coproduce.payments.tests.factories import make_activity_type
from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in_page(browser, live_server, user):
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    context.add_cookies([session_cookie(user, live_server.url)])
    return context, context.new_page()


def test_claim_to_paid_and_certificate_without_javascript(browser, live_server, people):
    make_activity_type(amount_pence=2750)
    actions.save_bank_details(
        person=people["coproducer"],
        account_name="Test Person",
        sort_code="30-94-57",
        account_number="12345678",
    )
    base = live_server.url
    day = timezone.localdate() - datetime.timedelta(days=1)

    context, me = signed_in_page(browser, live_server, people["coproducer"])
    me.goto(
        f"{base}/claims/new/?activity_date={day.isoformat()}&minutes=150"
        "&activity_type=meeting&description=Bus+group+meeting&source=meeting:7"
    )
    expect(me.get_by_label("Hours")).to_have_value("2")
    expect(me.get_by_label("And minutes")).to_have_value("30")
    me.get_by_label("Paid into my bank account").check()
    me.get_by_label("Skills you used or learned (optional)").fill("Chairing")
    me.get_by_role("button", name="Save and continue").click()
    expect(me.get_by_role("heading", level=1)).to_contain_text("Meeting on")
    me.get_by_role("button", name="Send the claim").click()
    expect(me.get_by_text("Sent: waiting for approval").first).to_be_visible()
    claim = Claim.objects.get(claimant=people["coproducer"])
    assert claim.fee_pence == 6875 and claim.source == "meeting:7"

    lead_context, lead = signed_in_page(browser, live_server, people["lead"])
    lead.goto(f"{base}/claims/{claim.pk}/")
    lead.get_by_role("button", name="Approve").click()
    expect(lead.get_by_text("Approved: waiting for payment").first).to_be_visible()

    finance_context, finance = signed_in_page(browser, live_server, people["finance"])
    finance.goto(f"{base}/payments/finance/")
    finance.get_by_role("button", name="Make a batch").click()
    expect(finance.get_by_role("heading", level=1)).to_contain_text("Payment batch")
    with finance.expect_download() as download:
        finance.get_by_role("link", name="Download the batch as CSV").click()
    assert "12345678" in Path(download.value.path()).read_text(encoding="utf-8-sig")
    finance.get_by_role("button", name="Mark every claim in this batch paid").click()
    expect(finance.get_by_text("1 claim marked paid.")).to_be_visible()
    assert Payment.objects.filter(claim=claim).count() == 1

    me.goto(f"{base}/claims/")
    expect(me.get_by_role("cell", name="Paid", exact=True)).to_be_visible()
    me.goto(f"{base}/payments/recognition/")
    expect(me.get_by_text("You have given 2.5 hours")).to_be_visible()
    me.get_by_label("Yes, name it").check()
    with me.expect_download() as download:
        me.get_by_role("button", name="Download the certificate (PDF)").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and b"/StructTreeRoot" in pdf
    assert people["coproducer"].name.encode() in pdf
    for opened in (context, lead_context, finance_context):
        opened.close()
