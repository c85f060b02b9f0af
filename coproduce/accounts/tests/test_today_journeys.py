"""Today in a real browser with JavaScript switched off: a co-producer answers an
invitation, sees their arrangement, then gives feedback and starts a claim; an
organiser closes an overdue arrangement; the lead approves a claim. Every action
starts on Today and (but for the claim, which goes on to its own page) comes back to it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.accounts.tests.factories import PASSWORD
from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.models import Arrangement, Meeting
from coproduce.meetings.tests.factories import make_meeting
from coproduce.payments import actions as payment_actions
from coproduce.payments.models import Claim, Status
from coproduce.payments.tests.factories import make_activity_type, make_claim
from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_js(browser):
    contexts = []

    def page_for(user=None, live_server=None):
        context = browser.new_context(java_script_enabled=False)
        contexts.append(context)
        if user is not None:
            context.add_cookies([session_cookie(user, live_server.url)])
        return context.new_page()

    yield page_for
    for context in contexts:
        context.close()


def banner(page):
    return page.locator(".govuk-notification-banner[role=status]")


def test_a_coproducer_replies_sees_their_arrangement_gives_feedback_and_claims(
    no_js, live_server, people
):
    coproducer, staff = people["coproducer"], people["staff"]
    make_activity_type(slug="meeting")
    meeting = make_meeting(organiser=staff, title="Transport group", days=5)
    meeting_actions.invite(meeting=meeting, people=[coproducer], invited_by=staff)
    interpreter = Arrangement.objects.create(
        meeting=meeting,
        code="bsl",
        label="BSL interpreter",
        owner=staff,
        status=Arrangement.Status.DONE,
        due_on=timezone.localdate() + timedelta(days=2),
    )
    interpreter.needed_by.add(coproducer)

    page = no_js()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill(coproducer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page).to_have_url(re.compile(r"/home/$"))
    expect(page.locator("h1")).to_have_text("Today")
    main = page.locator("main")
    expect(main).to_contain_text("You are invited to “Transport group”")
    expect(main.locator("time").first).to_have_text("Due in 5 days")

    page.get_by_role("link", name=re.compile(r"^Reply")).click()
    page.get_by_label("Yes, I am coming").check()
    page.get_by_role("button", name="Send my reply").click()
    expect(page).to_have_url(re.compile(r"/home/$"))
    expect(banner(page)).to_be_visible()
    expect(main).not_to_contain_text("You are invited")
    expect(main).to_contain_text("your BSL interpreter is booked")

    # Later: the meeting has happened and the organiser recorded who came.
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), duration_minutes=90
    )
    meeting_actions.record_attendance(
        meeting=Meeting.objects.get(pk=meeting.pk),
        minutes_by_person={coproducer: 90},
        recorded_by=staff,
    )
    page.goto(live_server.url + "/home/")
    expect(main).to_contain_text("Tell us how “Transport group” went for you.")
    page.get_by_role("link", name=re.compile(r"^Give feedback")).click()
    for question in (
        "Were your access needs met?",
        "Did you feel listened to?",
        "Could you say what you wanted to?",
    ):
        page.get_by_role("group", name=question).get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page).to_have_url(re.compile(r"/home/$"))
    expect(banner(page)).to_contain_text("Thank you for your feedback")
    expect(main).not_to_contain_text("Tell us how")

    page.get_by_role("link", name=re.compile(r"^Start a claim")).click()
    expect(page.get_by_label("What you did, in a few words")).to_have_value("Transport group")
    expect(page.get_by_label("Hours")).to_have_value("1")
    page.get_by_label("Paid into my bank account").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(banner(page)).to_contain_text("Claim saved")
    claim = Claim.objects.get(claimant=coproducer)
    assert claim.source == f"meeting:{meeting.pk}" and claim.minutes == 90
    page.goto(live_server.url + "/home/")
    expect(main).not_to_contain_text("Claim your payment")


def test_an_organiser_closes_an_overdue_arrangement_from_today(no_js, live_server, people):
    staff = people["staff"]
    meeting = make_meeting(organiser=staff, title="Budget group", days=4)
    item = Arrangement.objects.create(
        meeting=meeting,
        code="loop",
        label="Hearing loop",
        owner=staff,
        due_on=timezone.localdate() - timedelta(days=2),
    )
    page = no_js(staff, live_server)
    page.goto(live_server.url + "/home/")
    main = page.locator("main")
    expect(main).to_contain_text("Arrange “Hearing loop” for “Budget group”")
    expect(main).to_contain_text("Overdue by 2 days")
    page.get_by_role("button", name=re.compile(r"^Mark done")).click()
    expect(page).to_have_url(re.compile(r"/home/$"))
    expect(banner(page)).to_contain_text("“Hearing loop” for “Budget group” is marked as arranged")
    expect(main).not_to_contain_text("Arrange “Hearing loop”")
    item.refresh_from_db()
    assert item.status == Arrangement.Status.DONE


def test_the_lead_approves_a_claim_from_today(no_js, live_server, people):
    coproducer, lead = people["coproducer"], people["lead"]
    claim = make_claim(claimant=coproducer)
    payment_actions.submit(claim=claim, by=coproducer)
    page = no_js(lead, live_server)
    page.goto(live_server.url + "/home/")
    main = page.locator("main")
    expect(main).to_contain_text("Test coproducer claimed 2 hours for “Transport group meeting”")
    page.get_by_role("button", name=re.compile(r"^Approve")).click()
    expect(page).to_have_url(re.compile(r"/home/$"))
    expect(banner(page)).to_contain_text("Claim approved")
    expect(page.get_by_role("button", name=re.compile(r"^Approve"))).to_have_count(0)
    claim.refresh_from_db()
    assert claim.status == Status.APPROVED and claim.decided_by == lead


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_today_with_items_on_it_is_accessible_for_every_role(
    javascript, browser, live_server, people
):
    """The crawl visits Today too; here every role's Today has items (the authorisation
    table's sample records give each role something to do), checked with axe, one h1, the
    skip link and 320 px reflow."""
    from coproduce.tests.test_accessibility_crawl import page_problems, without_page_scripts
    from coproduce.tests.test_authorisation import fixtures_for

    fixtures_for(people)
    problems = {}
    for role in ("administrator", "lead", "staff", "finance", "board", "coproducer"):
        context = browser.new_context(viewport={"width": 1024, "height": 768})
        if not javascript:
            context.route("**/*", without_page_scripts)
        context.add_cookies([session_cookie(people[role], live_server.url)])
        page = context.new_page()
        page.goto(live_server.url + "/home/")
        assert page.locator(".cp-today__item").count(), f"nothing on Today for {role}"
        found = page_problems(page, skip_check=True)
        if found:
            problems[role] = found
        context.close()
    assert not problems, problems
