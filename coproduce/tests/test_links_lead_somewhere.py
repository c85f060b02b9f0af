"""No page shows a link its reader cannot follow: as each role, every page the
authorisation table lets that role see is loaded, and every link in its <main> (and
its back link, just above) is followed; none may answer "You cannot see this page"
(403)."""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.urls import reverse

from coproduce.tests.authorisation import OK, SIGNED_IN
from coproduce.tests.test_authorisation import fixtures_for, table, url_for

# Following these would sign the person out or fetch a whole file: not pages.
NOT_FOLLOWED = ("/accounts/logout/",)
FILE_SUFFIXES = (".pdf", ".zip", ".xlsx", ".csv", ".ics")


def is_back_link(attrs):
    return "govuk-back-link" in (attrs.get("class") or "").split()


class MainLinks(HTMLParser):
    """The href of every <a> inside <main>, and of the back link."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.depth += 1
        elif tag == "a" and attrs.get("href") and (self.depth or is_back_link(attrs)):
            self.hrefs.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1


def internal_links(html, page):
    parser = MainLinks()
    parser.feed(html)
    for href in parser.hrefs:
        url, _ = urldefrag(urljoin(page, href))
        parts = urlsplit(url)
        if parts.scheme in ("", "http", "https") and parts.netloc in ("", "testserver"):
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if (
                path
                and not path.startswith(NOT_FOLLOWED)
                and not parts.path.endswith(FILE_SUFFIXES)
            ):
                yield path


def claim_for_a_project(people, fixtures):
    """Finance and the board meet projects through claims and budgets."""
    from coproduce.payments import actions
    from coproduce.payments.tests.factories import make_claim

    claim = make_claim(
        claimant=people["coproducer"], days_ago=5, project=fixtures["budget_project"]
    )
    actions.submit(claim=claim, by=people["coproducer"])
    return claim


@pytest.mark.django_db
@pytest.mark.parametrize("role", SIGNED_IN)
def test_every_link_on_a_page_can_be_followed(role, client_as, people):
    client = client_as(role)
    fixtures = fixtures_for(people)
    claim_for_a_project(people, fixtures)
    pages = [
        url_for(name, row, fixtures)
        for name, row in sorted(table().items())
        if row.crawl and row.expect[role] == OK
    ]
    # A page of the list is loaded anyway (and the table's test checks its answer).
    followed, refused = set(pages), []
    for page in pages:
        response = client.get(page)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        for link in internal_links(response.content.decode(), page):
            if link in followed:
                continue
            followed.add(link)
            if client.get(link).status_code == 403:
                refused.append(f"{page} links to {link}")
    assert followed, "no links were found: the parser or the table is broken"
    assert not refused, f"As {role}, links that end in 'You cannot see this page':\n" + "\n".join(
        refused
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role, linked", [("finance", False), ("coproducer", True)])
def test_a_link_nobody_may_follow_stays_as_plain_text(role, linked, client_as):
    page = client_as(role).get(reverse("site:home")).content.decode()
    assert "Open opportunities to take part" in page
    assert (f'href="{reverse("opportunities:opportunity_list")}"' in page) == linked
