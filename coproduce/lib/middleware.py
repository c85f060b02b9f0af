import time
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


# When the signed-in person's session was last saved (seconds since the epoch).
SESSION_RENEWED_KEY = "_renewed_at"


def renewal_interval() -> int:
    """A session is saved again at most this often: five minutes, or a twentieth of
    its life when that is shorter (a short test session renews on every request)."""
    return min(300, settings.SESSION_COOKIE_AGE // 20)


def seconds_left(request: HttpRequest) -> int:
    """How long the signed-in person's session has left: its full life from when it
    was last saved, which may be up to renewal_interval() ago."""
    renewed = request.session.get(SESSION_RENEWED_KEY)
    if renewed is None:
        return settings.SESSION_COOKIE_AGE
    return max(0, settings.SESSION_COOKIE_AGE - int(time.time() - renewed))


def mark_renewed(request: HttpRequest) -> None:
    request.session[SESSION_RENEWED_KEY] = int(time.time())


class RenewSessionMiddleware:
    """Sessions end after SESSION_COOKIE_AGE without use. Saving the session on every
    request to push that end back cost a database write on every page; this saves it
    only when it was last saved renewal_interval() ago or more, so the end moves on
    by at most that much less than it would have. Place it after SessionMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        renewed = request.session.get(SESSION_RENEWED_KEY)
        if renewed is None or time.time() - renewed >= renewal_interval():
            mark_renewed(request)
        return response
