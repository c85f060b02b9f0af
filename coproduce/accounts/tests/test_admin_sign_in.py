"""The Django admin has its own sign-in form, which knows nothing of two-factor
authentication, email verification or sign-in throttling. It must not be a way round them."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from coproduce.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_with_mfa():
    superuser = UserFactory(email="root@example.org", roles=[], is_superuser=True, is_staff=True)
    Authenticator.objects.create(
        user=superuser, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    return superuser


def test_the_admin_password_form_does_not_skip_the_second_factor(client, superuser_with_mfa):
    client.post(reverse("admin:login"), {"username": "root@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_admin_sends_people_to_the_one_sign_in_page(client):
    response = client.get(reverse("admin:login") + "?next=/django-admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=%2Fdjango-admin%2F"


def test_a_signed_in_superuser_reaches_the_admin(client, superuser_with_mfa):
    client.force_login(superuser_with_mfa)
    assert client.get(reverse("admin:index")).status_code == 200
