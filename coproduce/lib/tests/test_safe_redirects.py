"""Return addresses (`next`) are followed only when they are a path on this site:
anything else, typed or doctored, goes to the page's own default, never to
another site and never to a server error."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from coproduce.lib.views import local_path

HOSTILE = [
    "home",
    "accounts:home",
    "//evil.example",
    "//evil.example/projects/",
    "https://evil.example/",
    "http:/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "\n",
    "/projects/\r\nSet-Cookie: x=1",
    "/\tevil",
    "/" + "a" * 5000,
    "évil",
    "٣",
    " ",
]
GOOD = ["/projects/", "/projects/?page=2#top", "/café/"]

DISPLAY_SETTINGS = {"text_size": "125", "contrast": "standard"}


@pytest.mark.parametrize("value", HOSTILE)
def test_anything_but_a_local_path_is_refused(value):
    assert local_path(value) is None


@pytest.mark.parametrize("value", GOOD)
def test_local_paths_are_kept(value):
    assert local_path(value) == value


def assert_stays_here(response, default):
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert not location.scheme and not location.netloc
    assert response["Location"] == default


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "coproducer"])
@pytest.mark.parametrize("value", HOSTILE)
def test_display_settings_ignore_hostile_next(client_as, role, value):
    client = client_as(role)
    url = reverse("accounts:display_settings")
    assert client.get(url, {"next": value}).status_code == 200
    response = client.post(url, {**DISPLAY_SETTINGS, "next": value})
    assert_stays_here(response, url)


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE)
def test_staying_signed_in_ignores_hostile_next(client_as, value):
    response = client_as("coproducer").post(reverse("accounts:extend_session"), {"next": value})
    assert_stays_here(response, reverse("accounts:home"))


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE)
def test_a_visitor_asking_to_stay_signed_in_gets_no_error(client_as, value):
    response = client_as("anonymous").post(reverse("accounts:extend_session"), {"next": value})
    assert response.status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "coproducer"])
@pytest.mark.parametrize("value", GOOD)
def test_good_paths_are_still_followed(client_as, role, value):
    client = client_as(role)
    response = client.post(
        reverse("accounts:display_settings"), {**DISPLAY_SETTINGS, "next": value}
    )
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == urlsplit(value.replace("é", "%C3%A9")).path
    if role != "anonymous":
        response = client.post(reverse("accounts:extend_session"), {"next": value})
        assert urlsplit(response["Location"]).path == urlsplit(value.replace("é", "%C3%A9")).path


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["home", "//evil.example", "https://evil.example/"])
def test_signing_in_ignores_hostile_next(client, people, value):
    people["coproducer"].set_password("a long enough password 1")
    people["coproducer"].save()
    response = client.post(
        reverse("account_login") + "?next=" + value,
        {"login": "coproducer@example.org", "password": "a long enough password 1"},
    )
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert not location.netloc and location.path.startswith("/")
