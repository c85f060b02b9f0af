from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import Resolver404, resolve

View = TypeVar("View", bound=Callable[..., Any])
# `fn(request, **kwargs)`: the record a permission is checked against.
ObjectOf = Callable[..., Any]


def permission_required(perm: str, fn: ObjectOf | None = None) -> Callable[[View], View]:
    """Visitors are sent to sign in; signed-in people without the permission get 403.
    `fn(request, **kwargs)` returns the object the permission is checked against."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            obj = fn(request, **kwargs) if fn else None
            if request.user.has_perm(perm, obj):
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied

        # Read by `may_follow`; `wraps` carries it through the decorators outside this one.
        wrapped.permission = (perm, fn)  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator


def may_follow(request: HttpRequest, url: str) -> bool:
    """Whether a link to `url` (a path on this site) leads `request`'s person somewhere
    rather than to "You cannot see this page". Visitors may follow links to pages
    that ask them to sign in; a page that is not found is not worth a link."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    perm, fn = getattr(match.func, "permission", (None, None))
    if perm is None or not request.user.is_authenticated:
        return True
    try:
        obj = fn(request, **match.kwargs) if fn else None
    except Http404:
        return False
    return request.user.has_perm(perm, obj)


def personal(view: View) -> View:
    """Marks a view that answers about one person without sign-in (a token in the
    address): `PrivateResponsesMiddleware` keeps its responses out of every cache."""
    view.personal = True  # type: ignore[attr-defined]
    return view


# Longer than any address of ours; a huge `next` is someone playing, not a page.
LONGEST_NEXT = 2000


def local_path(value: object) -> str | None:
    """`value` if it is a path on this site ("/projects/3/"), else None.

    Only a single leading "/" is allowed: "//host" and "/\\host" are other sites to a
    browser, and a bare word such as "home" would be taken by `redirect()` for a view
    name. Control characters could split a header or hide a scheme."""
    if not isinstance(value, str) or not value.startswith("/") or len(value) > LONGEST_NEXT:
        return None
    if value.startswith("//") or "\\" in value:
        return None
    if any(unicodedata.category(char) == "Cc" for char in value):
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return None
    return value


def safe_next(request: HttpRequest, default: str) -> str:
    """Where to go after a form: the `next` given, if it is a path on this site,
    else `default` (a path from `reverse()`). Follow it with `HttpResponseRedirect`."""
    return local_path(request.POST.get("next") or request.GET.get("next")) or default


def error_page(template: str, status: int) -> Callable[..., HttpResponse]:
    def view(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
        return render(request, template, status=status)

    return view


def server_error(request: HttpRequest) -> HttpResponseServerError:
    """Rendered without the request's context: the database may be what failed."""
    body = loader.get_template("errors/500.html").render(
        {"CONTACT_EMAIL": settings.COPRODUCE_CONTACT_EMAIL}
    )
    return HttpResponseServerError(body)


def id_param(value: object) -> int | None:
    """A record id from a query string or form, or None: plain ASCII digits ("٣" and
    "²" are digits to Python) and no bigger than the database's ids can be (a bigger
    number overflows SQLite's integers)."""
    value = str(value if value is not None else "").strip()
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    if number > connection.ops.integer_field_range("BigAutoField")[1]:
        return None
    return number
