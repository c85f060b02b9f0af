"""Makes the first administrator of a new site. In a terminal it asks for each detail;
in a script, --no-input takes --email, --name and the password from an environment
variable, never from the command line, where the shell history and other people on the
machine would see it."""

import getpass
import os
import sys

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.urls import reverse

from coproduce.accounts.actions import create_administrator
from coproduce.accounts.models import User

PASSWORD_VARIABLE = "COPRODUCE_ADMIN_PASSWORD"  # noqa: S105 (the variable's name, not a password)
NAME_MAX_LENGTH = User._meta.get_field("name").max_length


def clean_email(value):
    email = value.strip().lower()
    if not email:
        raise ValidationError("Enter an email address.")
    validate_email(email)
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            f"Someone already has an account with {email}. Use another address, or sign in "
            "with that account and give it the administrator role."
        )
    return email


def clean_name(value):
    name = value.strip()
    if not name:
        raise ValidationError("Enter the name the administrator likes to be called.")
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(f"Enter a name of {NAME_MAX_LENGTH} characters or fewer.")
    return name


def clean_password(password, email, name):
    if not password:
        raise ValidationError("Enter a password.")
    password_validation.validate_password(password, user=User(email=email, name=name))
    return password


class Command(BaseCommand):
    help = (
        "Create an administrator with a verified email address, who must set up two-factor "
        f"authentication at first sign-in. Scripts: --no-input --email ... --name ... with "
        f"the password in {PASSWORD_VARIABLE}."
    )
    # Tests pass a terminal-like stdin; a script without one is told to use --no-input.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("--email", help="The administrator's email address.")
        parser.add_argument("--name", help="The name the administrator likes to be called.")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help=f"Ask nothing: needs --email, --name and the password in {PASSWORD_VARIABLE}.",
        )

    def handle(self, *args, email, name, interactive, **options):
        if interactive:
            if not options.get("stdin", sys.stdin).isatty():
                raise CommandError(
                    "createadmin asks for the password, so it needs a terminal. In a script, "
                    f"use --no-input --email ... --name ... with the password in "
                    f"{PASSWORD_VARIABLE}."
                )
            email, name, password = self.ask(email, name)
        else:
            email, name, password = self.read_without_asking(email, name)
        try:
            user = create_administrator(email=email, name=name, password=password)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.report(user)

    def ask(self, email, name):
        email = (
            self.given(clean_email, email) if email else self.prompt("Email address", clean_email)
        )
        name = self.given(clean_name, name) if name else self.prompt("Name", clean_name)
        while True:
            password = getpass.getpass("Password: ")
            try:
                clean_password(password, email, name)
            except ValidationError as error:
                self.stderr.write("\n".join(error.messages))
                continue
            if getpass.getpass("The same password again: ") == password:
                return email, name, password
            self.stderr.write("The two passwords are different. Try again.")

    def prompt(self, label, clean):
        while True:
            try:
                return clean(input(f"{label}: "))
            except ValidationError as error:
                self.stderr.write("\n".join(error.messages))

    def given(self, clean, value):
        try:
            return clean(value)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error

    def read_without_asking(self, email, name):
        missing = [option for option, value in (("--email", email), ("--name", name)) if not value]
        if missing:
            raise CommandError(f"With --no-input, give {' and '.join(missing)}.")
        email, name = self.given(clean_email, email), self.given(clean_name, name)
        password = os.environ.get(PASSWORD_VARIABLE, "")
        if not password:
            raise CommandError(f"With --no-input, put the password in {PASSWORD_VARIABLE}.")
        try:
            clean_password(password, email, name)
        except ValidationError as error:
            raise CommandError(
                f"The password in {PASSWORD_VARIABLE} is not strong enough: "
                + " ".join(error.messages)
            ) from error
        return email, name, password

    def report(self, user):
        sign_in = settings.COPRODUCE_SITE_URL.rstrip("/") + reverse("account_login")
        self.stdout.write(
            self.style.SUCCESS(f"Created the administrator account for {user.name} ({user.email}).")
        )
        self.stdout.write(f"Sign in at {sign_in}")
        if user.must_use_mfa:
            self.stdout.write(
                "At first sign-in they must set up two-factor authentication before anything else."
            )
        else:
            self.stderr.write(
                self.style.WARNING(
                    "Two-factor authentication is not required on this site "
                    "(COPRODUCE_REQUIRE_MFA is off, as in demo mode). Turn it on before "
                    "real people's details go in."
                )
            )
