"""Staff work through the people to contact with no page script running:
claim a call, get a clear error, record "no answer", then that they reached them."""

import pytest
from playwright.sync_api import expect

from coproduce.accounts.models import User
from coproduce.notifications import actions
from coproduce.notifications.models import ContactTask, Delivery
from coproduce.people.models import Profile
from coproduce.tests.browser import session_cookie
from coproduce.tests.test_accessibility_crawl import page_problems, without_page_scripts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def waiting(name, email, contact, **profile):
    person = User.objects.create_user(email=email, password="x" * 12, name=name)
    Profile.objects.create(user=person, contact_methods=[contact], **profile)
    notification = actions.notify(
        person,
        "meetings.reminder",
        subject="Reminder: Housing panel",
        body="The Housing panel meets on Tuesday at 2pm.",
    )
    actions.send_delivery(Delivery.objects.get(notification=notification).pk)
    return ContactTask.objects.get(person=person)


def test_staff_record_a_call_without_javascript(browser, live_server, people):
    call = waiting("Imani Brooks", "imani@example.org", "phone", phone="0113 496 0000")
    waiting("Grace Osei", "grace@example.org", "text", phone="0113 496 0001")
    waiting("Chloe Nwosu", "chloe@example.org", "post", address="7 Park Row\nLeeds\nLS1 5HD")
    # No page script runs (as the crawl does it: Chromium's own switch would stop axe too).
    context = browser.new_context()
    context.route("**/*", without_page_scripts)
    context.add_cookies([session_cookie(people["staff"], live_server.url)])
    page = context.new_page()
    page.goto(live_server.url + "/contact-tasks/")
    # A landline cannot take a text: the page says so beside Grace.
    expect(page.get_by_text("This is not a mobile phone number")).to_be_visible()
    expect(
        page.get_by_role("link", name="Download the letters to print (PDF, 1 letter)")
    ).to_be_visible()

    card = page.locator(f"#task-{call.pk}")
    card.get_by_role("button", name="I will do this for Imani Brooks").click()
    card = page.locator(f"#task-{call.pk}")
    expect(card.get_by_text("You", exact=True)).to_be_visible()

    card.get_by_role("button", name="Save what happened for Imani Brooks").click()
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    expect(
        summary.get_by_role("link", name="Choose what happened for Imani Brooks.")
    ).to_be_visible()
    assert page_problems(page, skip_check=False) == []

    card = page.locator(f"#task-{call.pk}")
    card.get_by_label("No answer: try again later").check()
    card.get_by_label("Notes").fill("Try after 2pm")
    card.get_by_role("button", name="Save what happened for Imani Brooks").click()
    expect(page.get_by_text("Saved for Imani Brooks: No answer: try again later.")).to_be_visible()
    card = page.locator(f"#task-{call.pk}")
    expect(card.get_by_text("Try after 2pm")).to_be_visible()

    card.get_by_label("Reached them and told them").check()
    card.get_by_role("button", name="Save what happened for Imani Brooks").click()
    expect(page.get_by_role("heading", name="People to phone (0)")).to_be_visible()
    call.refresh_from_db()
    assert call.outcome == "reached" and call.tries == 2 and not call.is_open
    assert page_problems(page, skip_check=True) == []
    context.close()
