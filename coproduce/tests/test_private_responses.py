"""Pages with personal data say `Cache-Control: private, no-store`, so a shared
computer's browser or a proxy keeps no copy. Every response to a signed-in person
is checked by the authorisation table's test; here, the pages reached by a personal
link without signing in, and public pages, which stay cacheable."""

import pytest

from coproduce.tests.authorisation import is_private
from coproduce.tests.test_authorisation import fixtures_for, table, url_for

# Reached by a token in the address, without signing in.
PERSONAL_LINKS = (
    "accounts:accept_invitation",
    "meetings:calendar_feed",
    "meetings:reply_by_link",
    "site:spotlight_change",
    "account_confirm_email",
    "account_reset_password_from_key",
)


@pytest.mark.django_db
def test_personal_links_are_private_without_signing_in(client_as, people):
    client = client_as("anonymous")
    fixtures = fixtures_for(people)
    rows = table()
    for name in PERSONAL_LINKS:
        response = client.get(url_for(name, rows[name], fixtures))
        assert response.status_code == 200, name
        assert is_private(response), f"{name}: {response.get('Cache-Control')}"


@pytest.mark.django_db
def test_a_personal_link_stays_private_after_a_reply(client_as, people):
    fixtures = fixtures_for(people)
    url = url_for("meetings:reply_by_link", table()["meetings:reply_by_link"], fixtures)
    response = client_as("anonymous").post(url, {"reply": "no"})
    assert is_private(response)


@pytest.mark.django_db
def test_public_pages_stay_cacheable(client_as, people):
    client = client_as("anonymous")
    fixtures = fixtures_for(people)
    marked = []
    for name, row in sorted(table().items()):
        url = url_for(name, row, fixtures)
        # Only our own pages: allauth's sign-in pages and health say never to cache.
        if name in PERSONAL_LINKS or ":" not in name:
            continue
        response = client.get(url)
        if is_private(response):
            marked.append(f"{name} ({url})")
    assert not marked, "public responses marked private:\n" + "\n".join(marked)
