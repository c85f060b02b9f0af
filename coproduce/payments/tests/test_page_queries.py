"""The payments pages cost the same queries with one claim as with hundreds (issue 15),
at most 15 each; keyset pages are right when many claims share a date, and a cursor
changed by hand gives the first page, never an error."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.payments import actions
from coproduce.payments.models import Claim, PaymentBatch, Status
from coproduce.payments.tests.factories import make_claim
from coproduce.tests.query_counts import assert_queries_do_not_grow, count_queries

pytestmark = pytest.mark.django_db

MOST_QUERIES = 15


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def copies(claim, n, **fields):
    """`n` more claims like `claim` (on its date, so they tie), without the actions' steps."""
    values = {f.attname: getattr(claim, f.attname) for f in Claim._meta.concrete_fields}
    values.pop("id")
    return Claim.objects.bulk_create(Claim(**{**values, **fields}) for _ in range(n))


def approved(person, lead, **kwargs):
    claim = make_claim(claimant=person, **kwargs)
    actions.submit(claim=claim, by=person)
    actions.approve(claim=claim, by=lead)
    claim.refresh_from_db()
    return claim


def test_payments_pages_cost_the_same_for_two_claims_and_for_500(people):
    coproducer, lead, finance = people["coproducer"], people["lead"], people["finance"]
    claim = approved(coproducer, lead)
    batch = PaymentBatch.objects.create(created_by=finance)
    paid = {"status": Status.PAID, "batch": batch, "days_to_pay": 3, "paid_at": timezone.now()}
    copies(claim, 1, **paid)  # one waiting for a batch, one paid: each list has a row
    as_coproducer, as_lead, as_finance = signed_in(coproducer), signed_in(lead), signed_in(finance)
    claim_url = reverse("payments:claim_detail", args=[claim.pk])
    pages = {
        "co-producer: own claims": (as_coproducer, reverse("payments:my_claims")),
        "co-producer: a claim": (as_coproducer, claim_url),
        "co-producer: recognition": (as_coproducer, reverse("payments:recognition")),
        "lead: claims list": (as_lead, reverse("payments:claim_list")),
        "lead: paid claims": (as_lead, reverse("payments:claim_list") + "?status=paid"),
        "lead: a claim": (as_lead, claim_url),
        "finance: queue": (as_finance, reverse("payments:finance_queue")),
    }

    def grow():
        # 500 claims of the person's: paid (on their record), approved and waiting for
        # a batch (the finance queue), in batches (the queue's recent batches).
        copies(claim, 300, **paid)
        copies(claim, 198)
        PaymentBatch.objects.bulk_create(PaymentBatch(created_by=finance) for _ in range(30))

    counts = assert_queries_do_not_grow(pages, grow)
    assert Claim.objects.filter(claimant=coproducer).count() == 500
    too_many = {page: n for page, n in counts.items() if n > MOST_QUERIES}
    assert not too_many, too_many


def _walk(client, url, direction="after", start=""):
    """Every row's claim id, page by page, following the Next (or Previous) link."""
    seen, link = [], start
    for _ in range(50):  # bounded: a loop in the links fails the test instead of hanging
        page = client.get(url + link).content.decode()
        seen.append([int(pk) for pk in re.findall(r'href="/claims/(\d+)/"', page)])
        rel = "next" if direction == "after" else "prev"
        found = re.search(rf'href="\?([^"]*)" rel="{rel}"', page)
        if not found:
            return seen
        link = "?" + found.group(1).replace("&amp;", "&")
    raise AssertionError("more than 50 pages")


def test_keyset_pages_of_claims_that_share_a_date_show_each_claim_once(people):
    claim = make_claim(claimant=people["coproducer"], days_ago=5)
    copies(claim, 60)  # 61 on one day: the order within the day is by key
    make_claim(claimant=people["coproducer"], days_ago=2)
    make_claim(claimant=people["coproducer"], days_ago=9)
    client = signed_in(people["lead"])
    url = reverse("payments:claim_list")
    pages = _walk(client, url)
    expected = list(Claim.objects.order_by("-activity_date", "-pk").values_list("pk", flat=True))
    assert [len(p) for p in pages] == [25, 25, 13]
    assert [pk for p in pages for pk in p] == expected
    # Back from the last page: the same pages, in turn.
    link = ""
    for _ in pages[1:]:
        page = client.get(url + link).content.decode()
        link = "?" + re.search(r'href="\?([^"]*)" rel="next"', page).group(1).replace("&amp;", "&")
    back = _walk(client, url, "before", link)
    assert back == pages[::-1]


@pytest.mark.parametrize(
    "cursor",
    ["garbage", "_", "2026-13-45_1", "2026-01-01_x", "2026-01-01_-3", "1" * 500, "%00",
     "2026-01-01T10:00:00_5", "2026-01-01_99999999999999999999999", "２０２６-01-01_１"],
)  # fmt: skip
def test_a_cursor_changed_by_hand_gives_the_first_page(people, cursor):
    claim = make_claim(claimant=people["coproducer"])
    copies(claim, 55)
    first = signed_in(people["lead"]).get(reverse("payments:claim_list")).content
    for name in ("after", "before"):
        for client, url in (
            (signed_in(people["lead"]), reverse("payments:claim_list")),
            (signed_in(people["coproducer"]), reverse("payments:my_claims")),
            (signed_in(people["finance"]), reverse("payments:finance_queue")),
        ):
            response = client.get(url, {name: cursor})
            assert response.status_code == 200
    response = signed_in(people["lead"]).get(reverse("payments:claim_list"), {"after": cursor})
    assert re.findall(rb'href="/claims/(\d+)/"', response.content) == re.findall(
        rb'href="/claims/(\d+)/"', first
    )


def test_finance_batches_every_claim_approved_up_to_a_day_across_pages(people):
    lead, finance = people["lead"], people["finance"]
    claim = approved(people["coproducer"], lead)
    copies(claim, 70)  # more than a page
    late = approved(people["coproducer_staff"], lead)
    Claim.objects.filter(pk=late.pk).update(approved_at=timezone.now() + datetime.timedelta(days=2))
    client = signed_in(finance)
    page = client.get(reverse("payments:finance_queue")).content.decode()
    assert "72 approved claims are waiting" in page and 'rel="next"' in page
    # The later pages, from a cursor of a time and a key: the other 47, none twice.
    pages = [page]
    while len(pages) < 5 and 'rel="next"' in pages[-1]:
        after = re.search(r'href="\?([^"]*)" rel="next"', pages[-1]).group(1)
        url = reverse("payments:finance_queue") + "?" + after.replace("&amp;", "&")
        pages.append(client.get(url).content.decode())
    ticked = [re.findall(r'name="claims" type="checkbox" value="(\d+)"', p) for p in pages]
    assert [len(t) for t in ticked] == [25, 25, 22] and len({pk for t in ticked for pk in t}) == 72
    second = pages[-1]
    assert 'rel="prev"' in second and 'rel="next"' not in second
    response = client.post(
        reverse("payments:finance_queue"), {"up_to": timezone.localdate().isoformat()}
    )
    batch = PaymentBatch.objects.get()
    assert response.status_code == 302 and batch.claims.count() == 71
    late.refresh_from_db()
    assert late.batch is None
    # A day with nothing waiting makes no batch and says why.
    response = client.post(reverse("payments:finance_queue"), {"up_to": "2001-01-01"},
                           follow=True)  # fmt: skip
    assert PaymentBatch.objects.count() == 1
    assert "No approved claims were waiting" in response.content.decode()
    assert client.post(reverse("payments:finance_queue"), {"up_to": "nonsense"}).status_code == 200


def test_the_claims_list_counts_claims_by_state_and_times_payment_for_the_dates_chosen(people):
    claim = make_claim(claimant=people["coproducer"])
    copies(claim, 3, status=Status.SUBMITTED)
    copies(claim, 2, status=Status.PAID, days_to_pay=4, paid_at=timezone.now())
    client = signed_in(people["lead"])
    page = client.get(reverse("payments:claim_list")).content.decode()
    assert "Sent: waiting for approval: 3" in page and "Draft: not sent yet: 1" in page
    assert "Of the 2 claims paid from" in page
    page = client.get(reverse("payments:claim_list"), {"status": "submitted"}).content.decode()
    assert "Only paid claims have a time to pay" in page
    assert count_queries(client, reverse("payments:claim_list") + "?paid_from=2001-01-01") <= 15
