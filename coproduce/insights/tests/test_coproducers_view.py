"""The co-producers' view of the dashboard and their commentary in the board report
(issue 16): only the four figure families, from the stored figures, with "Figures as
of"; a commentary with the author's name only when they consent, escaped, in the
dashboard and in the PDF made from report.html."""

from datetime import timedelta

import pytest
from django.template.defaultfilters import slugify
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.insights import stored
from coproduce.insights.models import BoardCommentary, FigureSet
from coproduce.insights.tests.data import build
from coproduce.insights.views import COPRODUCERS_FIGURES
from coproduce.lib import figures
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

MOST_QUERIES = 15


def _signed_in(person):
    client = Client()
    client.force_login(person)
    return client


def test_coproducers_see_only_their_four_families_from_stored_figures(client_as, people):
    build(1, people["lead"])
    url = reverse("insights:coproducers")
    page = client_as("coproducer").get(url).content.decode()
    for key in COPRODUCERS_FIGURES:
        assert f'id="figure-{slugify(key)}"' in page, key
    others = [s.key for s in figures.sources() if s.key not in COPRODUCERS_FIGURES]
    assert others
    for key in others:
        assert f'id="figure-{slugify(key)}"' not in page, key
    assert "Figures as of" in page and "today" in page
    assert "Counts of fewer than 5 people are not shown" in page
    # Worked out once, for an audience with no permissions, and read from then on.
    figure_set = FigureSet.objects.get()
    assert not any(figure_set.asked.values())
    # The lead and the board see the same view from the same stored set; links into
    # the records show only to those who may follow them.
    lead = client_as("lead").get(url).content.decode()
    board = client_as("board").get(url).content.decode()
    assert FigureSet.objects.count() == 1
    assert "Go to the whole dashboard" in lead
    assert "See the records behind this" in lead
    assert "See the records behind this" not in board
    # A period that is not a preset is the last 12 months; no server error.
    assert client_as("coproducer").get(url + "?period=custom&start=x").status_code == 200
    assert client_as("staff").get(url).status_code == 403
    assert client_as("finance").get(url).status_code == 403


def test_the_coproducers_view_costs_the_same_with_ten_times_the_records(people):
    build(1, people["lead"])
    url = reverse("insights:coproducers")
    pages = {
        "co-producer": (_signed_in(people["coproducer"]), url),
        "co-producer, 3 months": (_signed_in(people["coproducer"]), url + "?period=3m"),
        "board": (_signed_in(people["board"]), url),
    }
    for client, page_url in pages.values():
        client.get(page_url)  # the first visit works the set out

    def grow():
        build(9, people["lead"])
        for number in range(30):
            BoardCommentary.objects.create(
                start=timezone.localdate() - timedelta(days=30),
                end=timezone.localdate(),
                text=f"Commentary {number}",
                author=people["coproducer"],
                show_name=bool(number % 2),
            )
        FigureSet.objects.update(computed_at=timezone.now() - timedelta(hours=1))
        assert stored.refresh_all() == 2

    small = assert_queries_do_not_grow(pages, grow)
    assert max(small.values()) <= MOST_QUERIES, small


def test_a_coproducer_writes_a_commentary_named_only_with_consent(client_as, people):
    build(1, people["lead"])
    client = client_as("coproducer")
    url = reverse("insights:commentary")
    page = client.get(url + "?period=3m").content.decode()
    assert 'value="3m"' in page and "Show my name" in page
    response = client.post(url, {"period": "12m", "text": "<b>Paid late</b> twice.\nAsk us."})
    assert response.status_code == 302
    assert response["Location"] == reverse("insights:coproducers") + "?period=12m"
    commentary = BoardCommentary.objects.get()
    assert commentary.author == people["coproducer"] and not commentary.show_name
    assert commentary.history.count() == 1  # the audit entry
    client.post(url, {"period": "3m", "text": "Access was good.", "show_name": "on"})

    for role in ("lead", "board"):
        dashboard = client_as(role).get(reverse("insights:dashboard")).content.decode()
        assert "&lt;b&gt;Paid late&lt;/b&gt; twice.<br>Ask us." in dashboard
        assert "<b>Paid late" not in dashboard
        assert "A co-producer, " in dashboard
        assert "Test coproducer, co-producer" in dashboard  # the one who consented
    # The board report of a period long before the commentaries holds neither.
    before = reverse("insights:dashboard") + "?period=custom&start=2001-01-01&end=2001-12-31"
    page = client_as("lead").get(before).content.decode()
    assert "No co-producer has written a commentary on this period yet." in page

    # Bad input: nothing stored, errors shown.
    client = client_as("coproducer")
    for data, error in (
        ({"period": "12m", "text": "  "}, "Write your commentary."),
        ({"period": "12m", "text": "x" * 4001}, "at most 4000 characters"),
        ({"period": "custom", "text": "Hello"}, "Select a valid choice"),
    ):
        response = client.post(url, data)
        assert response.status_code == 200 and error in response.content.decode()
    assert BoardCommentary.objects.count() == 2
    # Only co-producers write it.
    for role in ("lead", "board", "staff", "administrator"):
        assert client_as(role).post(url, {"period": "12m", "text": "Hi"}).status_code == 403
    assert BoardCommentary.objects.count() == 2


def test_the_board_report_pdf_carries_the_commentary(client_as, people, monkeypatch):
    import weasyprint

    build(1, people["lead"])
    client_as("coproducer").post(
        reverse("insights:commentary"),
        {"period": "12m", "text": "We want papers a week ahead.", "show_name": "on"},
    )
    made = []
    real = weasyprint.HTML

    def capture(*args, **kwargs):
        made.append(kwargs["string"])
        return real(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", capture)
    response = client_as("board").get(reverse("insights:report_pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    (html,) = made
    assert "<h2>Co-producers&#x27; commentary</h2>" in html or "Co-producers' commentary" in html
    assert "We want papers a week ahead." in html
    assert "Test coproducer, co-producer" in html
