"""Nudges that close a meeting's loops: feedback after it, arrangement owners before it,
and the papers to each person coming in the format they chose.

Each is told once per occasion however often a job runs: the notification's key names
the occasion ("meetings.feedback_reminder:12"), and `notify` stores nothing for a key
the person already has. Each run costs a fixed number of queries, plus the notify calls
for the people told (see docs/decisions/0029-nudges-and-scheduling.md)."""

from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django.template.defaultfilters import date as format_date
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django_tasks import task

from coproduce.lib.language import in_language_of
from coproduce.notifications import occasions
from coproduce.notifications.actions import notify
from coproduce.people.models import Format

from .attendance import to_ask_about
from .checklist import ATTENDING
from .models import AlternativeFormat, Arrangement, FeedbackGiven, Material

ARRANGEMENT_WARNING_DAYS = 7


def _day(moment):
    return format_date(timezone.localtime(moment), "l j F")


# ---- feedback after a meeting ----------------------------------------------------


FEEDBACK = "meetings.feedback_reminder"


def feedback_key(meeting):
    return f"{FEEDBACK}:{meeting.pk}"


def send_feedback_reminders(now=None):
    """Asks each person recorded as attending a recent meeting how it went, once, the day
    after, unless they already told us. Returns how many were asked."""
    now = now or timezone.now()
    attendance = (
        to_ask_about(now)
        .exclude(
            Exists(
                FeedbackGiven.objects.filter(meeting=OuterRef("meeting"), person=OuterRef("person"))
            )
        )
        .exclude(occasions.already_told("person", occasions.key_for(f"{FEEDBACK}:", "meeting_id")))
    )
    asked = 0
    for row in attendance:
        meeting = row.meeting
        with in_language_of(row.person):
            values = {"title": meeting.title, "day": _day(meeting.starts_at)}
            notification = notify(
                row.person,
                FEEDBACK,
                subject=gettext("How was %(title)s?") % values,
                body=gettext(
                    "Thank you for taking part in %(title)s on %(day)s. "
                    "Please tell us how it went: whether your access needs were met, and whether "
                    "you felt listened to. It takes a few minutes, and you can choose not to give "
                    "your name. What you tell us changes how we run meetings."
                )
                % values,
                easy_read=gettext(
                    "Thank you for coming to %(title)s.\n"
                    "Tell us how the meeting went.\n"
                    "You do not have to give your name."
                )
                % values,
                url=reverse("meetings:feedback", args=[meeting.pk]),
                key=feedback_key(meeting),
            )
        asked += notification is not None
    return asked


@task()
def feedback_reminders():
    """The scheduled job: feedback reminders the day after a meeting."""
    return {"asked": send_feedback_reminders()}


# ---- access arrangements -------------------------------------------------------


def arrangement_key(arrangement, overdue):
    """A week before the meeting is one occasion; being overdue is another, for each
    date it was due by (a new date that passes is a new occasion)."""
    if overdue:
        return f"meetings.arrangement_due:{arrangement.pk}:overdue:{arrangement.due_on:%Y-%m-%d}"
    return f"meetings.arrangement_due:{arrangement.pk}:week"


def send_arrangement_reminders(now=None):
    """Tells each owner of an access arrangement that is not ready yet when the meeting
    is a week away, and when its date to arrange by has passed. Returns how many."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    arrangements = (
        Arrangement.objects.filter(
            still_needed=True,
            owner__isnull=False,
            owner__is_active=True,
            meeting__starts_at__gt=now,
        )
        .exclude(status__in=[Arrangement.Status.DONE, Arrangement.Status.NOT_POSSIBLE])
        .filter(
            Q(due_on__lt=today)
            | Q(meeting__starts_at__lte=now + timedelta(days=ARRANGEMENT_WARNING_DAYS))
        )
        .select_related("meeting", "owner")
    )
    due = [(a, arrangement_key(a, a.due_on < today)) for a in arrangements]
    already = occasions.told(key for _, key in due)
    count = 0
    for arrangement, key in due:
        if (arrangement.owner_id, key) in already:
            continue
        meeting = arrangement.meeting
        overdue = arrangement.due_on < today
        with in_language_of(arrangement.owner):
            values = {
                "label": gettext(arrangement.label),
                "title": meeting.title,
                "day": _day(meeting.starts_at),
                "due": format_date(arrangement.due_on, "l j F"),
            }
            if overdue:
                subject = gettext("Overdue: %(label)s") % values
                body = (
                    gettext(
                        "“%(label)s” for %(title)s on %(day)s was due by %(due)s and is not "
                        "done yet. Please arrange it, or say it could not be arranged so we "
                        "can tell people."
                    )
                    % values
                )
            else:
                subject = gettext("A week to go: %(label)s") % values
                body = (
                    gettext(
                        "%(title)s on %(day)s is a week away, and “%(label)s” is not done yet. "
                        "Please arrange it, or say it could not be arranged so we can tell people."
                    )
                    % values
                )
            notification = notify(
                arrangement.owner,
                "meetings.arrangement_due",
                subject=subject,
                body=body,
                url=reverse("meetings:arrangement_edit", args=[meeting.pk, arrangement.pk]),
                key=key,
            )
        count += notification is not None
    return count


@task()
def arrangement_reminders():
    """The scheduled job: arrangement owners a week before and when overdue."""
    return {"told": send_arrangement_reminders()}


# ---- papers --------------------------------------------------------------------

# The version of a paper that serves each format a person can choose in their profile.
# Braille readers and embossers read plain text.
VERSION_FOR = {
    Format.EASY_READ: AlternativeFormat.Format.EASY_READ,
    Format.LARGE_PRINT: AlternativeFormat.Format.LARGE_PRINT,
    Format.BSL: AlternativeFormat.Format.BSL,
    Format.BRAILLE: AlternativeFormat.Format.PLAIN_TEXT,
}
STANDARD = "standard"


def papers_key(material, version):
    """One occasion per paper and version: the standard paper, then each other format
    as it is added, so someone waiting for Easy Read is told again when it is ready."""
    return f"meetings.papers:{material.pk}:{version}"


def _wanted(person):
    """The other formats the person chose, in their order."""
    profile = getattr(person, "profile", None)
    chosen = profile.formats if profile else []
    return [VERSION_FOR[code] for code in chosen if code in VERSION_FOR]


def _papers_for(material, version, waiting_for):
    """(body, easy_read, url) telling someone about one version of a paper."""
    meeting = material.meeting
    values = {
        "kind": material.get_kind_display().lower(),
        "paper": material.title,
        "title": meeting.title,
    }
    paper = gettext("the %(kind)s “%(paper)s” for %(title)s") % values
    easy_read = gettext("Your papers for %(title)s are ready.") % values
    if version == STANDARD:
        body = gettext("%(paper)s is ready.") % {"paper": capfirst(paper)}
        if waiting_for:
            label = AlternativeFormat.Format(waiting_for).label
            body += " " + gettext(
                "We are making the %(format)s version and will tell you when it is ready."
            ) % {"format": label}
            easy_read += "\n" + gettext(
                "We are making your %(format)s papers.\nWe will tell you when they are ready."
            ) % {"format": label}
        return (
            body,
            easy_read,
            reverse("meetings:material_download", args=[meeting.pk, material.pk]),
        )
    body = gettext("The %(format)s version of %(paper)s is ready for you.") % {
        "format": version.get_format_display(),
        "paper": paper,
    }
    if version.file:
        return body, easy_read, reverse("meetings:format_download", args=[meeting.pk, version.pk])
    # A BSL video kept elsewhere: the link is in the message, the meeting page lists it too.
    return f"{body} {version.link}", easy_read, meeting.get_absolute_url()


def send_papers(material, now=None):
    """Tells each person coming to the meeting (or, once it has started, each person
    who attended) that a paper is ready, in the format they chose where it exists.
    Returns how many were told."""
    now = now or timezone.now()
    meeting = material.meeting
    versions = {version.format: version for version in material.formats.all()}
    if meeting.starts_at <= now:
        people = [row.person for row in meeting.attendance.select_related("person__profile")]
    else:
        people = [
            invitation.person
            for invitation in meeting.invitations.filter(reply__in=ATTENDING).select_related(
                "person__profile"
            )
        ]
    told = 0
    for person in people:
        if not person.is_active:
            continue
        wanted = _wanted(person)
        chosen = next((versions[code] for code in wanted if code in versions), None)
        version_key = chosen.format if chosen else STANDARD
        waiting_for = wanted[0] if wanted and chosen is None else None
        with in_language_of(person):
            body, easy_read, url = _papers_for(material, chosen or STANDARD, waiting_for)
            notification = notify(
                person,
                "meetings.papers",
                subject=gettext("Papers for %(title)s") % {"title": meeting.title},
                body=body,
                easy_read=easy_read,
                url=url,
                key=papers_key(material, version_key),
            )
        told += notification is not None
    return told


@task()
def papers_sent(material_id):
    """Queued when a paper or another format of it is marked sent (once it commits)."""
    material = Material.objects.select_related("meeting").filter(pk=material_id).first()
    return {"told": send_papers(material) if material else 0}
