"""The claim reminder: after a meeting, each co-producer recorded as attending is
reminded once that they can claim for their time and costs, unless they already made a
claim for that meeting (a claim from a meeting carries its source, "meeting:12").
Decision 0029."""

from urllib.parse import urlencode

from django.db.models import Exists, OuterRef
from django.template.defaultfilters import date as format_date
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from coproduce.accounts.models import Role
from coproduce.lib.language import in_language_of
from coproduce.meetings.attendance import claim_details, to_ask_about
from coproduce.notifications import occasions
from coproduce.notifications.actions import notify

from .models import Claim

CLAIM = "meetings.claim_reminder"


def claim_key(meeting):
    return f"{CLAIM}:{meeting.pk}"


def send_claim_reminders(now=None):
    """Reminds co-producers who attended a recent meeting, the day after, that they can
    claim for it. Returns how many were reminded."""
    now = now or timezone.now()
    attendance = (
        to_ask_about(now)
        .filter(person__role_assignments__role=Role.COPRODUCER)
        .exclude(
            Exists(
                Claim.objects.filter(
                    claimant=OuterRef("person"), source=occasions.key_for("meeting:", "meeting_id")
                )
            )
        )
        .exclude(occasions.already_told("person", occasions.key_for(f"{CLAIM}:", "meeting_id")))
    )
    reminded = 0
    for row in attendance:
        meeting = row.meeting
        with in_language_of(row.person):
            day = format_date(timezone.localtime(meeting.starts_at), "l j F")
            notification = notify(
                row.person,
                CLAIM,
                subject=_("Claim for %(meeting)s") % {"meeting": meeting.title},
                body=_(
                    "Thank you for taking part in %(meeting)s on %(day)s. We recorded "
                    "%(minutes)s minutes. You can claim for your time, and for costs such as "
                    "travel or a personal assistant. The claim form is filled in for you to check."
                )
                % {"meeting": meeting.title, "day": day, "minutes": row.minutes},
                easy_read=_(
                    "Thank you for coming to %(meeting)s.\n"
                    "You can ask us to pay you for your time.\n"
                    "You can ask us to pay for your travel too."
                )
                % {"meeting": meeting.title},
                url=f"{reverse('payments:claim_new')}?{urlencode(claim_details(row))}",
                key=claim_key(meeting),
            )
        reminded += notification is not None
    return reminded


@task()
def claim_reminders():
    """The scheduled job: claim reminders the day after a meeting."""
    return {"reminded": send_claim_reminders()}
