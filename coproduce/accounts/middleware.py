from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

# Either of these is a second factor; recovery codes only stand in for a lost one.
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


class RequireMFAMiddleware:
    """People who must use two-factor authentication (User.must_use_mfa) set it
    up before they can do anything else."""

    ALLOWED_PREFIXES = ("/accounts/", "/static/", "/display-settings/", "/session/", "/language/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up(request):
            messages.info(
                request,
                gettext("Your account needs two-factor authentication. Set it up to carry on."),
            )
            return redirect(reverse("mfa_index"))
        return self.get_response(request)

    def _must_set_up(self, request):
        user = request.user
        if not user.is_authenticated or not user.must_use_mfa:
            return False
        if request.path.startswith(self.ALLOWED_PREFIXES):
            return False
        return not is_mfa_enabled(user, SECOND_FACTORS)


class AccountLanguageMiddleware:
    """A signed-in person sees the language saved on their account, on any device;
    visitors keep the cookie (or browser) language LocaleMiddleware chose."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)
