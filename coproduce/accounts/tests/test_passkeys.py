"""Passkeys without a browser: the pages say what a passkey is, a form sent without
one says what to do, and whatever is sent as a passkey the answer is never a server
error. test_passkeys_in_the_browser.py makes and uses real ones."""

import json

import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduce.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NOT_PASSKEYS = st.one_of(
    st.sampled_from(
        [
            "",
            "{}",
            "[]",
            '"text"',
            "null",
            "not json",
            '{"id": "x", "rawId": "x", "type": "public-key", "response": {}}',
            '{"response": {"userHandle": "!!"}}',
            '{"response": {"clientDataJSON": "e30", "attestationObject": "AA"}}',
        ]
    ),
    st.dictionaries(st.text(max_size=12), st.text(max_size=12), max_size=4).map(json.dumps),
    st.text(max_size=200),
)
ANY_INPUT = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def recently_signed_in(email):
    """A client that signed in and confirmed its password just now, as allauth asks
    before any change to how someone signs in. (Sign-in limits start afresh each time.)"""
    cache.clear()
    client = Client()
    client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return client


def test_the_two_factor_page_says_what_a_passkey_is(client_as):
    page = client_as("staff").get(reverse("mfa_index")).content.decode()
    assert "A passkey lets you sign in with your fingerprint, your face" in page
    assert "Passkeys need JavaScript" in page
    assert reverse("mfa_add_webauthn") in page
    assert reverse("mfa_activate_totp") in page


def test_the_sign_in_page_offers_a_passkey(client):
    page = client.get(reverse("account_login")).content.decode()
    assert "Sign in with a passkey" in page
    assert f'action="{reverse("mfa_login_webauthn")}"' in page


def test_a_passkey_form_sent_without_a_passkey_says_what_to_do(people):
    client = recently_signed_in(people["lead"].email)
    response = client.post(reverse("mfa_add_webauthn"), {"name": "My phone"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "The passkey was not created." in page
    assert "<title>Error: Add a passkey" in page
    assert not people["lead"].authenticator_set.exists()


@given(credential=NOT_PASSKEYS)
@ANY_INPUT
def test_adding_anything_that_is_not_a_passkey_is_refused(people, credential):
    client = recently_signed_in(people["lead"].email)
    client.get(reverse("mfa_add_webauthn"))  # starts the passkey steps, as the page does
    response = client.post(
        reverse("mfa_add_webauthn"),
        {"name": "Mine", "passwordless": "on", "credential": credential},
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not people["lead"].authenticator_set.exists()


@given(credential=NOT_PASSKEYS)
@ANY_INPUT
def test_signing_in_with_anything_that_is_not_a_passkey_is_refused(db, credential):
    cache.clear()  # passkey sign-in limits start afresh for each example
    client = Client()
    client.get(reverse("mfa_login_webauthn"), headers={"accept": "application/json"})
    response = client.post(reverse("mfa_login_webauthn"), {"credential": credential})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert "_auth_user_id" not in client.session


def test_the_second_step_without_a_passkey_asks_only_for_a_code(client, people):
    Authenticator.objects.create(
        user=people["finance"], type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    response = client.post(
        reverse("account_login"),
        {"login": people["finance"].email, "password": PASSWORD},
        follow=True,
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    assert "<title>Sign in: confirm it is you" in page
    assert "Use your passkey" not in page
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    page = response.content.decode()
    assert "<title>Error: Sign in: confirm it is you" in page
    assert "That code or passkey was not accepted." in page
    assert "_auth_user_id" not in client.session
