import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def mfa_required(settings):
    settings.COPRODUCE_REQUIRE_MFA = True


@pytest.mark.parametrize("role", ["administrator", "lead", "finance"])
def test_roles_that_need_mfa_must_set_it_up_first(mfa_required, client_as, role):
    response = client_as(role).get(reverse("accounts:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.parametrize("role", ["staff", "board", "coproducer"])
def test_other_roles_do_not_need_mfa(mfa_required, client_as, role):
    assert client_as(role).get(reverse("accounts:home")).status_code == 200


def test_with_an_authenticator_app_the_lead_carries_on(mfa_required, client_as, people):
    Authenticator.objects.create(
        user=people["lead"], type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    assert client_as("lead").get(reverse("accounts:home")).status_code == 200


def test_setting_up_mfa_and_signing_out_stay_reachable(mfa_required, client_as):
    client = client_as("finance")
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.get(reverse("account_logout")).status_code == 200
    assert client.get(reverse("accounts:display_settings")).status_code == 200


def test_demo_mode_does_not_require_mfa(settings, client_as):
    settings.COPRODUCE_REQUIRE_MFA = False
    assert client_as("administrator").get(reverse("accounts:home")).status_code == 200
