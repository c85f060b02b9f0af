"""In a real browser: a visitor shares a spotlight story and contacts the lead
with JavaScript off; the lead publishes the story; the pages that show form
errors pass axe-core too (the crawl only sees pages as they first load)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from coproduce.site.models import ContactMessage, Spotlight, SpotlightStatus
from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [v["id"] for v in results.response["violations"]]


def test_error_pages_of_the_public_forms_are_accessible(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    for path in ("/contact/", "/spotlight/share/"):
        page.goto(live_server.url + path)
        page.get_by_role("button", name="Send").click()
        # expect() waits for the page the click loads; reading straight away races it.
        expect(page).to_have_title(re.compile(r"^Error: "))
        summary = page.locator(".govuk-error-summary")
        assert summary.is_visible()
        assert violations(page) == [], path
        # The summary's first link moves focus to its field.
        summary.get_by_role("link").first.click()
        assert page.evaluate("document.activeElement.tagName") in ("INPUT", "TEXTAREA")
    context.close()


def test_visitor_shares_a_story_and_the_lead_publishes_it(browser, live_server, people):
    visitor = browser.new_context(java_script_enabled=False)
    page = visitor.new_page()
    page.goto(live_server.url + "/spotlight/share/")
    page.get_by_label("Organisation name", exact=True).fill("Hilltop DPO")
    page.get_by_label("Your name", exact=True).fill("Jo Bloggs")
    page.get_by_label("Your email address", exact=True).fill("jo@example.org")
    page.get_by_label("Title of your story", exact=True).fill("Carers on hiring panels")
    page.get_by_label("Your story", exact=True).fill("Carers sit on every panel.")
    page.get_by_label("What worked well", exact=True).fill("Paying them.")
    page.get_by_label("What you learned", exact=True).fill("Send papers early.")
    page.locator("#id_consent_to_publish").check()
    page.get_by_role("button", name="Send your story").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Story sent")

    page.goto(live_server.url + "/contact/")
    page.get_by_label("Your name", exact=True).fill("Alex Morgan")
    page.get_by_label("Your email address", exact=True).fill("alex@example.org")
    page.get_by_label("Taking part in co-production", exact=True).check()
    page.get_by_label("Your message", exact=True).fill("Can I join the next workshop?")
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Message sent")
    assert ContactMessage.objects.filter(name="Alex Morgan").exists()
    visitor.close()

    spotlight = Spotlight.objects.get()
    lead = browser.new_context(java_script_enabled=False)
    lead.add_cookies([session_cookie(people["lead"], live_server.url)])
    page = lead.new_page()
    page.goto(live_server.url + "/manage/site/spotlight/")
    page.get_by_role("link", name="Carers on hiring panels").click()
    page.get_by_label("Publish it", exact=True).check()
    page.get_by_role("button", name="Save decision and email them").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    spotlight.refresh_from_db()
    assert spotlight.status == SpotlightStatus.PUBLISHED
    lead.close()

    visitor = browser.new_context(java_script_enabled=False)
    page = visitor.new_page()
    page.goto(live_server.url + "/spotlight/")
    page.get_by_role("link", name="Carers on hiring panels").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Carers on hiring panels")
    visitor.close()
