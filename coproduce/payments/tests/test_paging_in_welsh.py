"""The claims lists page from a cursor; a Welsh reader's screen reader names those
pages in Welsh too."""

import pytest
from django.urls import reverse

from coproduce.payments import actions
from coproduce.payments.tests.factories import make_claim
from coproduce.payments.views import PAGE_SIZE

pytestmark = pytest.mark.django_db


def test_the_pages_of_each_claims_list_are_named_in_welsh(client_as, people):
    for day in range(PAGE_SIZE + 1):
        claim = make_claim(claimant=people["coproducer"], days_ago=day + 1)
        actions.submit(claim=claim, by=people["coproducer"])
    for role, url, label in (
        ("coproducer", reverse("payments:my_claims"), "Tudalennau o'ch hawliadau"),
        ("lead", reverse("payments:claim_list"), "Tudalennau o hawliadau"),
    ):
        client = client_as(role)
        client.cookies["django_language"] = "cy"
        page = client.get(url).content.decode()
        assert f'aria-label="{label}"' in page, role
        assert "Pages of" not in page
