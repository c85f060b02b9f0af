"""Decisions with positions in a real browser with JavaScript switched off: a co-producer
who co-leads the project puts a decision linked to a meeting to the team, two members give
their positions, the staff lead records a third's given by phone, the co-lead closes it,
and the record shows who was there (from the meeting's attendance) and every position."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.accounts.tests.factories import UserFactory
from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.tests.factories import make_meeting
from coproduce.projects.models import Decision
from coproduce.projects.tests.factories import make_co_lead, make_project
from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def page_for(browser, person, live_server):
    context = browser.new_context(java_script_enabled=False)
    context.add_cookies([session_cookie(person, live_server.url)])
    return context, context.new_page()


def test_a_decision_from_meeting_to_closed_record_without_javascript(browser, live_server, people):
    lead, chris = people["staff"], people["coproducer"]
    sam = UserFactory(email="sam@example.org", name="Sam Okafor", roles=["coproducer"])
    pat = UserFactory(email="pat@example.org", name="Pat Lowe", roles=["coproducer"])
    project = make_project(lead=lead, coproducers=[sam, pat], title="Better buses")
    make_co_lead(project, chris)
    meeting = make_meeting(organiser=lead, project=project, days=-1, title="Buses planning group")
    # Pat could not come: they give their position by phone afterwards.
    meeting_actions.record_attendance(
        meeting=meeting, minutes_by_person={lead: 120, chris: 120, sam: 120}, recorded_by=lead
    )

    context, page = page_for(browser, chris, live_server)  # the co-producer co-lead
    page.goto(live_server.url + project.get_absolute_url())
    page.get_by_role("link", name="Put a decision to the team").click()
    page.get_by_label("What is proposed").fill("Ask the council for a bus stop at the centre.")
    page.get_by_label("Why").fill("The nearest stop is a long walk with no dropped kerbs.")
    page.get_by_label("The meeting where it is discussed").select_option(label=str(meeting))
    closes_on = timezone.localdate() + timedelta(days=7)
    page.get_by_label("Closing date").fill(closes_on.isoformat())
    page.get_by_role("button", name="Open the decision").click()
    expect(page.locator("main")).to_contain_text("The decision is open. The team has been told.")
    decision = Decision.objects.get(project=project)
    assert decision.meeting == meeting and decision.status == Decision.Status.OPEN
    decision_url = page.url

    for person, stance, reason in [
        (chris, "Agree", "I use that bus every week."),
        (sam, "Disagree", "A stop there would slow the route for everyone else."),
    ]:
        member_context, member_page = page_for(browser, person, live_server)
        member_page.goto(decision_url)
        member_page.get_by_label(stance, exact=True).check()
        member_page.get_by_label("Your reason (optional)").fill(reason)
        member_page.get_by_role("button", name="Save my position").click()
        expect(member_page.locator("main")).to_contain_text("Your position is recorded.")
        member_context.close()

    staff_context, staff_page = page_for(browser, lead, live_server)
    staff_page.goto(decision_url)
    staff_page.get_by_role("link", name="Record a position for someone else").click()
    staff_page.get_by_label("Whose position is this?").select_option(label=str(pat))
    staff_page.get_by_label("Agree", exact=True).check()
    staff_page.get_by_label("Why you are recording it for them").fill("by phone")
    staff_page.get_by_role("button", name="Record their position").click()
    expect(staff_page.locator("main")).to_contain_text(f"{pat}'s position is recorded.")
    staff_context.close()

    page.goto(decision_url)

    page.get_by_role("button", name="Close the decision now").click()
    expect(page).to_have_url(re.compile(rf"/decisions/{decision.pk}/$"))
    main = page.locator("main")
    expect(main).to_contain_text("The decision is closed: agreed.")
    expect(page.locator("#decision-summary")).to_contain_text(
        "Outcome: Agreed. 3 people have given a position: 2 agree, 0 abstain, 1 disagree, 0 block."
    )
    present = page.locator("#present")
    for person in (lead, chris, sam):
        expect(present).to_contain_text(str(person))
    expect(present).not_to_contain_text(str(pat))
    expect(present).to_contain_text("from the meeting's attendance")
    rows = page.locator("#positions tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.filter(has_text=str(chris))).to_contain_text("I use that bus every week.")
    expect(rows.filter(has_text=str(sam))).to_contain_text("Disagree")
    expect(rows.filter(has_text=str(pat))).to_contain_text(
        f"Recorded by {lead} for {pat}: by phone"
    )
    # Closed: nothing on the page offers to change it.
    expect(page.get_by_role("button", name="Save my position")).to_have_count(0)
    expect(page.get_by_role("button", name="Close the decision now")).to_have_count(0)
    context.close()
