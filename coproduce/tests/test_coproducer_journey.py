"""Issue 4's journey in Chromium with JavaScript switched off: a co-producer finds
an opportunity, says they are interested, is chosen, joins the team, sees a decision
recorded with them, says something and hears what was done."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.opportunities.tests.factories import make_opportunity
from coproduce.projects.tests.factories import make_project
from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in_page(browser, live_server, user):
    context = browser.new_context(java_script_enabled=False)
    context.add_cookies([session_cookie(user, live_server.url)])
    return context, context.new_page()


def test_from_opportunity_to_you_said_we_did_without_javascript(browser, live_server, people):
    project = make_project(lead=people["staff"], title="Accessible buses")
    opportunity = make_opportunity(project=project, title="Co-chair the bus group")
    base = live_server.url

    coproducer_context, me = signed_in_page(browser, live_server, people["coproducer"])
    me.goto(base + "/opportunities/")
    me.get_by_role("link", name="Co-chair the bus group").click()
    me.get_by_label("Anything you would like us to know").fill("I use a wheelchair on the 12 bus.")
    me.get_by_role("button", name="I am interested").click()
    expect(me.locator("main")).to_contain_text("Interested: waiting for a decision")

    staff_context, staff = signed_in_page(browser, live_server, people["staff"])
    staff.goto(f"{base}/opportunities/{opportunity.pk}/people/")
    staff.get_by_role("link", name=f"Decide about {people['coproducer']}").click()
    staff.get_by_label("Choose them", exact=True).check()
    staff.get_by_role("button", name="Save and tell them").click()
    assert any("You have been chosen" in m.subject for m in mail.outbox)

    staff.goto(f"{base}/projects/{project.pk}/decisions/new/")
    staff.get_by_label("What is proposed").fill(
        "The group meets at the bus depot, which is step-free."
    )
    staff.get_by_label("Why").fill("Everyone can get in, and drivers can join us.")
    staff.get_by_label("Closing date").fill((timezone.localdate() + timedelta(days=7)).isoformat())
    staff.get_by_role("button", name="Open the decision").click()
    expect(staff.locator("main")).to_contain_text("The decision is open.")

    me.goto(f"{base}/projects/{project.pk}/")
    expect(me.locator("main")).to_contain_text("The group meets at the bus depot")
    me.get_by_role("link", name="Open until").first.click()
    me.get_by_label("Agree", exact=True).check()
    me.get_by_role("button", name="Save my position").click()
    expect(me.locator("main")).to_contain_text("Your position is recorded.")
    staff.goto(me.url)
    staff.get_by_role("button", name="Close the decision now").click()
    expect(staff.locator("main")).to_contain_text("The decision is closed: agreed.")
    me.goto(f"{base}/projects/{project.pk}/")
    expect(me.locator("main")).to_contain_text(f"{people['coproducer']} (co-producer)")
    me.get_by_role("link", name="Say something").click()
    me.get_by_label("What would you like to say?").fill("Timetables in large print, please.")
    me.get_by_role("button", name="Save").click()

    staff.goto(f"{base}/projects/{project.pk}/")
    staff.get_by_role("link", name="Answer this").first.click()
    staff.get_by_label("We did it").check()
    staff.get_by_label("What we did").fill("Large print timetables are at every stop from Monday.")
    staff.get_by_role("button", name="Save and tell them").click()
    assert any(
        people["coproducer"].email in m.to and "Large print timetables" in m.body
        for m in mail.outbox
    )

    me.goto(f"{base}/projects/{project.pk}/you-said-we-did/")
    assert "Large print timetables are at every stop from Monday." in me.content()
    coproducer_context.close()
    staff_context.close()
