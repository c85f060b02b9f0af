from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme


def permission_required(perm, fn=None):
    """Visitors are sent to sign in; signed-in people without the permission get 403.
    `fn(request, **kwargs)` returns the object the permission is checked against."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            obj = fn(request, **kwargs) if fn else None
            if request.user.has_perm(perm, obj):
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied

        return wrapped

    return decorator


def safe_next(request, default):
    """Where to go after a form: the `next` given, if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def error_page(template, status):
    def view(request, exception=None):
        return render(request, template, status=status)

    return view


def server_error(request):
    """Rendered without the request's context: the database may be what failed."""
    body = loader.get_template("errors/500.html").render(
        {"CONTACT_EMAIL": settings.COPRODUCE_CONTACT_EMAIL}
    )
    return HttpResponseServerError(body)


def id_param(value):
    """A record id from a query string or form, or None: digits only and small
    enough for any database (a huge number would overflow SQLite's integers)."""
    value = (value or "").strip()
    if value.isdecimal() and len(value) <= 18:
        return int(value)
    return None
