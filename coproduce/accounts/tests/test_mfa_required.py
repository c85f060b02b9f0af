import os
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from coproduce.accounts import demo
from coproduce.accounts.tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[3]

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


@pytest.mark.parametrize("demo, required", [("1", "False"), ("", "True")], ids=["demo", "real"])
def test_only_a_demo_site_leaves_mfa_off(tmp_path, demo, required):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("COPRODUCE_", "DJANGO_"))},
        "DJANGO_SETTINGS_MODULE": "coproduce.settings",
        "COPRODUCE_VAR_DIR": str(tmp_path),
        "COPRODUCE_DEMO": demo,
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings as s; print(s.COPRODUCE_REQUIRE_MFA)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == required, result.stderr


def test_demo_sign_ins_go_straight_home_in_demo_mode(settings, client):
    settings.COPRODUCE_REQUIRE_MFA = False  # as COPRODUCE_DEMO=1 sets it
    demo.load(log=lambda message: None)
    for email, _, _ in demo.DEMO_ACCOUNTS:
        client.logout()
        response = client.post(
            reverse("account_login"), {"login": email, "password": demo.DEMO_PASSWORD}, follow=True
        )
        assert response.redirect_chain[-1][0] == reverse("accounts:home"), email
