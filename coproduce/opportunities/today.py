"""What opportunities put on a co-producer's Today (lib.today): open opportunities
published in the last 30 days whose topics match the interests on their profile,
only when they agreed to be contacted about opportunities (people.consent), and
only those they have not already answered.

A fixed number of queries, however many opportunities there are."""

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import Role
from coproduce.lib.today import Item, urgency_for
from coproduce.people import consent
from coproduce.people.models import Interest, ProfileTag

from .models import Application, Opportunity

SHOWN = 5
NEW_FOR_DAYS = 30


def _words(interest):
    """What to look for in an opportunity's topics for one interest."""
    label = Interest(interest).label.lower()
    return {interest.replace("_", " "), label, label.split(" and ")[0]}


def matching_opportunities(user, now):
    if not user.has_role(Role.COPRODUCER):
        return
    # Their interests, each row carrying their newest choice about being contacted:
    # one query for both.
    rows = list(
        ProfileTag.objects.filter(profile__user=user, kind="interest").values_list(
            "value", consent.newest_choice(consent.CONTACT, field="profile__user")
        )
    )
    interests = [value for value, _ in rows if value in Interest.values]
    if not interests or not rows[0][1]:
        return
    today = timezone.localdate(now)
    applied = Application.objects.filter(opportunity=OuterRef("pk"), person=user)
    found = (
        Opportunity.objects.filter(
            status=Opportunity.Status.OPEN,
            closing_on__gte=today,
            created_at__gte=now - timedelta(days=NEW_FOR_DAYS),
        )
        .exclude(Exists(applied))
        .order_by("closing_on", "pk")
    )
    wanted = set().union(*(_words(interest) for interest in interests))
    shown = 0
    for opportunity in found[: SHOWN * 20]:
        topics = {topic.strip().lower() for topic in opportunity.topics.split(",")}
        if not any(word in topic for topic in topics for word in wanted):
            continue
        yield Item(
            key=f"opportunities.match:{opportunity.pk}",
            sentence=_("A new opportunity matches your interests: “%(title)s”.")
            % {"title": opportunity.title},
            action_label=_("Read about it"),
            action_url=opportunity.get_absolute_url(),
            due=opportunity.closing_on,
            urgency=urgency_for(opportunity.closing_on, now),
        )
        shown += 1
        if shown == SHOWN:
            return
