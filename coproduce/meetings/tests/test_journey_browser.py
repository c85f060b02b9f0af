"""The whole journey in a real browser with JavaScript off: an organiser
arranges a meeting and invites someone, they reply from the email link, the
checklist fills from their passport and is marked done, they attend and give
feedback."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.meetings import actions
from coproduce.meetings.models import Meeting
from coproduce.meetings.tests.factories import make_venue
from coproduce.people import actions as people_actions
from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_js_page(browser, user, live_server):
    context = browser.new_context(java_script_enabled=False)
    if user is not None:
        context.add_cookies([session_cookie(user, live_server.url)])
    return context, context.new_page()


def test_arrange_invite_reply_by_link_checklist_attend_and_feedback(browser, live_server, people):
    coproducer, staff = people["coproducer"], people["staff"]
    people_actions.save_passport(
        person=coproducer,
        changed_by=coproducer,
        requirements=["bsl"],
        own_words="Private words",
        dietary="",
        other_arrangements="",
        sharing="arrangements",
    )
    make_venue(name="Station hall")
    day = timezone.localdate() + timedelta(days=20)

    context, page = no_js_page(browser, staff, live_server)
    page.goto(f"{live_server.url}/meetings/new/")
    page.get_by_label("Title").fill("Transport planning")
    page.get_by_label("Hybrid: in person and online").check()
    page.get_by_label("Date", exact=True).fill(day.isoformat())
    page.get_by_label("Start time").fill("14:00")
    page.get_by_label("How long, in minutes").fill("120")
    page.get_by_label("Break 1: minutes after the start").fill("60")
    page.get_by_label("Break 1: how many minutes").fill("15")
    page.get_by_label("Venue").select_option(label="Station hall")
    page.get_by_label("How to join online").fill("https://meet.example.org/t")
    page.get_by_role("button", name="Create the meeting").press("Enter")
    expect(page.locator("h1")).to_have_text("Invite people to Transport planning")
    page.get_by_label(coproducer.name).check()
    page.get_by_role("button", name="Send invitations").click()
    expect(page.locator("h1")).to_have_text("Transport planning")
    context.close()

    meeting = Meeting.objects.get(title="Transport planning")
    token = actions.reply_token(meeting.invitations.get(person=coproducer))
    context, page = no_js_page(browser, None, live_server)
    page.goto(f"{live_server.url}/meetings/reply/{token}/")
    page.get_by_label("Yes, I am coming").check()
    page.get_by_role("button", name="Send my reply").click()
    expect(page.locator(".govuk-panel")).to_contain_text("You have a place")
    context.close()

    context, page = no_js_page(browser, staff, live_server)
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text("Replies or access passports have changed")
    page.get_by_role("link", name="Access arrangements checklist").click()
    expect(page.locator("h1")).to_have_text("Access arrangements for Transport planning")
    page.get_by_role("button", name="Update the checklist").click()
    expect(page.locator("main")).to_contain_text("Book a BSL interpreter")
    expect(page.locator("main")).not_to_contain_text("Private words")
    page.get_by_role("link", name="Book a BSL interpreter").click()
    page.get_by_label("Arranged", exact=True).check()
    page.get_by_label("Note").fill("Alex from the agency")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("saved: arranged")
    context.close()

    Meeting.objects.filter(pk=meeting.pk).update(starts_at=timezone.now() - timedelta(hours=3))
    context, page = no_js_page(browser, staff, live_server)
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/attendance/")
    page.get_by_label(f"{coproducer.name}: minutes attended").fill("120")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator("main")).to_contain_text("Attendance saved")
    context.close()

    context, page = no_js_page(browser, coproducer, live_server)
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    page.get_by_role("link", name="Give feedback").click()
    expect(page.locator("h1")).to_have_text("How did Transport planning go for you?")
    page.locator("#id_access_needs_met_0").check()
    page.locator("#id_listened_to_0").check()
    page.locator("#id_could_say_0").check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator("main")).to_contain_text("Thank you for your feedback")
    context.close()
    assert meeting.feedback.get().access_needs_met == "yes"
    assert meeting.attendance.get().minutes == 120
