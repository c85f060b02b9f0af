import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduce.accounts import display

pytestmark = pytest.mark.django_db

CHOICES = {"text_size": "175", "contrast": "high", "wide_spacing": "on", "reduce_motion": "on"}
CLASSES = ("cp-text-175", "cp-contrast-high", "cp-spacing-wide", "cp-motion-reduced")


def html_tag(response):
    return response.content.decode().split("<head>")[0]


def test_visitor_preferences_are_kept_in_a_cookie(client):
    response = client.post(reverse("accounts:display_settings"), {**CHOICES, "next": "/privacy/"})
    assert response.status_code == 302 and response["Location"] == "/privacy/"
    assert response.cookies[display.COOKIE_NAME]["httponly"]
    page = html_tag(client.get("/privacy/"))
    assert all(css in page for css in CLASSES)


def test_signed_in_preferences_are_saved_on_the_account(client_as, people):
    client = client_as("coproducer")
    client.post(reverse("accounts:display_settings"), CHOICES)
    people["coproducer"].refresh_from_db()
    assert people["coproducer"].text_size == 175
    assert people["coproducer"].contrast == "high"
    assert all(css in html_tag(client.get(reverse("accounts:home"))) for css in CLASSES)


def test_standard_settings_add_no_classes(client):
    client.post(reverse("accounts:display_settings"), {"text_size": "100", "contrast": "standard"})
    page = html_tag(client.get("/"))
    assert not any(css in page for css in CLASSES)


def test_next_must_stay_on_this_site(client):
    response = client.post(
        reverse("accounts:display_settings"), {**CHOICES, "next": "https://elsewhere.example/"}
    )
    assert response["Location"] == reverse("accounts:display_settings")


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_any_cookie_value_gives_valid_preferences(value):
    prefs = display.from_cookie(value)
    assert prefs["text_size"] in (100, 125, 150, 175, 200)
    assert prefs["contrast"] in ("standard", "high")
    assert display.from_cookie(display.to_cookie(prefs)) == prefs


@given(
    st.dictionaries(
        st.sampled_from(["text_size", "contrast", "wide_spacing", "reduce_motion", "next"]),
        st.text(max_size=50),
    )
)
@settings(max_examples=60, deadline=None)
def test_any_posted_settings_never_cause_a_server_error(data):
    response = Client().post(reverse("accounts:display_settings"), data)
    assert response.status_code in (200, 302)
