"""The language switch: Welsh or English, remembered in a cookie and on the account, and
every message built in the recipient's language."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

from coproduce.lib.language import in_language_of, language_of

pytestmark = pytest.mark.django_db


def html_tag(response):
    return response.content.decode().split("<head>")[0]


def test_a_visitor_switches_to_welsh_and_back(client):
    assert 'lang="en-GB"' in html_tag(client.get("/"))
    response = client.post(reverse("accounts:language"), {"language": "cy", "next": "/privacy/"})
    assert response.status_code == 302 and response["Location"] == "/privacy/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "cy" and cookie["httponly"] and cookie["samesite"] == "Lax"
    page = client.get("/privacy/")
    assert 'lang="cy"' in html_tag(page)
    assert page["Content-Language"] == "cy"
    # The switch now offers English, marked as English for screen readers.
    assert 'value="en-gb" lang="en-GB">English' in page.content.decode()
    client.post(reverse("accounts:language"), {"language": "en-gb", "next": "/"})
    assert 'lang="en-GB"' in html_tag(client.get("/"))


def test_a_signed_in_person_keeps_welsh_on_every_device(client_as, people):
    client_as("coproducer").post(reverse("accounts:language"), {"language": "cy"})
    people["coproducer"].refresh_from_db()
    assert people["coproducer"].language == "cy"
    other_device = Client()
    other_device.force_login(people["coproducer"])
    assert 'lang="cy"' in html_tag(other_device.get(reverse("accounts:home")))


def test_the_account_language_wins_over_an_old_cookie(client_as, people):
    client = client_as("coproducer")
    client.post(reverse("accounts:language"), {"language": "cy"})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en-gb"
    assert 'lang="cy"' in html_tag(client.get(reverse("accounts:home")))


@pytest.mark.parametrize("language", ["fr", "", "cy'><script>", "en"])
def test_an_unknown_language_changes_nothing(client, language):
    response = client.post(reverse("accounts:language"), {"language": language, "next": "/"})
    assert response.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_the_switch_never_sends_people_off_the_site(client, next_url):
    response = client.post(reverse("accounts:language"), {"language": "cy", "next": next_url})
    assert response["Location"] == reverse("site:home")


def test_the_switch_is_a_post(client):
    assert client.get(reverse("accounts:language")).status_code == 405


def test_messages_are_built_in_the_recipients_language(people):
    person = people["coproducer"]
    assert language_of(person) == "en-gb"
    person.language = "cy"
    with in_language_of(person):
        # Django's own Welsh catalogue: proves the language is active while building.
        assert gettext("This field is required.") != "This field is required."
    assert gettext("This field is required.") == "This field is required."
    assert language_of(None) == settings.LANGUAGE_CODE
