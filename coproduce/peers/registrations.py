"""Everything peer support contributes, registered once from PeersConfig.ready()."""

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
        "Peer support pairings",
        "When you are paired with a peer supporter, or with someone to support.",
    ),
    kinds.Kind(
        ENDED,
        "Peer support coming to an end",
        "When a peer support pairing you are in comes to an end.",
    ),
)


def register() -> None:
    for kind in KINDS:
        kinds.register(kind)
    add_to_navigation(NavItem("Peer support", "peers:home", "peers.view_home", order=47))
    add_to_navigation(NavItem("Peer groups", "peers:group_list", "peers.view_groups", order=48))
    registry.register(*holdings.HOLDINGS)
    retention.register(*holdings.RETENTION)
    day.register_counts("peers", today.counts)
    day.register("peers.requests_waiting", today.requests_waiting, heading="Peer support", order=46)
    day.register("peers.check_ins_due", today.check_ins_due, heading="Peer support", order=46)
