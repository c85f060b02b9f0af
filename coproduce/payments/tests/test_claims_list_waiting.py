"""The claims list's counts of claims not paid yet are kept until the next change to
the records (they grow with the organisation), and a change shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coproduce.payments import actions
from coproduce.payments.tests.factories import make_activity_type, make_claim

pytestmark = pytest.mark.django_db


def counts_on(client):
    with CaptureQueriesContext(connection) as seen:
        page = client.get(reverse("payments:claim_list")).content.decode()
    counted = any('COUNT("payments_claim"."id")' in query["sql"] for query in seen.captured_queries)
    return page, counted


def test_counts_are_kept_until_a_claim_changes(client_as, people):
    make_activity_type()
    claim = make_claim(claimant=people["coproducer"], days_ago=3)
    client = client_as("lead")
    page, counted = counts_on(client)
    assert counted and "Draft: not sent yet: 1" in page
    page, counted = counts_on(client)
    assert not counted and "Draft: not sent yet: 1" in page
    actions.submit(claim=claim, by=people["coproducer"])
    page, counted = counts_on(client)
    assert counted
    assert "Draft: not sent yet: 0" in page and "Sent: waiting for approval: 1" in page
