"""In a real browser with JavaScript off: an organiser adds a scanned PDF, is told in
plain words what is wrong and where to find how to fix it, and sends it as it is; the
warning, the help page, the meeting page and the checklist pass axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from coproduce.lib.tests.accessible_files import PICTURE_PAGE, make_pdf
from coproduce.meetings import actions
from coproduce.meetings.models import Material
from coproduce.meetings.tests.factories import make_meeting
from coproduce.tests.browser import session_cookie
from coproduce.tests.test_accessibility_crawl import AXE_TAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def violations(page):
    # Axe needs page scripts; this context has them, and the site needs none.
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"]]


def test_a_scanned_paper_is_flagged_explained_and_sent_on_request(
    browser, live_server, people, tmp_path
):
    meeting = make_meeting(organiser=people["staff"], days=10, title="Budget group")
    actions.invite(meeting=meeting, people=[people["coproducer"]], invited_by=people["staff"])
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(make_pdf(tagged=False, lang="", title="", content=PICTURE_PAGE).read())
    context = browser.new_context()
    context.add_cookies([session_cookie(people["staff"], live_server.url)])
    page = context.new_page()

    page.goto(live_server.url + reverse("meetings:material_add", args=[meeting.pk]))
    page.get_by_label("Paper", exact=True).check()
    page.get_by_label("Title", exact=True).fill("Budget")
    page.get_by_label("File").set_input_files(str(scanned))
    page.get_by_role("button", name="Add the paper").click()
    expect(page.get_by_text("it is not sent yet")).to_be_visible()
    expect(page.get_by_text("The PDF is only pictures of pages.")).to_be_visible()
    assert violations(page) == []

    page.get_by_role("link", name="How to fix this").first.click()
    expect(page.locator("h1")).to_have_text("How to make a paper accessible")
    assert page.evaluate("location.hash") == "#pdf_untagged"
    assert violations(page) == []

    page.goto(live_server.url + reverse("meetings:checklist", args=[meeting.pk]))
    expect(page.get_by_role("heading", name="Papers not yet accessible")).to_be_visible()
    assert violations(page) == []

    page.goto(live_server.url + meeting.get_absolute_url())
    expect(page.get_by_text("Not yet accessible")).to_be_visible()
    assert violations(page) == []
    page.get_by_role("link", name="See what to fix in Budget").click()
    page.get_by_role("button", name="Send it as it is").click()
    expect(page.get_by_text("“Budget” sent to the people coming.")).to_be_visible()
    assert not Material.objects.get().waiting_to_send
    context.close()
