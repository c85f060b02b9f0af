from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class SecurityHeadersMiddleware:
    """Headers Django does not set itself."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.COPRODUCE_PERMISSIONS_POLICY)
        return response


# allauth's pages reached by a token in the address, which cannot carry `@personal`:
# a confirmation link shows the person's email address.
ALLAUTH_PERSONAL_LINKS = {"account_confirm_email", "account_reset_password_from_key"}


class PrivateResponsesMiddleware:
    """`Cache-Control: private, no-store` on every response with personal data, so
    neither a shared computer's browser nor a proxy keeps a copy: every response to
    a signed-in person, and views marked `@personal` (reached without signing in,
    by a token in the address). Static files and public pages stay cacheable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or reached_by_personal_link(request):
            response["Cache-Control"] = "private, no-store"
        return response


def reached_by_personal_link(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None:  # not found, or answered before the address was resolved
        return False
    return bool(getattr(match.func, "personal", False)) or match.url_name in ALLAUTH_PERSONAL_LINKS
