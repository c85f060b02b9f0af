"""Taking part without an email address, in a real browser with JavaScript off
(decision 0036): staff add a person with no email and print them a sign-in card; the
person signs in with the card's code, fills in their access passport and replies to
an invitation to a meeting."""

import re

import pytest
from playwright.sync_api import expect

from coproduce.accounts.models import User
from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.models import Invitation
from coproduce.meetings.tests.factories import make_meeting
from coproduce.notifications.models import SignInCard
from coproduce.people.models import AccessPassport
from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_js_page(browser, user, live_server):
    context = browser.new_context(java_script_enabled=False)
    if user is not None:
        context.add_cookies([session_cookie(user, live_server.url)])
    return context, context.new_page()


def test_staff_add_a_person_without_email_who_signs_in_with_a_card(browser, live_server, people):
    staff = people["staff"]
    context, page = no_js_page(browser, staff, live_server)
    page.goto(live_server.url + "/people/")
    page.get_by_role("link", name="Add a person").click()
    page.get_by_label("Their name").fill("Jo Card")
    page.get_by_label("Their phone number").fill("07700 900 777")
    page.get_by_role("button", name="Add them").click()
    expect(page.locator("main")).to_contain_text("Jo Card is added.")
    person = User.objects.get(name="Jo Card")
    assert person.email is None

    page.get_by_role("link", name="Print a sign-in card, or cancel one").click()
    page.get_by_role("button", name="Print a sign-in card").click()
    expect(page.locator("main")).to_contain_text("Print this page now. The code is not shown")
    code = page.locator("[data-sign-in-code]").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{5}-[A-Z2-9]{5}", code)
    sign_in_address = live_server.url + "/sign-in/card/"
    expect(page.locator("main")).to_contain_text(sign_in_address)
    page.get_by_role("link", name="Back to their sign-in cards").click()
    expect(page.locator("main")).not_to_contain_text(code)  # shown once only
    context.close()

    meeting = make_meeting(organiser=staff, title="Buses planning group")
    meeting_actions.invite(meeting=meeting, people=[person], invited_by=staff)

    context, page = no_js_page(browser, None, live_server)
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("link", name="Sign in with a sign-in card").click()
    page.get_by_label("The code on your sign-in card").fill(code.lower())
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/home/$"))
    assert SignInCard.objects.get(person=person).status == "used"

    page.goto(live_server.url + "/you/access/edit/")
    page.get_by_role("textbox", name="Dietary needs").fill("No nuts")
    page.get_by_label("Anything else we should arrange").fill("A quiet room for breaks")
    page.get_by_role("button", name="Save").click()
    passport = AccessPassport.objects.get(user=person)
    assert passport.dietary == "No nuts"

    page.goto(live_server.url + meeting.get_absolute_url())
    page.get_by_label("Yes, I am coming").check()
    page.get_by_role("button", name="Send my reply").click()
    expect(page.locator("main")).to_contain_text("coming")
    assert meeting.invitations.get(person=person).reply == Invitation.Reply.YES
    context.close()
