"""The people list and a person page make the same number of queries with a few
people (less than a page) as with 2,000 (a full page), and no more than the bench's bar."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coproduce.accounts.models import RoleAssignment, User
from coproduce.people.models import Profile, ProfileTag
from coproduce.people.tests.samples import fill_in_person
from coproduce.tests.query_counts import MOST_QUERIES

pytestmark = pytest.mark.django_db


def add_people(count, start):
    users = User.objects.bulk_create(
        User(email=f"bulk{start + i}@example.org", name=f"Bulk Person {start + i:05d}")
        for i in range(count)
    )
    RoleAssignment.objects.bulk_create(RoleAssignment(user=u, role="coproducer") for u in users)
    profiles = Profile.objects.bulk_create(Profile(user=u, pronouns="she/her") for u in users)
    ProfileTag.objects.bulk_create(
        tag
        for p in profiles
        for tag in (
            ProfileTag(profile=p, kind="interest", value="housing"),
            ProfileTag(profile=p, kind="lived_experience", value="deaf"),
        )
    )


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "params", [{}, {"interest": "housing", "q": "Bulk"}, {"requirement": "bsl"}]
)
def test_list_and_person_page_queries_do_not_grow(client_as, people, params):
    person = fill_in_person(people["coproducer"], staff=people["staff"])
    client = client_as("staff")
    add_people(2, 0)
    small = (
        count_queries(client, reverse("people:person_list"), params),
        count_queries(client, reverse("people:person_detail", args=[person.pk])),
    )
    add_people(1998, 2)
    assert User.objects.count() > 2000
    large = (
        count_queries(client, reverse("people:person_list"), params),
        count_queries(client, reverse("people:person_detail", args=[person.pk])),
    )
    print(f"queries with a few people: {small}; with 2,000: {large}")
    assert small == large
    assert max(large) <= MOST_QUERIES
