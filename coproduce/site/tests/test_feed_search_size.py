"""The Atom feed, search on SQLite, page weight and query counts."""

import gzip
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coproduce.site.models import AccessibilityCheck, SpotlightStatus, Status
from coproduce.site.search import search

from .helpers import make_case_study, make_spotlight, make_update

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom_feed_lists_published_updates(client):
    make_update("first", title="Paying within a week", body="We now **pay** fast.")
    make_update("hidden", title="Draft plan", status=Status.DRAFT)
    response = client.get(reverse("site:update_feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["Paying within a week"]
    assert "<strong>pay</strong>" in root.find(f"{ATOM}entry/{ATOM}summary").text


def test_search_finds_published_items_only():
    """Runs on both databases: full-text search on PostgreSQL, the word match on SQLite."""
    make_update(
        "interpreters", title="Booking interpreters", body="We book BSL Interpreters early."
    )
    make_update("secret", title="Interpreters budget", status=Status.DRAFT)
    make_case_study(
        "venues", status=Status.PUBLISHED, body="Every venue has step-free access and interpreters."
    )
    make_spotlight(
        status=SpotlightStatus.PUBLISHED,
        title="Deaf-led meetings",
        story="BSL interpreters at each.",
    )
    make_spotlight(status=SpotlightStatus.SUBMITTED, title="Unreviewed interpreters story")
    results = search("INTERPRETERS")
    assert sorted(r["kind"] for r in results) == ["Case study", "Spotlight story", "Update"]
    assert all("Unreviewed" not in r["title"] and "budget" not in r["title"] for r in results)
    # Every word must match somewhere.
    assert [r["title"] for r in search("interpreters step-free")] == ["Case study venues"]
    assert search("interpreters unicorns") == []
    assert search("   ") == []


def test_search_page_shows_results(client):
    make_update("interpreters", title="Booking interpreters")
    page = client.get(reverse("site:search"), {"q": "interpreters"}).content.decode()
    assert "1 result" in page and "Booking interpreters" in page


def gzipped_size(response):
    return len(gzip.compress(response.content, compresslevel=6))


def test_home_and_update_pages_are_small(client, people):
    for number in range(5):
        make_update(f"update-{number}", title=f"Update number {number}", body="Some text. " * 200)
    make_case_study("featured", status=Status.PUBLISHED, featured=True)
    sizes = {
        "home": gzipped_size(client.get(reverse("site:home"))),
        "update": gzipped_size(client.get(reverse("site:update_detail", args=["update-1"]))),
        "update list": gzipped_size(client.get(reverse("site:update_list"))),
    }
    print(f"\nGzipped HTML sizes in bytes: {sizes}")
    assert all(size <= 20 * 1024 for size in sizes.values()), sizes


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url_name", ["site:home", "site:update_list", "site:case_study_list", "site:spotlight_list"]
)
def test_query_count_does_not_grow_with_content(client, url_name):
    def add(start, count):
        for number in range(start, start + count):
            make_update(f"u{number}")
            make_case_study(f"c{number}", status=Status.PUBLISHED, featured=True)
            make_spotlight(status=SpotlightStatus.PUBLISHED, title=f"S{number}")

    add(0, 2)
    before = count_queries(client, reverse(url_name))
    add(2, 15)
    assert count_queries(client, reverse(url_name)) == before


def test_statement_shows_the_latest_recorded_check(client_as):
    import datetime

    lead = client_as("lead")
    response = lead.post(
        reverse("site:statement_edit"),
        {
            "record_check": "1",
            "check-checked_on": "2/3/2026",
            "check-pages_checked": "312",
            "check-problems_found": "0",
            "check-how": "axe-core in Chromium",
        },
    )
    assert response.status_code == 302
    assert AccessibilityCheck.objects.get().checked_on == datetime.date(2026, 3, 2)
    page = client_as("anonymous").get(reverse("site:accessibility")).content.decode()
    assert (
        "last recorded an automated check on 2 March 2026" in page and "checked 312 pages" in page
    )


def test_lead_edits_a_page_and_its_easy_read_version(client_as):
    lead = client_as("lead")
    lead.post(
        reverse("site:page_edit", args=["payment-policy"]),
        {"body": "We pay for your **time**.", "easy_read": "We pay you."},
    )
    visitor = client_as("anonymous")
    page = visitor.get(reverse("site:payment_policy")).content.decode()
    assert "We pay for your <strong>time</strong>." in page
    assert reverse("site:payment_policy_easy_read") in page
    easy = visitor.get(reverse("site:payment_policy_easy_read")).content.decode()
    assert "We pay you." in easy and reverse("site:payment_policy") in easy


def test_every_page_links_the_statement_and_privacy_notice(client_as):
    for role in ("anonymous", "coproducer"):
        page = client_as(role).get(reverse("site:contact")).content.decode()
        assert reverse("site:accessibility") in page and reverse("site:privacy") in page


def test_a_check_recorded_from_the_command_line_reaches_the_statement(client):
    import datetime

    from django.core.management import CommandError, call_command

    call_command("record_accessibility_check", pages=204, problems=1, date="2026-01-15")
    page = client.get(reverse("site:accessibility")).content.decode()
    assert "15 January 2026" in page and "checked 204 pages and found 1 problem." in page
    with pytest.raises(CommandError):
        call_command("record_accessibility_check", pages=1, problems=0, date="15/01/2026")
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    with pytest.raises(CommandError):
        call_command("record_accessibility_check", pages=1, problems=0, date=tomorrow)
