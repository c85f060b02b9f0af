"""Switching language in a real browser: without JavaScript the header's button reloads
the same page in Welsh (and back), marked lang="cy"; with JavaScript what the person had
typed on the page is still there after the switch."""

import pytest
from playwright.sync_api import expect

from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_switches_to_welsh_and_back_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/contact/")
    assert page.locator("html").get_attribute("lang") == "en-GB"
    english_heading = page.locator("h1").inner_text()
    page.get_by_role("button", name="Cymraeg").click()
    assert page.url == live_server.url + "/contact/"
    assert page.locator("html").get_attribute("lang") == "cy"
    assert page.locator("h1").inner_text() != english_heading
    expect(page.locator(".govuk-skip-link")).not_to_have_text("Skip to main content")
    english = page.get_by_role("button", name="English")
    assert english.get_attribute("lang") == "en-GB"
    english.click()
    assert page.locator("html").get_attribute("lang") == "en-GB"
    assert page.locator("h1").inner_text() == english_heading
    context.close()


def test_switching_language_keeps_a_half_filled_form(browser, live_server, people):
    person = people["coproducer"]
    context = browser.new_context()
    context.add_cookies([session_cookie(person, live_server.url)])
    page = context.new_page()
    page.goto(live_server.url + "/contact/")
    page.locator("textarea[name=message]").fill("Can the next meeting have a hearing loop?")
    page.locator("input[name=topic]").first.check()
    page.get_by_role("button", name="Cymraeg").click()
    assert page.locator("html").get_attribute("lang") == "cy"
    expect(page.locator("textarea[name=message]")).to_have_value(
        "Can the next meeting have a hearing loop?"
    )
    expect(page.locator("input[name=topic]").first).to_be_checked()
    person.refresh_from_db()
    assert person.language == "cy"
    context.close()
