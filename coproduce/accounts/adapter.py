from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator

from coproduce.lib.views import local_path

from . import signin_limits

# The ways to confirm it is you before a change to how someone signs in, as our pages
# name them.
REAUTHENTICATION_DESCRIPTIONS = {
    "reauthenticate": "Use your password",
    "mfa_reauthenticate": "Use a code from your authenticator app or a recovery code",
    "mfa_reauthenticate:webauthn": "Use your passkey",
}


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by invitation only (see accounts.actions.invite_person)."""

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
        "incorrect_code": "That code or passkey was not accepted. Check it and try again.",
    }

    def generate_authenticator_name(self, user, type):  # noqa: A002 (allauth's own name)
        if type != Authenticator.Type.WEBAUTHN:
            return super().generate_authenticator_name(user, type)
        count = Authenticator.objects.filter(user_id=user.pk, type=type).count()
        return f"Passkey {count + 1}"
