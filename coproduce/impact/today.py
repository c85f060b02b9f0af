"""What the impact log puts on a person's Today (lib.today): the changes they are named
in and have not yet said whether their name may be shown. The count and the oldest date
are read with every other app's in one query (lib.today.register_counts)."""

from django.urls import reverse
from django.utils.translation import gettext, ngettext

from coproduce.lib.today import INFORMATION, Item, count_of, counted, oldest_of

from .models import ImpactPerson


def counts(user, now):
    waiting = ImpactPerson.objects.filter(person=user, consent_changed_at__isnull=True)
    return {
        "impact_unchosen": count_of(waiting),
        "impact_unchosen_oldest": oldest_of(waiting, "added_at"),
    }


def names_to_choose(user, now):
    numbers = counted(user, now)
    n = numbers["impact_unchosen"]
    if n:
        yield Item(
            key="impact.names",
            sentence=ngettext(
                "You are part of %(n)s change we recorded. "
                "Say whether your name may be shown in public.",
                "You are part of %(n)s changes we recorded. "
                "Say whether your name may be shown in public.",
                n,
            )
            % {"n": n},
            action_label=gettext("Choose"),
            action_url=reverse("impact:mentions"),
            since=numbers["impact_unchosen_oldest"],
            urgency=INFORMATION,
        )
