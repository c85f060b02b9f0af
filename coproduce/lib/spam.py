"""Spam resistance for the public forms without a CAPTCHA, which shuts out many
Disabled people: a honeypot field people never see, a limit per address, and
moderation before anything is public."""

import hashlib
import ipaddress

from allauth import app_settings as allauth_settings
from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest

HONEYPOT_FIELD = "website"
WINDOW_SECONDS = 60 * 60


def filled_honeypot(request: HttpRequest) -> bool:
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def client_address(request: HttpRequest) -> str:
    """The visitor's address, as django-allauth's sign-in throttle sees it: behind a
    proxy (ALLAUTH_TRUSTED_PROXY_COUNT) the one the proxy added, not the proxy's."""
    try:
        address: str = get_adapter(request).get_client_ip(request)
        return address

    except (PermissionDenied, ImproperlyConfigured):  # no usable address
        return "unknown"


def limit_address(request: HttpRequest) -> str:
    """The address limits count against. One IPv6 machine can use every address in its
    network (a /64), so for IPv6 that network counts as one address, as in allauth."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 4:
        return address
    prefix = allauth_settings.RATE_LIMIT_IPV6_PREFIX
    return str(ipaddress.ip_network(f"{parsed}/{prefix}", strict=False).network_address)


def _key(request: HttpRequest, scope: str) -> str:
    # Only a hash of the address is kept, and only for an hour.
    address = limit_address(request)
    return f"site-limit:{scope}:{hashlib.sha256(address.encode()).hexdigest()[:32]}"


def over_limit(request: HttpRequest, scope: str) -> bool:
    return bool(cache.get(_key(request, scope), 0) >= settings.COPRODUCE_PUBLIC_FORM_LIMIT)


def count_submission(request: HttpRequest, scope: str) -> None:

    key = _key(request, scope)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, WINDOW_SECONDS)
