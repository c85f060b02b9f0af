from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse


class RequireMFAMiddleware:
    """People holding a role that can change what others see or get paid must
    set up two-factor authentication before they can do anything else."""

    ALLOWED_PREFIXES = ("/accounts/", "/static/", "/display-settings/", "/session/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up(request):
            messages.info(
                request, "Your role needs two-factor authentication. Set it up to carry on."
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _must_set_up(self, request):
        if not settings.COPRODUCE_REQUIRE_MFA:
            return False
        user = request.user
        if not user.is_authenticated or not user.has_role(*settings.COPRODUCE_MFA_ROLES):
            return False
        if request.path.startswith(self.ALLOWED_PREFIXES):
            return False
        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
