"""Issue 18 part 3's journeys in Chromium with JavaScript switched off: a person near
the organisation's limit is warned before their claim is sent and chooses to take less;
finance sees it in the queue; a person downloads their yearly statement."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.payments import actions
from coproduce.payments.limits import tax_year_start
from coproduce.payments.models import Claim, Payment
from coproduce.payments.tests.factories import make_activity_type, make_claim
from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in_page(browser, live_server, user):
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    context.add_cookies([session_cookie(user, live_server.url)])
    return context, context.new_page()


def test_a_person_near_the_limit_is_warned_before_sending(browser, live_server, people):
    person = people["coproducer"]
    kinds = [make_activity_type(slug=slug, amount_pence=2500) for slug in ("a", "b")]
    actions.set_payment_limit(
        period="week",
        amount_pence=6000,
        source="Permitted work lower limit (an example)",
        starts_on=datetime.date(2020, 1, 1),
        by=people["finance"],
    )
    actions.set_payment_protection(person=person, warn=True)
    earlier = make_claim(claimant=person, activity_type=kinds[0], days_ago=1, minutes=120)
    actions.submit(claim=earlier, by=person)
    draft = make_claim(claimant=person, activity_type=kinds[1], days_ago=1, minutes=120)
    base = live_server.url

    context, me = signed_in_page(browser, live_server, person)
    me.goto(f"{base}/claims/{draft.pk}/")
    expect(
        me.get_by_role("heading", name="This claim takes your fees over a limit")
    ).to_be_visible()
    expect(me.get_by_text("The limit is £60.00")).to_be_visible()
    me.get_by_role("link", name="Choose what to do about the limit").click()
    expect(me.get_by_role("heading", level=1)).to_have_text("What to do about the limit")
    me.get_by_label("Take less, so I stay under the limit").check()
    me.get_by_role("button", name="Save my choice").click()
    expect(me.get_by_text("Your choice is saved on the claim.")).to_be_visible()
    expect(me.get_by_text("£10.00 (full fee £50.00)")).to_be_visible()
    me.get_by_role("button", name="Send the claim").click()
    expect(me.get_by_text("Sent: waiting for approval").first).to_be_visible()
    draft.refresh_from_db()
    assert (draft.fee_payable_pence, draft.limit_choice) == (1000, "less")
    context.close()


def test_a_person_downloads_their_yearly_statement(browser, live_server, people):
    person = people["coproducer"]
    make_activity_type(amount_pence=2500)
    claim = make_claim(claimant=person, days_ago=2)
    actions.submit(claim=claim, by=person)
    actions.approve(claim=claim, by=people["lead"])
    batch = actions.create_batch(claims=[claim], by=people["finance"])
    actions.mark_batch_paid(batch=batch, by=people["finance"])
    assert Payment.objects.filter(claim=claim).exists()
    year = tax_year_start(timezone.localdate()).year
    base = live_server.url

    context, me = signed_in_page(browser, live_server, person)
    me.goto(f"{base}/claims/")
    me.get_by_role("link", name="Your yearly statements of payments, for benefits and tax").click()
    expect(me.get_by_role("heading", level=1)).to_have_text("Your yearly statements of payments")
    label = f"6 April {year} to 5 April {year + 1}"
    with me.expect_download() as download:
        me.get_by_role("link", name=f"PDF for {label}").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and b"/StructTreeRoot" in pdf
    with me.expect_download() as download:
        me.get_by_role("link", name=f"spreadsheet (CSV) for {label}").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Total paid to you (£),50.00" in text
    assert Claim.objects.get(pk=claim.pk).status == "paid"
    context.close()


def test_an_advance_for_a_train_fare_is_approved_paid_and_reconciled(browser, live_server, people):
    from coproduce.payments.models import Advance
    from coproduce.payments.tests.factories import PNG, make_expense_type

    make_expense_type(slug="travel")
    base = live_server.url
    needed = timezone.localdate() + datetime.timedelta(days=4)

    context, me = signed_in_page(browser, live_server, people["coproducer"])
    me.goto(f"{base}/claims/")
    me.get_by_role("link", name="Advances: money before you spend it").click()
    me.get_by_role("link", name="Ask for an advance").click()
    me.get_by_label("What is it for?").select_option(label="Travel")
    me.get_by_label("What you need it for, in a few words").fill("Train fare to Cardiff")
    me.get_by_label("The day you need it for").fill(needed.isoformat())
    me.get_by_label("How much, in pounds").fill("-4")
    me.get_by_label("To me, before I spend it").check()
    me.get_by_role("button", name="Ask for the advance").click()
    expect(me.get_by_text("The amount cannot be less than nothing.").first).to_be_visible()
    me.get_by_label("How much, in pounds").fill("23.40")
    me.get_by_role("button", name="Ask for the advance").click()
    expect(me.get_by_text("Asked for: waiting for approval", exact=True)).to_be_visible()
    advance = Advance.objects.get()

    lead_context, lead = signed_in_page(browser, live_server, people["lead"])
    lead.goto(f"{base}/advances/{advance.pk}/")
    lead.get_by_role("button", name="Approve the advance").click()
    expect(lead.get_by_text("Approved: waiting for payment", exact=True)).to_be_visible()

    finance_context, finance = signed_in_page(browser, live_server, people["finance"])
    finance.goto(f"{base}/payments/advances/")
    finance.get_by_role("link", name="Travel: Train fare to Cardiff").click()
    finance.get_by_label("Reference in the finance system (optional)").fill("FIN-42")
    finance.get_by_role("button", name="Mark paid to the person").click()
    expect(finance.get_by_text("Paid: waiting for the receipt", exact=True)).to_be_visible()

    me.goto(f"{base}/advances/{advance.pk}/")
    me.get_by_role("link", name="Add the receipt").click()
    me.get_by_label("What it really cost, in pounds").fill("25.10")
    me.get_by_label("Receipt (photo or PDF)").set_input_files(
        files=[{"name": "ticket.png", "mimeType": "image/png", "buffer": PNG}]
    )
    me.get_by_role("button", name="Add the receipt").click()
    expect(me.get_by_text("Receipt checked: complete", exact=True)).to_be_visible()
    expect(
        me.get_by_text("It cost £25.10 and we paid £23.40 in advance, so we owe £1.70.")
    ).to_be_visible()
    advance.refresh_from_db()
    assert (advance.status, advance.reference, advance.spent_pence) == (
        "reconciled",
        "FIN-42",
        2510,
    )
    for opened in (context, lead_context, finance_context):
        opened.close()
