"""Those who manage opportunities see first the ones still to fill (open, and their
drafts), soonest closing first; the closed ones are a choice away, most recently
closed first. Everyone else sees only open ones."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.opportunities.models import Opportunity

from .factories import make_opportunity

pytestmark = pytest.mark.django_db


def titles_in(html, titles):
    return sorted((title for title in titles if title in html), key=html.index)


def test_managers_see_what_is_still_to_fill_first_and_the_closed_ones_on_request(client_as, people):
    today = timezone.localdate()
    for title, days, status in (
        ("Closes soon", 3, Opportunity.Status.OPEN),
        ("Closes later", 30, Opportunity.Status.OPEN),
        ("Still a draft", 60, Opportunity.Status.DRAFT),
        ("Closed last week", -7, Opportunity.Status.OPEN),  # open, but its date passed
        ("Closed long ago", -300, Opportunity.Status.CLOSED),
        ("Closed early", 10, Opportunity.Status.CLOSED),
    ):
        make_opportunity(
            created_by=people["staff"],
            title=title,
            status=status,
            closing_on=today + timedelta(days=days),
        )
    every = [
        "Closes soon",
        "Closes later",
        "Still a draft",
        "Closed last week",
        "Closed long ago",
        "Closed early",
    ]
    url = reverse("opportunities:opportunity_list")
    staff = client_as("staff")
    html = staff.get(url).content.decode()
    assert titles_in(html, every) == ["Closes soon", "Closes later", "Still a draft"]
    assert 'name="show"' in html
    html = staff.get(url, {"show": "closed"}).content.decode()
    assert titles_in(html, every) == ["Closed early", "Closed last week", "Closed long ago"]
    # A co-producer has no such choice: asking for closed ones still shows open ones.
    coproducer = client_as("coproducer")
    html = coproducer.get(url, {"show": "closed"}).content.decode()
    assert titles_in(html, every) == ["Closes soon", "Closes later"]
    assert 'name="show"' not in html
