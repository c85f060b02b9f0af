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


def test_a_co_producer_fills_in_their_access_passport(browser, live_server, people):
    from coproduce.people.models import AccessPassport

    chris = people["coproducer"]
    context, me = keyboard_user(browser, live_server, chris, "/you/access/edit/")
    me.tab_to("Hearing loop")
    me.press("Space")
    me.tab_to("Dietary needs", tag="input", input_type="text")
    me.type("No nuts, please")
    me.tab_to("Save", exact=True, tag="button")
    with me.page.expect_navigation():
        me.press("Enter")
    me.arrived()
    passport = AccessPassport.objects.get(user=chris)
    assert list(passport.requirements.values_list("code", flat=True)) == ["hearing_loop"]
    assert passport.dietary == "No nuts, please"
    context.close()


def test_a_co_producer_gives_feedback_after_a_meeting(browser, live_server, people):
    from coproduce.meetings.models import Feedback

    chris = people["coproducer"]
    meeting = make_meeting(organiser=people["staff"], days=-1, title="Bus group")
    [invitation] = meeting_actions.invite(
        meeting=meeting, people=[chris], invited_by=people["staff"]
    )
    Invitation.objects.filter(pk=invitation.pk).update(reply=Invitation.Reply.YES)
    context, me = keyboard_user(browser, live_server, chris, f"/meetings/{meeting.pk}/feedback/")
    # A submit with nothing chosen: focus goes to the error summary.
    me.tab_to("Send feedback", tag="button")
    with me.page.expect_navigation():
        me.press("Enter")
    assert "govuk-error-summary" in me.page.evaluate("document.activeElement.className")
    me.check_focus()
    me.tab_to("Yes", exact=True)  # the first question; Space chooses "Yes"
    me.press("Space")
    for _ in range(2):  # each Tab goes to the next question's first answer
        assert me.tab()["label"] == "Yes"
        me.press("Space")
    me.tab_to("Anything else you want to tell us?", tag="textarea")
    me.type("The captions were great.")
    me.follow("Send feedback", tag="button")
    feedback = Feedback.objects.get(meeting=meeting)
    assert (feedback.access_needs_met, feedback.listened_to, feedback.could_say) == (
        "yes",
        "yes",
        "yes",
    )
    context.close()


def test_staff_record_attendance(browser, live_server, people):
    staff, chris = people["staff"], people["coproducer"]
    meeting = make_meeting(organiser=staff, days=-1, title="Bus group")
    meeting_actions.invite(meeting=meeting, people=[chris], invited_by=staff)
    context, me = keyboard_user(browser, live_server, staff, f"/meetings/{meeting.pk}/attendance/")
    me.tab_to(f"{chris}: minutes attended", tag="input")
    me.type("90")
    me.follow("Save attendance", tag="button")
    from coproduce.meetings.models import Attendance

    assert Attendance.objects.get(meeting=meeting, person=chris).minutes == 90
    context.close()


def test_the_lead_puts_a_decision_to_the_team(browser, live_server, people):
    from coproduce.projects.models import Decision
    from coproduce.projects.tests.factories import make_project

    lead = people["staff"]
    project = make_project(lead=lead, coproducers=[people["coproducer"]], title="Buses")
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    context.add_cookies([session_cookie(lead, live_server.url)])
    page = context.new_page()
    page.goto(f"{live_server.url}/projects/{project.pk}/decisions/new/")
    me = KeyboardUser(page)
    me.arrived()
    me.tab_to("What is proposed")
    me.type("Meet at the bus depot, which is step-free.")
    me.tab_to("Why")
    me.type("Everyone can get in.")
    me.tab_to("Closing date", tag="input")
    me.type("12242030")  # the date field's parts in the order this Chromium shows them
    me.follow("Open the decision", tag="button")
    decision = Decision.objects.get(project=project)
    assert str(decision.closes_on) == "2030-12-24"
    context.close()


def test_a_co_producer_sends_a_claim_with_a_receipt(browser, live_server, people, tmp_path):
    from coproduce.payments.tests.factories import PNG, make_expense_type

    chris = people["coproducer"]
    make_expense_type(slug="travel")
    claim = make_claim(claimant=chris)
    receipt = tmp_path / "train-ticket.png"
    receipt.write_bytes(PNG)
    context, me = keyboard_user(browser, live_server, chris, claim.get_absolute_url())
    me.follow("Add an expense")
    me.tab_to("Type of expense", tag="select")
    me.press("ArrowDown")  # a closed select changes with the arrow keys
    me.tab_to("What it was for", tag="input")
    me.type("Train to the meeting")
    me.tab_to("Amount in pounds", tag="input")
    me.type("14.20")
    me.tab_to("Receipt (photo or PDF)", tag="input")
    # The file chooser is the operating system's own window, outside the page: the file
    # goes to the focused field as that window would put it there.
    me.page.locator(":focus").set_input_files(str(receipt))
    me.follow("Add the expense", tag="button")
    me.follow("Send the claim", tag="button")
    claim.refresh_from_db()
    assert claim.status == Claim.Status.SUBMITTED
    [expense] = claim.expenses.all()
    assert expense.amount_pence == 1420 and expense.receipt
    context.close()
