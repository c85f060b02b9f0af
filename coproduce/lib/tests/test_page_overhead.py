"""What every signed-in page costs before its own work: the session, the person, their
roles and the unread count, and no write to renew the session on every request."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from coproduce.lib import middleware
from coproduce.tests.query_counts import count_queries

pytestmark = pytest.mark.django_db

ROLES = ("coproducer", "staff", "lead", "finance", "board", "administrator")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLES)
def test_a_simple_page_costs_four_queries_for_every_role(people, role):
    # Session, person, roles, unread notifications: the navigation asks the rules
    # alone, and the session is not written back.
    assert count_queries(signed_in(people[role]), reverse("accounts:display_settings")) == 4


def test_the_session_is_renewed_once_the_interval_has_passed(people, settings):
    client = signed_in(people["staff"])
    page = reverse("accounts:display_settings")
    key = client.session.session_key
    first_end = Session.objects.get(pk=key).expire_date
    client.get(page)
    assert Session.objects.get(pk=key).expire_date == first_end

    session = client.session
    session[middleware.SESSION_RENEWED_KEY] = int(time.time()) - middleware.renewal_interval()
    session.save()
    saved_end = Session.objects.get(pk=key).expire_date
    time.sleep(1)
    client.get(page)
    assert Session.objects.get(pk=key).expire_date > saved_end
    assert client.session[middleware.SESSION_RENEWED_KEY] >= int(time.time()) - 1


def test_the_warning_counts_down_from_the_last_renewal(people):
    client = signed_in(people["staff"])
    session = client.session
    session[middleware.SESSION_RENEWED_KEY] = int(time.time()) - 100
    session.save()
    response = client.get(reverse("accounts:display_settings"))
    left = response.context["SESSION_SECONDS"]
    assert 0 < left <= middleware.settings.SESSION_COOKIE_AGE - 100
