"""manage.py createadmin: the first administrator of a real site."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "kettle-harbour-violet-9"


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def password_in_environment(monkeypatch):
    monkeypatch.setenv("COPRODUCE_ADMIN_PASSWORD", PASSWORD)


def create_admin(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("createadmin", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_script_creates_a_verified_administrator(settings, password_in_environment):
    settings.COPRODUCE_REQUIRE_MFA = True
    out, _ = create_admin("--no-input", "--email", " Ada@Example.org ", "--name", "Ada Lovelace")

    admin = User.objects.get(email="ada@example.org")
    assert admin.name == "Ada Lovelace"
    assert admin.check_password(PASSWORD)
    assert admin.role_set == {"administrator"}
    assert admin.must_use_mfa
    address = EmailAddress.objects.get(user=admin)
    assert (address.email, address.verified, address.primary) == ("ada@example.org", True, True)
    assert "Created the administrator account for Ada Lovelace" in out
    assert "two-factor authentication" in out


def test_first_sign_in_goes_straight_to_setting_up_mfa(settings, client, password_in_environment):
    settings.COPRODUCE_REQUIRE_MFA = True
    create_admin("--no-input", "--email", "ada@example.org", "--name", "Ada Lovelace")

    response = client.post(
        reverse("account_login"), {"login": "ada@example.org", "password": PASSWORD}, follow=True
    )

    visited = [url for url, _ in response.redirect_chain]
    assert reverse("account_email_verification_sent") not in visited
    assert visited[-1] == reverse("mfa_index")
    assert response.status_code == 200
    assert response.wsgi_request.user.email == "ada@example.org"
    # Everything else waits until a second factor is set up.
    assert client.get(reverse("accounts:account_list"))["Location"] == reverse("mfa_index")


def test_in_a_terminal_it_asks_again_until_each_answer_is_good(monkeypatch):
    answers = iter(["not an email", "ada@example.org", "  ", "Ada Lovelace"])
    passwords = iter(["short", PASSWORD, "something else", PASSWORD, PASSWORD])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(passwords))
    out, err = io.StringIO(), io.StringIO()

    call_command("createadmin", stdin=Terminal(), stdout=out, stderr=err)

    assert "Enter a valid email address." in err.getvalue()
    assert "Enter the name the administrator likes to be called." in err.getvalue()
    assert "This password is too short." in err.getvalue()
    assert "The two passwords are different." in err.getvalue()
    admin = User.objects.get(email="ada@example.org")
    assert admin.check_password(PASSWORD)
    assert admin.role_set == {"administrator"}


def test_a_duplicate_email_is_refused_clearly(password_in_environment):
    UserFactory(email="ada@example.org", roles=["staff"])
    with pytest.raises(CommandError, match="Someone already has an account with ada@example.org"):
        create_admin("--no-input", "--email", "ADA@example.org", "--name", "Ada Lovelace")
    assert User.objects.filter(email="ada@example.org").get().role_set == {"staff"}


def test_an_address_held_by_someone_as_a_second_email_is_refused(password_in_environment):
    other = UserFactory(email="grace@example.org")
    EmailAddress.objects.create(user=other, email="ada@example.org", verified=True)
    with pytest.raises(CommandError, match="already has an account"):
        create_admin("--no-input", "--email", "ada@example.org", "--name", "Ada Lovelace")
    assert not User.objects.filter(email="ada@example.org").exists()


@pytest.mark.parametrize(
    "password, message",
    [
        ("password123", "too common"),
        ("ada@example.org", "too similar"),
        ("4815162342", "entirely numeric"),
    ],
)
def test_a_weak_password_is_refused(monkeypatch, password, message):
    monkeypatch.setenv("COPRODUCE_ADMIN_PASSWORD", password)
    with pytest.raises(CommandError, match=message):
        create_admin("--no-input", "--email", "ada@example.org", "--name", "Ada Lovelace")
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--name", "Ada Lovelace"], "give --email"),
        (["--email", "ada@example.org"], "give --name"),
        (["--email", "ada@", "--name", "Ada Lovelace"], "Enter a valid email address"),
        (["--email", "ada@example.org", "--name", "A" * 151], "150 characters or fewer"),
    ],
)
def test_a_script_with_missing_or_bad_details_is_told_what_is_wrong(
    password_in_environment, args, message
):
    with pytest.raises(CommandError, match=message):
        create_admin("--no-input", *args)
    assert not User.objects.exists()


def test_a_script_without_the_password_variable_is_told_where_to_put_it(monkeypatch):
    monkeypatch.delenv("COPRODUCE_ADMIN_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="put the password in COPRODUCE_ADMIN_PASSWORD"):
        create_admin("--no-input", "--email", "ada@example.org", "--name", "Ada Lovelace")


def test_the_password_cannot_be_given_on_the_command_line(password_in_environment):
    with pytest.raises(CommandError, match="unrecognized arguments"):
        create_admin(
            "--no-input", "--email", "ada@example.org", "--name", "Ada", "--password", PASSWORD
        )
    assert not User.objects.exists()


def test_without_a_terminal_it_says_to_use_no_input():
    with pytest.raises(CommandError, match="--no-input"):
        call_command("createadmin", stdin=io.StringIO())


def test_it_warns_when_the_site_does_not_require_mfa(settings, password_in_environment):
    settings.COPRODUCE_REQUIRE_MFA = False
    _, err = create_admin("--no-input", "--email", "ada@example.org", "--name", "Ada Lovelace")
    assert "Two-factor authentication is not required on this site" in err
