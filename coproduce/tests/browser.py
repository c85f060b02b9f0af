"""Playwright driving Debian's Chromium, for the browser tests. Never downloads a
browser: it launches /usr/bin/chromium, which `make test` installs."""

import os

import pytest
from django.conf import settings
from django.test import Client

CHROMIUM = os.environ.get("COPRODUCE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def launch(playwright):
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"The browser tests need Chromium at {CHROMIUM}: run `make test`, which installs it."
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def session_cookie(user, live_server_url):
    """A signed-in session for `user`, as a cookie Playwright can add."""
    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server_url,
    }
