import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduce.accounts import display
from coproduce.accounts.models import Font, Tint

pytestmark = pytest.mark.django_db

CHOICES = {
    "text_size": "175",
    "contrast": "high",
    "wide_spacing": "on",
    "reduce_motion": "on",
    "font": "opendyslexic",
    "tint": "cream",
}
CLASSES = (
    "cp-text-175",
    "cp-contrast-high",
    "cp-spacing-wide",
    "cp-motion-reduced",
    "cp-font-opendyslexic",
)


def html_tag(response):
    text = response if isinstance(response, str) else response.content.decode()
    return text.split("<head>")[0]


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
    assert people["coproducer"].font == "opendyslexic" and people["coproducer"].tint == "cream"
    assert all(css in html_tag(client.get(reverse("accounts:home"))) for css in CLASSES)


def test_standard_settings_add_no_classes(client):
    client.post(
        reverse("accounts:display_settings"),
        {"text_size": "100", "contrast": "standard", "font": "standard", "tint": "none"},
    )
    page = client.get("/").content.decode()
    assert not any(css in html_tag(page) for css in CLASSES) and "cp-tint" not in html_tag(page)
    assert "font-" not in page.split("</head>")[0]


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
    assert prefs["font"] in Font.values and prefs["tint"] in Tint.values
    assert display.from_cookie(display.to_cookie(prefs)) == prefs


@given(
    st.dictionaries(
        st.sampled_from([*display.FIELDS, "next"]),
        st.text(max_size=50),
    )
)
@settings(max_examples=60, deadline=None)
def test_any_posted_settings_never_cause_a_server_error(data):
    response = Client().post(reverse("accounts:display_settings"), data)
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("font", ["hyperlegible", "opendyslexic"])
def test_a_font_stylesheet_is_linked_only_for_people_who_chose_it(client, font):
    head = client.get("/").content.decode().split("</head>")[0]
    assert "/static/dist/font-" not in head
    client.post(reverse("accounts:display_settings"), {**CHOICES, "font": font})
    page = client.get("/").content.decode()
    assert f'href="/static/dist/font-{font}.css"' in page.split("</head>")[0]
    assert f"cp-font-{font}" in html_tag(page)


def test_a_tint_shows_unless_high_contrast_is_chosen(client_as, people):
    client = client_as("coproducer")
    client.post(reverse("accounts:display_settings"), {**CHOICES, "contrast": "standard"})
    assert "cp-tint-cream" in html_tag(client.get(reverse("accounts:home")))
    client.post(reverse("accounts:display_settings"), CHOICES)
    page = html_tag(client.get(reverse("accounts:home")))
    assert "cp-contrast-high" in page and "cp-tint" not in page


def test_cookies_from_before_fonts_and_tints_still_work():
    prefs = display.from_cookie("t-150.c-high.s-1.m-0")
    assert prefs["text_size"] == 150 and prefs["contrast"] == "high" and prefs["wide_spacing"]
    assert prefs["font"] == Font.STANDARD and prefs["tint"] == Tint.NONE
    saved = display.to_cookie({**prefs, "font": "hyperlegible", "tint": "blue"})
    assert display.from_cookie(saved)["font"] == "hyperlegible"
    assert display.from_cookie(saved)["tint"] == "blue"
