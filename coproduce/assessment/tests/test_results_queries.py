"""A round's results page costs the same queries with a handful of answers and
comments as with many (issue 15), at most 15; its comments come a page at a time, each
once; the stored results follow every answer sent."""

import re
from decimal import Decimal

import pytest
from django.test import Client

from coproduce.accounts.tests.factories import UserFactory
from coproduce.assessment import actions
from coproduce.assessment.models import Answer, Result
from coproduce.assessment.results import COMMENTS_PAGE_SIZE, area_scores
from coproduce.assessment.tests.factories import COPRODUCER, STAFF, answer_all, open_round
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


def crowd(round_, n, comment="Said something"):
    for number in range(n):
        role, perspective = ("staff", STAFF) if number % 2 else ("coproducer", COPRODUCER)
        answer_all(round_, UserFactory(roles=[role]), perspective, 1 + number % 5,
                   comment=f"{comment} {number}")  # fmt: skip


def test_results_cost_the_same_for_a_few_comments_and_for_many(people):
    lead = people["lead"]
    earlier = open_round(lead=lead, title="Last year")
    round_ = open_round(lead=lead, title="This year", framework=earlier.framework)
    crowd(earlier, 2)
    crowd(round_, 2)
    client = Client()
    client.force_login(lead)
    url = round_.get_absolute_url()
    counts = assert_queries_do_not_grow(
        {"lead: results": (client, url), "lead: a later page": (client, lambda: url + _next(client, url))},
        lambda: (crowd(round_, 40), crowd(earlier, 10)),
    )  # fmt: skip
    assert max(counts.values()) <= 15, counts
    assert Answer.objects.exclude(comment="").count() > 40 * 19


def _next(client, url):
    found = re.search(r'href="(\?[^"]*)" rel="next"', client.get(url).content.decode())
    return found.group(1).replace("&amp;", "&") if found else ""


def _comments(page):
    return re.findall(r"said: ([^<]+)</p>", page)


def test_comments_come_a_page_at_a_time_each_once_in_order_of_statement(people):
    round_ = open_round(lead=people["lead"])
    crowd(round_, 3)  # 57 comments: three pages
    client = Client()
    client.force_login(people["lead"])
    url, link, pages = round_.get_absolute_url(), "", []
    for _ in range(10):
        page = client.get(url + link).content.decode()
        pages.append(_comments(page))
        link = _next(client, url + link)
        if not link:
            break
    statements = round_.framework.statements.count()
    assert [len(p) for p in pages] == [COMMENTS_PAGE_SIZE, COMMENTS_PAGE_SIZE, 3 * statements - 40]
    shown = [comment for page in pages for comment in page]
    expected = list(
        Answer.objects.exclude(comment="").order_by("statement_id", "pk").values_list("comment", flat=True)
    )  # fmt: skip
    assert shown == expected and len(shown) == 3 * statements
    for cursor in ("garbage", "1_", "_1", "-1_-1", "9" * 60 + "_1", "1.5_2"):
        response = client.get(url, {"after": cursor})
        assert response.status_code == 200 and _comments(response.content.decode()) == pages[0]


def test_the_stored_results_follow_answers_changed_after_sending(people):
    round_ = open_round(lead=people["lead"])
    staff = [UserFactory(roles=["staff"]) for _ in range(5)]
    for person in staff:
        answer_all(round_, person, STAFF, 4)
    assert area_scores([round_.pk])[round_.pk]["culture"].staff == 4
    answer_all(round_, staff[0], STAFF, 1)  # changed while the round is open
    assert area_scores([round_.pk])[round_.pk]["culture"].staff == Decimal("3.4")
    rows = Result.objects.filter(round=round_)
    assert rows.get(area="", statement=None, perspective=STAFF).people == 5
    # A draft is not counted and does not change what is stored.
    answer_all(round_, UserFactory(roles=["staff"]), STAFF, 5, submit=False)
    assert rows.get(area="", statement=None, perspective=STAFF).people == 5
    actions.tally_results(round_=round_)  # working it out again gives the same rows
    assert rows.count() == 1 + 4 + round_.framework.statements.count()
