"""Issue 18's journey in a real browser with JavaScript switched off: the lead writes a
commitment linked to a dashboard figure and sees its trajectory, month by month and in
words."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduce.insights import actions as insights_actions
from coproduce.strategy.models import Commitment
from coproduce.strategy.trajectory import months_before
from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEY = "projects.from_the_start"


@pytest.fixture
def no_js_context(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context
    context.close()


def test_the_lead_writes_a_commitment_and_sees_its_trajectory(no_js_context, live_server, people):
    today = timezone.localdate()
    insights_actions.record_demo_history(
        key=KEY,
        values={
            min(months_before(today, back - 1) - timedelta(days=1), today): Decimal(60 - 4 * back)
            for back in range(5, -1, -1)
        },
        title="Projects that involved co-producers from the start",
        unit="%",
    )
    context = no_js_context
    context.add_cookies([session_cookie(people["lead"], live_server.url)])
    page = context.new_page()
    page.goto(live_server.url + "/strategy/")
    expect(page.locator("h1")).to_have_text("Co-production strategy")
    page.get_by_role("link", name="Add a commitment").click()
    expect(page.locator("h1")).to_have_text("Add a commitment")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()

    page.get_by_label("What we commit to", exact=True).fill(
        "70% of projects involve co-producers from the start"
    )
    page.get_by_label("Owner").select_option(label=str(people["lead"]))
    page.get_by_label("By when").fill((today + timedelta(days=200)).isoformat())
    page.get_by_label("Dashboard figure that measures it").select_option(value=KEY)
    page.get_by_label("Target (optional)").fill("70")
    page.get_by_label("At least the target").check()
    page.get_by_label("Show it on the public site").check()
    page.get_by_role("button", name="Save").click()

    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "is added to the strategy"
    )
    commitment = Commitment.objects.get()
    card = page.locator(f"#commitment-{commitment.pk}")
    expect(card).to_contain_text("On track. It is 60% now;")
    table = card.get_by_role("table")
    expect(table.locator("caption")).to_contain_text("at the end of each month")
    expect(table.locator("tbody tr")).to_have_count(7)  # six months and the trend carried on
    card.get_by_role("link", name="Projects that involved co-producers from the start").click()
    expect(page.locator("h1")).to_have_text("How co-production is going")
    expect(page.locator("#figure-projectsfrom_the_start")).to_be_visible()

    page.goto(live_server.url + "/updates/")
    page.get_by_role("link", name="Our commitments").click()
    expect(page.locator("h1")).to_have_text("Our commitments")
    expect(page.locator("main")).to_contain_text(
        "70% of projects involve co-producers from the start"
    )
    expect(page.locator("main")).to_contain_text("On track.")


def test_the_strategy_pages_pass_axe_in_english_and_welsh(browser, live_server, people):
    """The crawl covers these pages for every role; this checks them on their own, with
    a trajectory, a co-author and a public commitment, in both languages."""
    from django.conf import settings

    from coproduce.strategy.tests.factories import make_commitment
    from coproduce.tests.test_accessibility_crawl import (
        english_interface_text,
        page_problems,
        welsh_problems,
    )

    today = timezone.localdate()
    insights_actions.record_demo_history(
        key=KEY,
        values={
            months_before(today, back) + timedelta(days=1): Decimal(40 + back) for back in range(6)
        },
        title="From the start",
        unit="%",
    )
    commitment = make_commitment(
        by=people["lead"],
        figure_key=KEY,
        target=Decimal(70),
        direction="at_least",
        public=True,
        co_authors=[people["coproducer"]],
        text_cy="Bydd 70% o brosiectau yn cynnwys cyd-gynhyrchwyr o'r dechrau",
    )
    english = english_interface_text()
    paths = [
        "/strategy/",
        "/strategy/new/",
        f"/strategy/{commitment.pk}/edit/",
        "/our-commitments/",
        "/updates/",
    ]
    problems = {}
    for welsh in (False, True):
        context = browser.new_context(viewport={"width": 1024, "height": 768})
        context.add_cookies([session_cookie(people["lead"], live_server.url)])
        if welsh:
            context.add_cookies(
                [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "cy", "url": live_server.url}]
            )
        page = context.new_page()
        for path in paths:
            page.goto(live_server.url + path)
            found = page_problems(page, skip_check=False)
            if welsh:
                found += welsh_problems(page, english)
            if found:
                problems[f"{path} ({'cy' if welsh else 'en'})"] = found
        context.close()
    assert not problems, problems
