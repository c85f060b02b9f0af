"""Links the public site shows to public pages other apps serve (the strategy's public
commitments), so the site links to them without importing those apps. Each app
registers its links from its registrations.py; a place ("updates") is where the site
shows them."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class PublicLink:
    key: str  # unique: "strategy.commitments"
    place: str  # where the site shows it: "updates"
    label: str | Promise
    url_name: str
    description: str | Promise = ""
    order: int = 50


_LINKS: dict[str, PublicLink] = {}


def register(link: PublicLink) -> None:
    """Registering the same key again replaces the link (apps may be readied twice)."""
    _LINKS[link.key] = link


def links_for(place: str) -> list[dict[str, str]]:
    """[{label, url, description}] for one place, in order."""
    chosen = sorted(
        (link for link in _LINKS.values() if link.place == place),
        key=lambda link: (link.order, link.key),
    )
    return [
        {
            "label": str(link.label),
            "url": reverse(link.url_name),
            "description": str(link.description),
        }
        for link in chosen
    ]
