"""The dashboard and its downloads read one stored set of figures: the same few queries
whatever the number of records (decision 0031)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.insights import stored
from coproduce.insights.models import BoardCommentary, FigureSet
from coproduce.insights.tests.data import build
from coproduce.tests.query_counts import assert_queries_do_not_grow, count_queries

pytestmark = pytest.mark.django_db

MOST_QUERIES = 15


def commentaries(author, n):
    """`n` commentaries with the author's name shown, over every period the pages show:
    the dashboard lists the newest 20, so 1 at the small size and 21 more at the large
    make a query a row show as growth."""
    today = timezone.localdate()
    BoardCommentary.objects.bulk_create(
        BoardCommentary(start=today - timedelta(days=3650), end=today + timedelta(days=365),
                        text=f"Commentary {i}", author=author, show_name=True)
        for i in range(n)
    )  # fmt: skip


@pytest.mark.parametrize("role", ["lead", "board"])
def test_dashboard_and_downloads_queries_stay_the_same_from_1x_to_10x_data(client_as, people, role):
    client = client_as(role)
    build(1, people["lead"])
    commentaries(people["coproducer"], 1)
    pages = {
        name: (client, reverse(f"insights:{name}"))
        for name in ("dashboard", "report_xlsx", "report_csv", "report_pdf")
    }
    pages["dashboard 3 months"] = (client, reverse("insights:dashboard") + "?period=3m")
    pages["report for 3 months"] = (client, reverse("insights:report_xlsx") + "?period=3m")
    for _client, url in pages.values():
        client.get(url)  # the first visit works the set out and stores it

    def grow():
        build(9, people["lead"])
        commentaries(people["coproducer"], 21)
        FigureSet.objects.update(computed_at=timezone.now() - timedelta(hours=1))
        assert stored.refresh_all() == 2  # each preset visited

    small = assert_queries_do_not_grow(pages, grow)
    assert max(small.values()) <= MOST_QUERIES, small
    page = client.get(reverse("insights:dashboard")).content.decode()
    assert "30 projects running in the period" in page
    assert page.count(", co-producer, ") == 20  # the commentaries counted were shown


def test_the_first_visit_works_the_figures_out_once(client_as, people):
    build(1, people["lead"])
    client = client_as("lead")
    first = count_queries(client, reverse("insights:dashboard"))
    again = count_queries(client, reverse("insights:dashboard"))
    assert again < first and again <= MOST_QUERIES
