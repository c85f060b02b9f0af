"""Everything peer support contributes, registered once from PeersConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.lib import today as day
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.notifications import kinds
from coproduce.privacy import registry, retention

from . import (
    holdings,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    today,
)
from .actions import ENDED, PAIRED

KINDS = (
    kinds.Kind(
        PAIRED,
        _("Peer support pairings"),
        _("When you are paired with a peer supporter, or with someone to support."),
    ),
    kinds.Kind(
        ENDED,
        _("Peer support coming to an end"),
        _("When a peer support pairing you are in comes to an end."),
    ),
)


def register() -> None:
    for kind in KINDS:
        kinds.register(kind)
    add_to_navigation(NavItem(_("Peer support"), "peers:home", "peers.view_home", order=47))
    add_to_navigation(NavItem(_("Peer groups"), "peers:group_list", "peers.view_groups", order=48))
    registry.register(*holdings.HOLDINGS)
    retention.register(*holdings.RETENTION)
    day.register_counts("peers", today.counts)
    day.register(
        "peers.requests_waiting", today.requests_waiting, heading=_("Peer support"), order=46
    )
    day.register("peers.check_ins_due", today.check_ins_due, heading=_("Peer support"), order=46)
