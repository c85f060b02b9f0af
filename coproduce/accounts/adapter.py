from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.lib.views import local_path

from . import signin_limits

# The ways to confirm it is you before a change to how someone signs in, as our pages
# name them.
REAUTHENTICATION_DESCRIPTIONS = {
    "reauthenticate": _("Use your password"),
    "mfa_reauthenticate": _("Use a code from your authenticator app or a recovery code"),
    "mfa_reauthenticate:webauthn": _("Use your passkey"),
}


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by invitation only (see accounts.actions.invite_person).

    allauth ships no Welsh, so every message it can show people is our own, translated."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("This account cannot sign in."),
        "cannot_remove_primary_email": _("You cannot remove your main email address."),
        "duplicate_email": _("This email address is already on your account."),
        "email_password_mismatch": _(
            "The email address or password is not right. Check them and try again."
        ),
        "email_taken": _("Someone already has an account with this email address."),
        "enter_current_password": _("Type your current password."),
        "incorrect_code": _("That code was not accepted. Check it and try again."),
        "incorrect_password": _("That password is not right."),
        "invalid_or_expired_key": _("This link does not work: it may be old or incomplete."),
        "invalid_login": _("You cannot sign in this way."),
        "invalid_password_reset": _("This password link does not work."),
        "max_email_addresses": _("You cannot add more than %d email addresses."),
        "too_many_login_attempts": _("Too many failed sign-in attempts. Try again later."),
        "unknown_email": _("No account uses this email address."),
        "unverified_primary_email": _("You need to confirm your main email address first."),
        "select_only_one": _("Choose only one."),
        "same_as_current": _("The new value must be different from the current one."),
        "rate_limited": _("You are sending too many requests. Wait a while and try again."),
    }

    def is_open_for_signup(self, request):
        return False

    def is_safe_url(self, url):
        """Sign-in's `next` goes through the same check as every other return address."""
        return local_path(url) is not None

    # Failed sign-ins per address, told apart from a crowd's typos (decision 0032);
    # allauth itself limits them per account.
    def pre_authenticate(self, request, **credentials):
        if signin_limits.address_is_stopped(request):
            raise self.validation_error("too_many_login_attempts")
        super().pre_authenticate(request, **credentials)

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None:
            signin_limits.forgive(request, credentials.get("email", ""))
        return user

    def authentication_failed(self, request, **credentials):
        signin_limits.record_failure(request, credentials.get("email", ""))

    def get_reauthentication_methods(self, user):
        methods = super().get_reauthentication_methods(user)
        for method in methods:
            method["description"] = REAUTHENTICATION_DESCRIPTIONS.get(
                method["id"], method["description"]
            )
        return methods


class MFAAdapter(DefaultMFAAdapter):
    """Plain-English names and messages for two-factor authentication."""

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "add_email_blocked": _(
            "You cannot add an email address to an account that uses two-factor authentication."
        ),
        "cannot_delete_authenticator": _("You cannot stop using two-factor authentication."),
        "cannot_generate_recovery_codes": _(
            "You need to set up two-factor authentication before you can make recovery codes."
        ),
        "incorrect_code": _("That code or passkey was not accepted. Check it and try again."),
        "unverified_email": _(
            "You need to confirm your email address before you can set up two-factor "
            "authentication."
        ),
    }

    def generate_authenticator_name(self, user, type):  # noqa: A002 (allauth's own name)
        if type != Authenticator.Type.WEBAUTHN:
            return super().generate_authenticator_name(user, type)
        count = Authenticator.objects.filter(user_id=user.pk, type=type).count()
        return gettext("Passkey %(number)s") % {"number": count + 1}
