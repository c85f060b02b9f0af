from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by invitation only (see accounts.actions.invite_person)."""

    def is_open_for_signup(self, request):
        return False


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
