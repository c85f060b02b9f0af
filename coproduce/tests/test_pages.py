"""The shared base: error pages, demo marking, footer links and the demo data."""

import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from coproduce.accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from coproduce.accounts.models import User

pytestmark = pytest.mark.django_db


def test_not_found_page_is_ours(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'href="#main-content"' in response.content.decode()


def test_forbidden_page_explains_what_to_do(client_as):
    response = client_as("coproducer").get("/manage/accounts/")
    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()


def test_server_error_page_renders_without_the_database():
    from coproduce.lib.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_every_page_links_to_accessibility_privacy_and_contact(client):
    html = client.get("/").content.decode()
    for href in ('href="/accessibility/"', 'href="/privacy/"', 'href="/contact/"'):
        assert href in html
    assert '<html lang="en-GB"' in html


def test_demo_sites_say_so_on_every_page(client, settings):
    settings.COPRODUCE_DEMO = True
    assert "Demo site" in client.get("/").content.decode()
    settings.COPRODUCE_DEMO = False
    assert "Demo site" not in client.get("/").content.decode()


def test_demo_data_loads_twice_without_duplicates_and_the_sign_ins_work(settings):
    settings.COPRODUCE_DEMO = True
    call_command("demo", "--migrate", stdout=StringIO())
    counts = {model: model._default_manager.count() for model in apps.get_models()}
    output = StringIO()
    call_command("demo", stdout=output)
    assert "admin@example.org" in output.getvalue() and DEMO_PASSWORD in output.getvalue()
    # The second run adds nothing anywhere (the read log aside: demo reads may be logged;
    # and a new sign-in card for the person with no email, as a card's code is kept only
    # as a hash and so must be new to be printed).
    may_grow = {
        "privacy.ReadLog",
        "notifications.SignInCard",
        "notifications.HistoricalSignInCard",
    }
    grown = {
        model._meta.label
        for model, count in counts.items()
        if model._default_manager.count() != count and model._meta.label not in may_grow
    }
    assert not grown, f"A second demo run added rows to: {sorted(grown)}"
    for email, _, roles in DEMO_ACCOUNTS:
        client = Client()
        assert client.login(email=email, password=DEMO_PASSWORD), email
        assert User.objects.get(email=email).role_set == set(roles)
    card_code = re.search(r"([A-Z2-9]{5}-[A-Z2-9]{5}) +sign-in card for", output.getvalue())
    client = Client()
    response = client.post(reverse("notifications:sign_in_with_card"), {"code": card_code[1]})
    assert response.status_code == 302 and client.session["_auth_user_id"]


def test_demo_data_refuses_a_real_site(settings):
    settings.COPRODUCE_DEMO = False
    with pytest.raises(CommandError):
        call_command("demo")
