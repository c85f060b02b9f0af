"""Journeys in a real browser with JavaScript switched off, using only the keyboard
where it matters: the passport is filled in once and staff see the arrangements;
staff who do not work with someone are refused their passport on an accessible page
and can record a reason to read it."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from coproduce.projects.tests.factories import make_project
from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [v["id"] for v in results.response["violations"]]


def no_js_page(browser, user, live_server):
    context = browser.new_context(java_script_enabled=False)
    if user is not None:
        context.add_cookies([session_cookie(user, live_server.url)])
    return context, context.new_page()


def test_passport_filled_in_once_and_staff_see_only_arrangements(browser, live_server, people):
    context, page = no_js_page(browser, people["coproducer"], live_server)
    page.goto(f"{live_server.url}/you/access/edit/")
    page.get_by_label("BSL interpreter").check()
    page.get_by_label("Step-free access").check()
    page.get_by_label("About your access, in your own words").fill("I have a hearing impairment.")
    page.get_by_label("Only the arrangements to make").check()
    page.get_by_role("button", name="Save").press("Enter")
    expect(page.locator("main")).to_contain_text("Your access passport is saved.")
    expect(page.locator("h1")).to_have_text("Your access passport")
    context.close()

    # Staff read it because they run a project the person is on.
    make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    context, page = no_js_page(browser, people["staff"], live_server)
    page.goto(f"{live_server.url}/people/{people['coproducer'].pk}/access/")
    text = page.locator("main").inner_text()
    assert "BSL interpreter" in text and "Step-free access" in text
    assert "hearing impairment" not in text
    context.close()

    context, page = no_js_page(browser, people["coproducer"], live_server)
    page.goto(f"{live_server.url}/you/who-looked/")
    assert "Test staff" in page.locator("main").inner_text()
    context.close()


def test_joining_without_javascript_shows_errors_then_thanks(browser, live_server):
    context, page = no_js_page(browser, None, live_server)
    page.goto(f"{live_server.url}/join/")
    assert not page.locator("#id_website").is_visible()
    page.get_by_label("Tell us a little about yourself").fill("I want to help with transport.")
    page.get_by_role("button", name="Send").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    assert "Enter your name." in summary.inner_text()
    assert (
        page.get_by_label("Tell us a little about yourself").input_value()
        == "I want to help with transport."
    )
    page.get_by_label("Your name").fill("Morgan Lee")
    page.get_by_label("Your email address").fill("morgan@example.org")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("h1")).to_have_text("Thank you for asking to join")
    context.close()


def test_refused_then_reading_with_a_recorded_reason(browser, live_server, people):
    from coproduce.people.tests.samples import fill_in_person

    person = fill_in_person(people["coproducer"], staff=people["staff"])
    # With JavaScript, so that axe-core can run on the refusal and the form's errors.
    context = browser.new_context()
    context.add_cookies([session_cookie(people["staff"], live_server.url)])
    page = context.new_page()
    response = page.goto(f"{live_server.url}/people/{person.pk}/access/")
    assert response.status == 403
    expect(page.locator("h1")).to_have_text(f"You cannot read {person.name}'s access passport")
    assert "BSL interpreter" not in page.locator("main").inner_text()
    assert violations(page) == []
    page.get_by_role("link", name="Record why you need to read it").click()
    page.get_by_role("button", name="Record my reason and read it").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why you need to read")
    assert violations(page) == []
    page.get_by_label("Why do you need to read their access passport?").fill(
        "Helping them by phone to fill in a claim"
    )
    page.get_by_role("button", name="Record my reason and read it").click()
    expect(page.locator("h1")).to_have_text(f"{person.name}: access passport")
    expect(page.locator("main")).to_contain_text("BSL interpreter")
    assert violations(page) == []
    context.close()
