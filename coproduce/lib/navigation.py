"""The header navigation. Each app registers its entries from its registrations.py;
an entry shows when the person holds its permission (django-rules)."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from rules.permissions import has_perm


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str
    order: int = 50


_ITEMS: list[NavItem] = []


def register(item: NavItem) -> None:
    if item not in _ITEMS:
        _ITEMS.append(item)
        _ITEMS.sort(key=lambda entry: entry.order)


def items_for(request: HttpRequest) -> list[dict[str, str | bool]]:
    user = request.user
    # Asks the rules directly, as user.has_perm would first: Django's own permission
    # tables grant none of these, so asking them too cost two queries on every page.
    # Superusers see everything, as user.has_perm gives them.
    sees_all = user.is_active and user.is_superuser
    links: list[dict[str, str | bool]] = []

    for item in _ITEMS:
        if sees_all or has_perm(item.permission, user):
            url = reverse(item.url_name)
            current = request.path == url or (url != "/" and request.path.startswith(url))
            links.append({"label": item.label, "url": url, "current": current})
    return links
