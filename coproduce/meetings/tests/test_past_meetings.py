"""Past meetings only grow, so they are paged from a cursor, most recent first, with no
total: counting every past meeting for page numbers grew with the organisation."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from coproduce.meetings.models import Meeting
from coproduce.meetings.tests.factories import make_meeting, make_venue

pytestmark = pytest.mark.django_db


def titles(page):
    return re.findall(r'<a class="govuk-link" href="/meetings/\d+/">([^<]+)</a>', page)


def test_past_meetings_come_a_page_at_a_time_most_recent_first_each_once(client_as, people):
    venue = make_venue()
    first = make_meeting(organiser=people["staff"], days=-1, title="Past 0", venue=venue)
    # 30 past meetings; five share a start, so the order within it is by key.
    for n in range(1, 30):
        Meeting.objects.create(
            **{
                field.attname: getattr(first, field.attname)
                for field in Meeting._meta.concrete_fields
                if not field.primary_key
            }
            | {"title": f"Past {n}", "starts_at": first.starts_at - timedelta(days=n // 5 * 5)}
        )
    make_meeting(organiser=people["staff"], days=3, title="Still to come", venue=venue)
    client = client_as("staff")
    url = reverse("meetings:meeting_list")
    page = client.get(url, {"when": "past"}).content.decode()
    assert "Most recent first" in page and "Still to come" not in page
    later = re.search(r'href="\?([^"]*)" rel="next"', page).group(1).replace("&amp;", "&")
    assert "when=past" in later
    second = client.get(f"{url}?{later}").content.decode()
    assert 'rel="next"' not in second and 'rel="prev"' in second
    shown = titles(page) + titles(second)
    expected = list(
        Meeting.objects.filter(title__startswith="Past")
        .order_by("-starts_at", "-pk")
        .values_list("title", flat=True)
    )
    assert shown == expected and len(shown) == 30
    # The upcoming list keeps its numbered pages and its total.
    assert "1 meeting" in client.get(url).content.decode()


def test_a_welsh_reader_pages_through_past_meetings_in_welsh(client_as, people):
    make_meeting(organiser=people["staff"], days=-2)
    client = client_as("staff")
    client.cookies["django_language"] = "cy"
    page = client.get(reverse("meetings:meeting_list"), {"when": "past"}).content.decode()
    assert "Y diweddaraf yn gyntaf" in page
