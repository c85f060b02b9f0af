"""Fixtures every app's tests share: one person per role (after healthchecks'
alice/bob/charlie), and a signed-in test client for each."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls
# from fixtures in that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROLES = ("administrator", "lead", "staff", "finance", "board", "coproducer")

# The accessibility crawls take minutes each, other browser tests seconds, the rest
# milliseconds, but for two that start servers and wait on them (a minute each). In path
# order the crawls came last and one xdist worker sat idle while the other finished them.
# pytest-django has already put tests that share a transaction before transactional ones
# (whose flush empties the rows the data migrations seeded: rungs, the SCIE jigsaw), so
# only the order inside each of its groups may change: the two server tests (no database)
# first, then tests in a transaction, then the crawls ahead of the other transactional
# tests, with the short tests that need no database filling in behind.
LONG_WITHOUT_DATABASE = ("test_two_app_servers.py", "test_worker_process.py")
CRAWLS = "test_accessibility_crawl.py"


def _uses_database(item):
    return bool(item.get_closest_marker("django_db")) or "db" in item.fixturenames


def _transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return "transactional_db" in item.fixturenames or "live_server" in item.fixturenames


def _run_order(item):
    if item.path.name in LONG_WITHOUT_DATABASE:
        return 0
    if not _uses_database(item):
        return 5
    if not _transactional(item):
        return 1
    if item.path.name == CRAWLS:
        return 2
    return 3 if item.get_closest_marker("browser") else 4


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    items.sort(key=_run_order)


@pytest.fixture
def people(db):
    """One account per role, plus one person who is both co-producer and staff."""
    from coproduce.accounts.tests.factories import UserFactory

    accounts = {
        role: UserFactory(email=f"{role}@example.org", name=f"Test {role}", roles=[role])
        for role in ROLES
    }
    accounts["coproducer_staff"] = UserFactory(
        email="both@example.org", name="Test both", roles=["coproducer", "staff"]
    )
    accounts["no_role"] = UserFactory(email="norole@example.org", name="Test no role", roles=[])
    return accounts


@pytest.fixture
def client_as(client, people):
    """client_as("lead") -> the test client signed in as the lead."""

    def sign_in(role):
        client.logout()
        if role != "anonymous":
            client.force_login(people[role])
        return client

    return sign_in


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from coproduce.tests.browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: pages keep worked-out figures there (the
    claims list's time to pay), which another test's data must not answer."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def english_again():
    """A request in Welsh leaves Welsh active in its thread: each test starts in English."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True, scope="session")
def own_changes_stamp(tmp_path_factory):
    """Each test process keeps its own changes stamp (lib.changes): with the suite split
    over two processes, one's committed writes would otherwise move the stamp under a
    test in the other that checks it did not move."""
    from coproduce.lib import changes

    stamp = tmp_path_factory.mktemp("changes") / "changes.stamp"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(changes, "_stamp_file", lambda: stamp)
        yield
