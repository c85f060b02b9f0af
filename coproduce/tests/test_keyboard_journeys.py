"""The core journeys with the keyboard alone (issue 19): Tab, Shift+Tab, Enter, Space
and the arrow keys, never a click. At every stop focus is on something, visible and
not covered by sticky content; after a failed submit it is on the error summary; after
each new page the first Tab reaches the skip link (coproduce/tests/keyboard.py)."""

import pytest
from playwright.sync_api import expect

from coproduce.accounts.tests.factories import PASSWORD
from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.models import Invitation
from coproduce.meetings.tests.factories import make_meeting
from coproduce.payments import actions as payment_actions
from coproduce.payments.models import Claim
from coproduce.payments.tests.factories import make_claim
from coproduce.tests.browser import session_cookie
from coproduce.tests.keyboard import KeyboardUser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def keyboard_user(browser, live_server, person=None, path="/"):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    if person is not None:
        context.add_cookies([session_cookie(person, live_server.url)])
    page = context.new_page()
    page.goto(live_server.url + path)
    user = KeyboardUser(page)
    user.arrived()
    return context, user


def test_signing_in_with_a_wrong_then_the_right_password(browser, live_server, people):
    context, me = keyboard_user(browser, live_server, path="/accounts/login/")
    me.tab_to("Email address", tag="input")
    me.type(people["coproducer"].email)
    me.tab_to("Password", tag="input")
    me.type("not-my-password")
    with me.page.expect_navigation():
        me.press("Enter")
    # The error summary takes focus, so a screen reader reads the problem first.
    state = me.check_focus()
    assert "govuk-error-summary" in me.page.evaluate("document.activeElement.className"), state
    me.tab_to("Password", tag="input")
    me.type(PASSWORD)
    with me.page.expect_navigation():
        me.press("Enter")
    me.arrived()
    assert me.page.url.endswith("/home/")
    context.close()


def test_a_co_producer_replies_to_an_invitation_from_today(browser, live_server, people):
    chris = people["coproducer"]
    meeting = make_meeting(organiser=people["staff"], title="Bus group")
    meeting_actions.invite(meeting=meeting, people=[chris], invited_by=people["staff"])
    context, me = keyboard_user(browser, live_server, chris, "/home/")
    me.follow("Reply")
    me.tab_to("Yes, I am coming")
    me.press("Space")
    me.press("ArrowDown")  # arrows move between the radios and choose
    assert me.focus_state()["label"] == "Maybe"
    me.press("ArrowUp")
    me.follow("Send my reply")
    expect(me.page.locator("main")).to_contain_text("Thank you. You have a place.")
    assert Invitation.objects.get(meeting=meeting, person=chris).reply == "yes"
    context.close()


def test_the_lead_approves_a_claim(browser, live_server, people):
    claim = make_claim(claimant=people["coproducer"])
    payment_actions.submit(claim=claim, by=people["coproducer"])
    context, lead = keyboard_user(browser, live_server, people["lead"], claim.get_absolute_url())
    lead.follow("Approve", exact=True, tag="button")
    claim.refresh_from_db()
    assert claim.status == Claim.Status.APPROVED
    context.close()
