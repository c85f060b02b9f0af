"""The API's pages under axe in Chromium, in English and in Welsh: the documentation
page, a person's tokens, making one and seeing it once, the organisation's tokens and
the two-factor page a staff-side role is shown."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.api.tests.factories import make_token
from coproduce.tests.browser import session_cookie
from coproduce.tests.test_accessibility_crawl import page_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def visit(browser, live_server, person=None, language="en"):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    if person is not None:
        context.add_cookies([session_cookie(person, live_server.url)])
    return context, context.new_page()


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_documentation_page_has_no_axe_violations(browser, live_server, language):
    context, page = visit(browser, live_server, language=language)
    page.goto(live_server.url + "/api/")
    assert page.locator("h1").count() == 1
    assert "/api/v1/figures" in page.content()
    assert page_problems(page, skip_check=False) == []
    context.close()


def test_a_coproducer_makes_and_revokes_a_token_in_the_browser(browser, live_server, people):
    make_token(person=people["coproducer"], scopes=["own_data"], name="Older token")
    context, page = visit(browser, live_server, people["coproducer"])
    page.goto(live_server.url + "/account/api-tokens/")
    assert page_problems(page, skip_check=False) == []
    page.get_by_role("link", name="Make a token").click()
    assert page_problems(page, skip_check=False) == []
    page.get_by_label("Name").fill("My own details")
    page.get_by_label("Your own details").check()
    expires = (timezone.localdate() + timedelta(days=30)).isoformat()
    page.get_by_label("Stops working on").fill(expires)
    page.get_by_role("button", name="Make the token").click()
    assert page.locator("h1").inner_text() == "Copy your token now"
    assert page.locator("code").inner_text().startswith("cp_")
    assert page_problems(page, skip_check=False) == []
    page.get_by_role("link", name="Back to tokens").click()
    page.get_by_role("button", name="Revoke Older token").click()
    assert "no longer works" in page.content()
    context.close()


@pytest.mark.parametrize("role", ["administrator", "finance"])
def test_staff_side_token_pages_have_no_axe_violations(browser, live_server, people, role):
    context, page = visit(browser, live_server, people[role], language="cy")
    paths = ["/account/api-tokens/new/"]
    if role == "administrator":
        make_token(by=people["administrator"], scopes=["figures"])
        paths += ["/manage/api-tokens/", "/manage/api-tokens/new/"]
    for path in paths:
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.lang") == "cy"
        assert page_problems(page, skip_check=False) == [], path
    context.close()
