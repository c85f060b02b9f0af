import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STAFF_SIDE_ROLES = ["administrator", "lead", "finance", "staff", "board"]


@pytest.fixture
def mfa_required(settings):
    settings.COPRODUCE_REQUIRE_MFA = True


@pytest.mark.parametrize("role", [*STAFF_SIDE_ROLES, "coproducer_staff"])
def test_every_staff_side_role_must_set_up_mfa_first(mfa_required, client_as, role):
    response = client_as(role).get(reverse("accounts:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")


def test_a_superuser_without_a_role_must_set_up_mfa_first(mfa_required, client):
    superuser = UserFactory(roles=[], is_superuser=True, is_staff=True)
    client.force_login(superuser)
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")
    assert client.get(reverse("admin:index"))["Location"] == reverse("mfa_index")


@pytest.mark.parametrize("role", ["coproducer", "no_role"])
def test_people_with_no_staff_side_role_do_not_need_mfa(mfa_required, client_as, people, role):
    assert client_as(role).get(reverse("accounts:home")).status_code == 200


@pytest.mark.parametrize(
    "second_factor", [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN], ids=str
)
def test_with_a_second_factor_the_board_member_carries_on(
    mfa_required, client_as, people, second_factor
):
    Authenticator.objects.create(user=people["board"], type=second_factor, data={})
    assert client_as("board").get(reverse("accounts:home")).status_code == 200


def test_recovery_codes_alone_are_not_a_second_factor(mfa_required, client_as, people):
    Authenticator.objects.create(
        user=people["staff"], type=Authenticator.Type.RECOVERY_CODES, data={}
    )
    assert client_as("staff").get(reverse("accounts:home")).status_code == 302


def test_setting_up_mfa_and_signing_out_stay_reachable(mfa_required, client_as):
    client = client_as("finance")
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.get(reverse("account_logout")).status_code == 200
    assert client.get(reverse("accounts:display_settings")).status_code == 200


def test_demo_mode_does_not_require_mfa(settings, client_as):
    settings.COPRODUCE_REQUIRE_MFA = False
    assert client_as("administrator").get(reverse("accounts:home")).status_code == 200
