"""Journeys in a real browser: with JavaScript switched off in Chromium itself,
the session time-out warning, form errors, and each display setting under axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from coproduce.accounts.models import Invitation, User
from coproduce.accounts.tests.factories import PASSWORD
from coproduce.tests.browser import session_cookie
from coproduce.tests.test_accessibility_crawl import AXE_TAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def axe_violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{v['id']}: {v['help']} ({v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def js_page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_sign_in_change_settings_and_sign_out_without_javascript(no_js_page, live_server, people):
    page = no_js_page
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill(people["coproducer"].email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page).to_have_url(re.compile(r"/home/$"))
    expect(page.locator("h1")).to_have_text("Today")

    page.get_by_role("link", name="Display settings").first.click()
    page.get_by_label("Largest (200%)").check()
    page.get_by_label("High contrast (light text on black)").check()
    page.get_by_role("button", name="Save display settings").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bcp-text-200\b"))
    expect(page.locator("html")).to_have_class(re.compile(r"\bcp-contrast-high\b"))

    page.get_by_role("link", name="Sign out").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.locator(".cp-header__links").get_by_role("link", name="Sign in")).to_have_count(1)
    expect(page.get_by_role("link", name="Sign out")).to_have_count(0)


def test_invitation_journey_without_javascript(browser, live_server, people):
    admin_context = browser.new_context(java_script_enabled=False)
    admin_context.add_cookies([session_cookie(people["administrator"], live_server.url)])
    page = admin_context.new_page()
    page.goto(live_server.url + "/manage/accounts/invite/")
    page.get_by_label("Name").fill("Rosa Diaz")
    page.get_by_label("Email address").fill("rosa@example.org")
    page.get_by_label("Co-producer").check()
    page.get_by_role("button", name="Send invitation").click()
    expect(page.locator("main")).to_contain_text("Invitation sent to rosa@example.org")
    admin_context.close()

    token = Invitation.objects.get(email="rosa@example.org").token
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/invitation/{token}/")
    page.get_by_label("Create a password").fill("orange-bicycle-tree")
    page.get_by_label("Type the password again").fill("orange-bicycle-tree")
    page.get_by_role("button", name="Create my account").click()
    expect(page).to_have_url(re.compile(r"/home/$"))
    assert User.objects.get(email="rosa@example.org").role_set == {"coproducer"}
    context.close()


def test_a_supporter_replies_for_someone_who_sees_it_in_their_history_without_javascript(
    browser, live_server, people
):
    from coproduce.accounts.tests.factories import UserFactory
    from coproduce.meetings import actions as meeting_actions
    from coproduce.meetings.tests.factories import make_meeting

    person = people["coproducer"]
    UserFactory(email="robin.pa@example.org", name="Robin PA", roles=["coproducer"])
    meeting = make_meeting(organiser=people["staff"], title="Transport forum", capacity=10)
    meeting_actions.invite(meeting=meeting, people=[person], invited_by=people["staff"])

    # (Axe needs JavaScript, so these pages are checked by the crawl, with and without it.)
    # The person lets Robin reply to their invitations.
    person_context = browser.new_context(java_script_enabled=False)
    person_context.add_cookies([session_cookie(person, live_server.url)])
    page = person_context.new_page()
    page.goto(live_server.url + "/you/")
    page.get_by_role("link", name="Let a supporter act for you").click()
    page.get_by_label("Their email address").fill("robin.pa@example.org")
    page.get_by_label("Reply to invitations to meetings for you").check()
    page.get_by_role("button", name="Let them act for you").click()
    expect(page.locator("main")).to_contain_text("Robin PA can now act for you")

    # Robin signs in with their own account and replies for them, coming too.
    context = browser.new_context(java_script_enabled=False)
    robin_page = context.new_page()
    robin_page.goto(live_server.url + "/accounts/login/")
    robin_page.get_by_label("Email address").fill("robin.pa@example.org")
    robin_page.get_by_label("Password").fill(PASSWORD)
    robin_page.get_by_role("button", name="Sign in", exact=True).click()
    expect(robin_page).to_have_url(re.compile(r"/home/$"))
    robin_page.goto(live_server.url + "/you/")
    robin_page.get_by_role("link", name="People you support").click()
    robin_page.get_by_role("link", name=f"Act for {person.name}").click()
    expect(robin_page.locator("h1")).to_have_text(f"{person.name}'s meetings")
    robin_page.get_by_role("link", name=re.compile(r"Reply for them.*Transport forum")).click()
    robin_page.get_by_label("Yes, they are coming").check()
    robin_page.get_by_label("I am coming with them").check()
    robin_page.get_by_role("button", name="Send their reply").click()
    expect(robin_page.locator("main")).to_contain_text(f"Reply sent for {person.name}: coming")
    context.close()

    # The person sees what Robin did in their history.
    page.goto(live_server.url + "/you/history/")
    history = page.locator("table")
    expect(history).to_contain_text(
        "Replied to the invitation to Transport forum: Coming, with their supporter coming too"
    )
    expect(history).to_contain_text("Robin PA (as a supporter)")
    person_context.close()
    assert meeting.invitations.places_taken() == 2


FORMS = [
    ("anonymous", "/accounts/login/", "Sign in"),
    ("anonymous", "/accounts/password/reset/", "Email me a link"),
    ("administrator", "/manage/accounts/invite/", "Send invitation"),
    ("coproducer", "/accounts/password/change/", "Save new password"),
    ("coproducer", "/you/acting-for-you/", "Let them act for you"),
]


@pytest.mark.parametrize(("role", "path", "button"), FORMS)
def test_form_errors_are_summarised_linked_and_accessible(
    browser, live_server, people, role, path, button
):
    context = browser.new_context()
    if role != "anonymous":
        context.add_cookies([session_cookie(people[role], live_server.url)])
    page = context.new_page()
    page.goto(live_server.url + path)
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()
    # The sign-in page also holds a hidden summary for a passkey that was not used.
    summary = page.locator(".govuk-error-summary:visible")
    assert summary.count() == 1
    assert page.title().startswith("Error: ")
    # GOV.UK Frontend moves focus to the summary so screen readers hear it first.
    assert page.evaluate("document.activeElement.closest('.govuk-error-summary') !== null")
    first_link = summary.locator("a").first
    target = first_link.get_attribute("href")
    first_link.click()
    assert page.evaluate("document.activeElement.id") == target.lstrip("#")
    assert axe_violations(page) == []
    context.close()


WIDER_THAN_VIEWPORT = """
document.documentElement.scrollWidth <= document.documentElement.clientWidth ? [] :
  Array.from(document.querySelectorAll('body *'))
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .map(e => e.tagName.toLowerCase() + '.' + e.className).slice(0, 5)
"""


@pytest.mark.parametrize(
    "classes",
    [
        "cp-contrast-high",
        "cp-text-200",
        "cp-spacing-wide cp-motion-reduced",
        "cp-contrast-high cp-text-200",
        "cp-tint-cream",
        "cp-tint-blue",
        "cp-tint-green",
        "cp-tint-grey",
    ],
)
@pytest.mark.parametrize("role", ["anonymous", "administrator"])
def test_display_settings_stay_accessible(browser, live_server, people, role, classes):
    context = browser.new_context()
    if role != "anonymous":
        context.add_cookies([session_cookie(people[role], live_server.url)])
    page = context.new_page()
    problems = []
    for path in ["/", "/display-settings/"] + (
        ["/manage/accounts/", "/home/"] if role != "anonymous" else []
    ):
        page.goto(live_server.url + path)
        page.evaluate(f"document.documentElement.classList.add(...'{classes}'.split(' '))")
        problems += [f"{path}: {problem}" for problem in axe_violations(page)]
        page.set_viewport_size({"width": 320, "height": 640})
        wide = page.evaluate(WIDER_THAN_VIEWPORT)
        if wide:
            problems.append(f"{path}: scrolls sideways at 320 px because of {wide}")
        page.set_viewport_size({"width": 1024, "height": 768})
    context.close()
    assert problems == []


@pytest.mark.parametrize(
    ("font", "family"),
    [("hyperlegible", "Atkinson Hyperlegible Next"), ("opendyslexic", "OpenDyslexic")],
)
def test_a_chosen_font_comes_from_this_site_and_fits_a_small_screen(
    browser, live_server, font, family
):
    context = browser.new_context()
    context.add_cookies(
        [{"name": "cp_display", "value": f"t-200.f-{font}", "url": live_server.url}]
    )
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(live_server.url + "/display-settings/")
    loaded = page.evaluate(
        "document.fonts.ready.then(() => [...document.fonts]"
        ".filter(face => face.status === 'loaded').map(face => face.family))"
    )
    assert any(family in name for name in loaded)
    fonts = [url for url in fetched if url.endswith(".woff2")]
    assert fonts and all(url.startswith(live_server.url + "/static/dist/fonts/") for url in fonts)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate(WIDER_THAN_VIEWPORT) == []
    assert axe_violations(page) == []
    context.close()


def test_session_warning_appears_and_extends_the_session(browser, live_server, people, settings):
    # The warning comes 6 seconds into a 30-second session: 24 seconds to check the page
    # and press the button before the session ends, on a slow machine too.
    settings.SESSION_COOKIE_AGE = 30
    settings.COPRODUCE_SESSION_WARNING_SECONDS = 24
    context = browser.new_context()
    context.add_cookies([session_cookie(people["staff"], live_server.url)])
    page = context.new_page()
    page.goto(live_server.url + "/home/")
    warning = page.locator("[data-session-warning]")
    assert warning.is_hidden()
    warning.wait_for(state="visible", timeout=12000)
    assert page.evaluate("document.activeElement.textContent.trim()") == "Stay signed in"
    assert axe_violations(page) == []
    page.keyboard.press("Enter")
    warning.wait_for(state="hidden", timeout=4000)
    assert re.search("still signed in", page.locator("[data-session-status]").inner_text())
    context.close()


def test_a_new_co_producer_asks_for_a_peer_supporter_and_the_lead_pairs_them_without_javascript(
    browser, live_server, people
):
    from coproduce.accounts.tests.factories import UserFactory
    from coproduce.peers import actions as peers

    supporter = UserFactory(name="Sunita Shah", roles=["coproducer"])
    peers.save_offer(
        person=supporter,
        can_offer="I can talk you through your first meetings.",
        ways=["phone", "video"],
        use_lived_experience=False,
        available=True,
    )

    def page_as(person):
        context = browser.new_context(java_script_enabled=False)
        context.add_cookies([session_cookie(person, live_server.url)])
        return context, context.new_page()

    context, page = page_as(people["coproducer"])
    page.goto(live_server.url + "/home/")
    page.get_by_role("link", name="Peer support", exact=True).first.click()
    page.get_by_role("link", name="Ask for a peer supporter").click()
    page.get_by_label("What you hope a peer supporter can help with").fill(
        "Someone to talk to before my first meeting."
    )
    page.get_by_label("On the phone").check()
    page.get_by_role("button", name="Ask for a peer supporter").click()
    expect(page.locator("main")).to_contain_text("The co-production lead will find you")
    context.close()

    context, page = page_as(people["lead"])
    page.goto(live_server.url + "/home/")
    expect(page.locator("main")).to_contain_text("1 person is waiting for a peer supporter")
    page.get_by_role("link", name="Peer support", exact=True).first.click()
    page.get_by_role("link", name="Find a peer supporter for Test coproducer").click()
    expect(page.locator("main")).to_contain_text("Ways they can both meet: On the phone")
    page.get_by_label("Sunita Shah").check()
    page.get_by_role("button", name="Pair them").click()
    expect(page.locator("main")).to_contain_text("Test coproducer is paired with Sunita Shah")
    expect(page.locator("h1")).to_have_text("Sunita Shah and Test coproducer")
    context.close()

    context, page = page_as(people["coproducer"])
    page.goto(live_server.url + "/peer-support/")
    page.get_by_role("link", name="Sunita Shah is your peer supporter").click()
    expect(page.locator("h1")).to_have_text("Sunita Shah and Test coproducer")
    context.close()

    context, page = page_as(supporter)
    page.goto(live_server.url + "/peer-support/")
    page.get_by_role("link", name="You support Test coproducer").click()
    expect(page.locator("main")).to_contain_text("Someone to talk to before my first meeting.")
    context.close()
