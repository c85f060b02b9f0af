"""What peer support puts on Today (lib.today): for the co-production lead, the people
waiting for a peer supporter; for a peer supporter, a pairing with no check-in for a
while. Both are counted with every other app's numbers in one query, and not at all
for people they do not concern."""

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from coproduce.accounts.models import Role
from coproduce.lib.today import NORMAL, THIS_WEEK, Item, count_of, counted, oldest_of

from .models import CheckIn, Pairing, PeerSupportRequest

# A pairing with no check-in for this long is due one.
CHECK_IN_EVERY = timedelta(days=28)
WAITING = "peers_waiting"
WAITING_SINCE = "peers_waiting_since"
CHECK_INS_DUE = "peers_check_ins_due"


def counts(user, now):
    numbers = {}
    if user.has_role(Role.LEAD):
        waiting = PeerSupportRequest.objects.filter(status=PeerSupportRequest.Status.OPEN)
        numbers[WAITING] = count_of(waiting)
        numbers[WAITING_SINCE] = oldest_of(waiting, "created_at")
    if user.has_role(Role.COPRODUCER):
        since = now - CHECK_IN_EVERY
        recent = CheckIn.objects.filter(
            pairing=OuterRef("pk"), held_on__gte=timezone.localdate(since)
        )
        due = Pairing.objects.filter(supporter=user, ended_at=None, started_at__lt=since).exclude(
            Exists(recent)
        )
        numbers[CHECK_INS_DUE] = count_of(due)
    return numbers


def requests_waiting(user, now):
    if not user.has_role(Role.LEAD):
        return []
    numbers = counted(user, now)
    waiting = numbers.get(WAITING) or 0
    if not waiting:
        return []
    return [
        Item(
            key="peers.requests_waiting",
            sentence=ngettext(
                "%(count)d person is waiting for a peer supporter",
                "%(count)d people are waiting for a peer supporter",
                waiting,
            )
            % {"count": waiting},
            action_label=gettext("Pair them"),
            action_url=reverse("peers:home"),
            since=numbers.get(WAITING_SINCE),
            urgency=THIS_WEEK,
        )
    ]


def check_ins_due(user, now):
    if not user.has_role(Role.COPRODUCER):
        return []
    due = counted(user, now).get(CHECK_INS_DUE) or 0
    if not due:
        return []
    return [
        Item(
            key="peers.check_ins_due",
            sentence=ngettext(
                "Check in with the person you support: it has been a few weeks",
                "Check in with the %(count)d people you support: it has been a few weeks",
                due,
            )
            % {"count": due},
            action_label=gettext("Record a check-in"),
            action_url=reverse("peers:home"),
            urgency=NORMAL,
        )
    ]
