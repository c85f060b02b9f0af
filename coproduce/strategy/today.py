"""What the strategy puts on a commitment owner's Today (lib.today): their commitments
due within 30 days, and those not on track. The counts are read with every other app's
in one query (lib.today.register_counts); only an owner of a measured commitment pays
two more queries (their commitments, and their figures' history), however many they own."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from coproduce.lib.today import NORMAL, Item, count_of, counted, oldest_of, urgency_for

from .models import Commitment
from .trajectory import OFF_TRACK, trajectories

DUE_SOON_DAYS = 30


def counts(user, now):
    today = timezone.localdate(now)
    mine = Commitment.objects.filter(owner=user)
    soon = mine.filter(due_on__gte=today, due_on__lte=today + timedelta(days=DUE_SOON_DAYS))
    return {
        "strategy_due_soon": count_of(soon),
        "strategy_due_first": oldest_of(soon, "due_on"),
        "strategy_measured": count_of(mine.measured().filter(due_on__gte=today)),
    }


def commitments_to_see_to(user, now):
    numbers = counted(user, now)
    n = numbers.get("strategy_due_soon") or 0
    if n:
        first = numbers["strategy_due_first"]
        yield Item(
            key="strategy.due_soon",
            sentence=ngettext(
                "%(n)s strategy commitment you own is due within 30 days.",
                "%(n)s strategy commitments you own are due within 30 days.",
                n,
            )
            % {"n": n},
            action_label=gettext("See the strategy"),
            action_url=reverse("strategy:commitment_list"),
            due=first,
            urgency=urgency_for(first, now),
        )
    if numbers.get("strategy_measured"):
        today = timezone.localdate(now)
        mine = list(Commitment.objects.measured().filter(owner=user, due_on__gte=today))
        judged = trajectories(mine, today)
        for commitment in mine:
            if judged[commitment.pk].status == OFF_TRACK:
                yield Item(
                    key=f"strategy.off_track:{commitment.pk}",
                    sentence=gettext("“%(text)s” is not on track.") % {"text": commitment.text},
                    action_label=gettext("See its trajectory"),
                    action_url=commitment.get_absolute_url(),
                    due=commitment.due_on,
                    urgency=NORMAL,
                )
