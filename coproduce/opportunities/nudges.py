"""The opportunity alert: when an opportunity is open, each co-producer whose interests
match its topics (`matching`) and whose newest choice is yes to hearing about
opportunities is told once. People who already said they are interested are not.
Decision 0029."""

from django.template.defaultfilters import date as format_date
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from coproduce.accounts.models import Role
from coproduce.lib.language import in_language_of
from coproduce.notifications import occasions
from coproduce.notifications.actions import notify
from coproduce.people.interests import people_to_tell

from .matching import interests_of
from .models import Application, Opportunity

ALERT = "opportunities.alert"


def alert_key(opportunity):
    return f"{ALERT}:{opportunity.pk}"


def send_opportunity_alerts(now=None):
    """Tells people about open opportunities that match their interests, once each.
    Four queries whatever the numbers, plus the notify calls. Returns how many told."""
    today = timezone.localdate(now or timezone.now())
    opportunities = {
        opportunity: interests_of(opportunity)
        for opportunity in Opportunity.objects.filter(
            status=Opportunity.Status.OPEN, closing_on__gte=today
        )
    }
    opportunities = {o: interests for o, interests in opportunities.items() if interests}
    if not opportunities:
        return 0
    people = people_to_tell(set().union(*opportunities.values()), Role.COPRODUCER)
    applied = set(
        Application.objects.filter(opportunity__in=list(opportunities)).values_list(
            "opportunity_id", "person_id"
        )
    )
    already = occasions.told(alert_key(opportunity) for opportunity in opportunities)
    count = 0
    for opportunity, interests in opportunities.items():
        key = alert_key(opportunity)
        for person, theirs in people.items():
            if not interests & theirs or (opportunity.pk, person.pk) in applied:
                continue
            if (person.pk, key) in already:
                continue
            with in_language_of(person):
                notification = notify(
                    person,
                    ALERT,
                    subject=_("An opportunity for you: %(title)s") % {"title": opportunity.title},
                    body=_(
                        "%(title)s: %(summary)s\n\n"
                        "Time: %(time)s\n"
                        "Payment: %(payment)s\n"
                        "Say you are interested by %(closing)s. "
                        "We are telling you because it matches the interests in your profile."
                    )
                    % {
                        "title": opportunity.title,
                        "summary": opportunity.summary,
                        "time": opportunity.time_commitment,
                        "payment": opportunity.payment_offered,
                        "closing": format_date(opportunity.closing_on, "l j F"),
                    },
                    easy_read=opportunity.easy_read_summary,
                    url=opportunity.get_absolute_url(),
                    key=key,
                )
            count += notification is not None
    return count


@task()
def opportunity_alerts():
    """The scheduled job: alerts about open opportunities that match people's interests."""
    return {"told": send_opportunity_alerts()}
