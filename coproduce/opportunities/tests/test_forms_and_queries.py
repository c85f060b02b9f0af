import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduce.accounts.tests.factories import UserFactory
from coproduce.opportunities import actions
from coproduce.opportunities.tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

text = st.one_of(st.text(max_size=200), st.sampled_from(["", "2020-01-01", "-3", "0", "x" * 3000]))
FIELDS = [
    "title",
    "summary",
    "time_commitment",
    "payment_offered",
    "place",
    "closing_on",
    "places_available",
    "status",
]


def test_opportunity_form_never_fails(people):
    client = Client()
    client.force_login(people["staff"])

    @given(st.fixed_dictionaries({field: text for field in FIELDS}))
    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    def post_anything(data):
        assert client.post(reverse("opportunities:opportunity_create"), data).status_code in (
            200,
            302,
        )

    post_anything()


def test_decide_form_never_fails(people):
    opportunity = make_opportunity()
    application = actions.express_interest(opportunity=opportunity, person=people["coproducer"])
    client = Client()
    client.force_login(people["staff"])
    url = reverse("opportunities:decide", args=[opportunity.pk, application.pk])

    @given(selected=text, message=text)
    @settings(
        max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    def post_anything(selected, message):
        assert client.post(url, {"selected": selected, "message": message}).status_code in (
            200,
            302,
        )

    post_anything()


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_list_and_applicants_queries_do_not_grow(client_as, people):
    client = client_as("staff")
    opportunity = make_opportunity()
    for person in UserFactory.create_batch(3, roles=["coproducer"]):
        actions.express_interest(opportunity=opportunity, person=person)
    list_url, people_url = (
        reverse("opportunities:opportunity_list"),
        reverse("opportunities:applicants", args=[opportunity.pk]),
    )
    few = queries(client, list_url), queries(client, people_url)
    for _ in range(10):
        make_opportunity()
    for person in UserFactory.create_batch(30, roles=["coproducer"]):
        actions.express_interest(opportunity=opportunity, person=person)
    assert (queries(client, list_url), queries(client, people_url)) == few
