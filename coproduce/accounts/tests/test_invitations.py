from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import Invitation, User

pytestmark = pytest.mark.django_db


def invite(client, **data):
    payload = {
        "name": "Priya Shah",
        "email": "Priya@Example.org",
        "roles": ["coproducer", "staff"],
        **data,
    }
    return client.post(reverse("accounts:invite"), payload)


def test_administrator_invites_by_email_with_a_link_that_works(
    client_as, django_capture_on_commit_callbacks
):
    client = client_as("administrator")
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client)
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "priya@example.org"
    assert invitation.roles == ["coproducer", "staff"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["priya@example.org"]
    accept_url = reverse("accounts:accept_invitation", args=[invitation.token])
    assert accept_url in mail.outbox[0].body


def test_accepting_creates_the_account_with_its_roles_and_signs_in(client):
    invitation = Invitation.objects.create(
        email="new@example.org", name="New Person", roles=["coproducer"]
    )
    url = reverse("accounts:accept_invitation", args=[invitation.token])
    response = client.post(
        url, {"name": "Nell", "password1": "purple-kettle-lamp", "password2": "purple-kettle-lamp"}
    )
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert user.name == "Nell"
    assert user.role_set == {"coproducer"}
    assert user.emailaddress_set.get().verified
    assert client.get(reverse("accounts:home")).status_code == 200
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    # The link cannot be used a second time.
    assert client.get(url).status_code == 410


def test_mismatched_passwords_show_errors_and_keep_the_name(client):
    invitation = Invitation.objects.create(
        email="new@example.org", name="New Person", roles=["coproducer"]
    )
    response = client.post(
        reverse("accounts:accept_invitation", args=[invitation.token]),
        {"name": "Nell", "password1": "purple-kettle-lamp", "password2": "purple-kettle-lump"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "The two passwords are different" in html
    assert 'value="Nell"' in html
    assert not User.objects.filter(email="new@example.org").exists()


@pytest.mark.parametrize("state", ["expired", "cancelled"])
def test_expired_and_cancelled_invitations_do_not_work(client, state):
    invitation = Invitation.objects.create(email="new@example.org", name="New", roles=["staff"])
    if state == "expired":
        Invitation.objects.filter(pk=invitation.pk).update(
            created_at=timezone.now() - timedelta(days=15)
        )
    else:
        Invitation.objects.filter(pk=invitation.pk).update(cancelled_at=timezone.now())
    url = reverse("accounts:accept_invitation", args=[invitation.token])
    response = client.post(
        url, {"name": "N", "password1": "purple-kettle-lamp", "password2": "purple-kettle-lamp"}
    )
    assert response.status_code == 410
    assert not User.objects.filter(email="new@example.org").exists()


def test_cannot_invite_someone_who_has_an_account(client_as, people):
    response = invite(client_as("administrator"), email=people["staff"].email.upper())
    assert response.status_code == 200
    assert "already has an account" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_new_invitation_replaces_one_still_waiting(client_as):
    client = client_as("administrator")
    invite(client)
    invite(client, roles=["board"])
    assert [i.status for i in Invitation.objects.order_by("created_at")] == ["cancelled", "waiting"]


def test_resend_and_cancel(client_as, django_capture_on_commit_callbacks):
    client = client_as("administrator")
    invitation = Invitation.objects.create(email="new@example.org", name="New", roles=["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:resend_invitation", args=[invitation.pk]))
    assert len(mail.outbox) == 1
    client.post(reverse("accounts:cancel_invitation", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.status == "cancelled"


def test_invite_form_errors_are_listed_and_inline(client_as):
    response = client_as("administrator").post(
        reverse("accounts:invite"), {"name": "", "email": "not an email"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="govuk-error-message"') == 3
    assert 'href="#id_email"' in html and 'href="#id_roles_0"' in html
    assert "<title>Error: " in html
