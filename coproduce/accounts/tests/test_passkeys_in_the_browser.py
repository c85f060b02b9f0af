"""Passkeys in Chromium, with a virtual authenticator on the DevTools protocol standing
in for a phone or laptop (localhost is a secure context, so WebAuthn works there): the
first administrator adds one at first sign-in, then signs in with it instead of a
password, and with it after a password. Every passkey page is checked with axe, and the
scripts must run under the Content Security Policy."""

import re

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from coproduce.accounts.actions import create_administrator
from coproduce.tests.test_accessibility_crawl import page_problems, without_page_scripts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "ada@example.org"
PASSWORD = "kettle-harbour-violet-9"


@pytest.fixture
def first_admin(settings):
    settings.COPRODUCE_REQUIRE_MFA = True
    return create_administrator(email=EMAIL, name="Ada Lovelace", password=PASSWORD)


@pytest.fixture
def browser_page(browser):
    """A page with a virtual passkey authenticator that verifies its user (as a
    fingerprint or PIN would), and a list of anything the browser blocked or threw."""
    context = browser.new_context()
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    page.authenticator = devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )["authenticatorId"]
    page.devtools = devtools
    page.browser_problems = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.browser_problems.append(message.text),
    )
    page.on("pageerror", lambda error: page.browser_problems.append(str(error)))
    yield page
    context.close()


def assert_accessible(page, skip_check=True):
    """axe, one h1, the skip link (not after an error: focus is on the error summary
    then) and reflow at 320 px, as the accessibility crawl checks every page."""
    problems = page_problems(page, skip_check=skip_check)
    assert not problems, f"{page.url}:\n" + "\n".join(problems)


def sign_in_with_password(page, base_url):
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()


def confirm_password(page):
    """allauth asks for the password again before any change to how someone signs in."""
    expect(page.locator("h1")).to_have_text("Confirm it is you")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()


def sign_out(page):
    page.get_by_role("link", name="Sign out").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.locator(".cp-header__links").get_by_role("link", name="Sign in")).to_have_count(1)


def test_add_a_passkey_at_first_sign_in_then_sign_in_with_it(
    browser_page, live_server, first_admin
):
    page, base = browser_page, live_server.url

    # First sign-in: straight to setting up two-factor authentication.
    sign_in_with_password(page, base)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/$"))
    expect(page.locator("h1")).to_have_text("Two-factor authentication")
    expect(page.locator("main")).to_contain_text("A passkey lets you sign in with your fingerprint")
    expect(page.get_by_text("Passkeys need JavaScript")).to_be_hidden()
    assert_accessible(page)

    page.get_by_role("button", name="Add a passkey").click()
    confirm_password(page)
    expect(page.locator("h1")).to_have_text("Add a passkey")
    assert_accessible(page)
    page.get_by_label("Name for this passkey").fill("Work laptop")
    expect(page.get_by_label("Use it to sign in without your password")).to_be_checked()
    page.get_by_role("button", name="Create the passkey").click()

    # The first second factor comes with recovery codes, shown once straight away.
    expect(page).to_have_url(re.compile(r"/accounts/2fa/recovery-codes/$"))
    passkey = Authenticator.objects.get(user=first_admin, type=Authenticator.Type.WEBAUTHN)
    assert passkey.wrap().name == "Work laptop"
    assert passkey.wrap().is_passwordless is True

    page.goto(base + "/accounts/2fa/webauthn/")
    expect(page.locator("h1")).to_have_text("Your passkeys")
    expect(page.get_by_role("rowheader", name="Work laptop")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Rename Work laptop").click()
    expect(page.locator("h1")).to_have_text("Rename a passkey")
    assert_accessible(page)
    page.get_by_label("Name for this passkey").fill("")
    page.get_by_role("button", name="Save the name").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a name for this passkey.")
    expect(page).to_have_title(re.compile("^Error: Rename a passkey"))
    assert_accessible(page, skip_check=False)
    page.get_by_label("Name for this passkey").fill("My laptop")
    page.get_by_role("button", name="Save the name").click()
    expect(page.get_by_role("rowheader", name="My laptop")).to_be_visible()
    page.get_by_role("link", name="Remove My laptop").click()
    expect(page.locator("h1")).to_have_text("Remove the passkey “My laptop”?")
    assert_accessible(page)

    # Before a change to how they sign in, the passkey can confirm it is them.
    page.goto(base + "/accounts/2fa/webauthn/reauthenticate/")
    expect(page).to_have_title(re.compile("^Confirm it is you with a passkey"))
    expect(page.get_by_role("link", name="Use your password")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Use your passkey").click()
    expect(page).to_have_url(re.compile(r"/home/$"))

    # Everything else opens now.
    page.goto(base + "/home/")
    expect(page).to_have_url(re.compile(r"/home/$"))
    sign_out(page)

    # Sign in with the passkey alone.
    page.goto(base + "/accounts/login/")
    assert_accessible(page)
    page.get_by_role("button", name="Sign in with a passkey").click()
    expect(page).to_have_url(re.compile(r"/home/$"))
    expect(page.locator(".cp-header__links")).to_contain_text("Ada Lovelace")
    sign_out(page)

    # Or the password, then the passkey as the second step.
    sign_in_with_password(page, base)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    expect(page.locator("h1")).to_have_text("Confirm it is you")
    assert_accessible(page)
    page.get_by_role("button", name="Use your passkey").click()
    expect(page).to_have_url(re.compile(r"/home/$"))

    assert not page.browser_problems, page.browser_problems


def test_a_failed_passkey_prompt_says_what_happened(browser_page, live_server, first_admin):
    page, base = browser_page, live_server.url
    sign_in_with_password(page, base)
    page.goto(base + "/accounts/2fa/webauthn/add/")
    confirm_password(page)
    # The device cannot confirm it is them (a fingerprint not recognised, say).
    page.devtools.send(
        "WebAuthn.setUserVerified",
        {"authenticatorId": page.authenticator, "isUserVerified": False},
    )
    page.get_by_role("button", name="Create the passkey").click()
    summary = page.locator("[data-passkey-error]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("The passkey was not created")
    assert not Authenticator.objects.filter(user=first_admin).exists()


def test_without_javascript_the_pages_offer_the_authenticator_app(
    browser, live_server, first_admin
):
    context = browser.new_context()
    context.route("**/*", without_page_scripts)
    page = context.new_page()
    sign_in_with_password(page, live_server.url)
    page.goto(live_server.url + "/accounts/2fa/webauthn/add/")
    confirm_password(page)
    for path, title in [
        ("/accounts/2fa/", "Two-factor authentication"),
        ("/accounts/2fa/webauthn/add/", "Add a passkey"),
        ("/accounts/2fa/webauthn/", "Your passkeys"),
    ]:
        page.goto(live_server.url + path)
        expect(page.locator("h1")).to_have_text(title)
        expect(page.get_by_text("Passkeys need JavaScript")).to_be_visible()
        expect(page.get_by_role("link", name="use an authenticator app")).to_be_visible()
        expect(page.get_by_role("button", name=re.compile("passkey"))).to_have_count(0)
        assert_accessible(page)
    page.goto(live_server.url + "/accounts/login/")
    expect(page.get_by_role("button", name="Sign in with a passkey")).to_be_hidden()
    context.close()
