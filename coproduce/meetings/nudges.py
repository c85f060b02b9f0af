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
from django_tasks import task

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
        notification = notify(
            row.person,
            FEEDBACK,
            subject=f"How was {meeting.title}?",
            body=(
                f"Thank you for taking part in {meeting.title} on {_day(meeting.starts_at)}. "
                "Please tell us how it went: whether your access needs were met, and whether "
                "you felt listened to. It takes a few minutes, and you can choose not to give "
                "your name. What you tell us changes how we run meetings."
            ),
            easy_read=(
                f"Thank you for coming to {meeting.title}.\n"
                "Tell us how the meeting went.\n"
                "You do not have to give your name."
            ),
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
        due = format_date(arrangement.due_on, "l j F")
        when = f"{meeting.title} on {_day(meeting.starts_at)}"
        if overdue:
            subject = f"Overdue: {arrangement.label}"
            body = f"“{arrangement.label}” for {when} was due by {due} and is not done yet."
        else:
            subject = f"A week to go: {arrangement.label}"
            body = f"{when.capitalize()} is a week away, and “{arrangement.label}” is not done yet."
        notification = notify(
            arrangement.owner,
            "meetings.arrangement_due",
            subject=subject,
            body=body
            + " Please arrange it, or say it could not be arranged so we can tell people.",
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
    paper = f"the {material.get_kind_display().lower()} “{material.title}” for {meeting.title}"
    easy_read = f"Your papers for {meeting.title} are ready."
    if version == STANDARD:
        body = f"{capfirst(paper)} is ready."
        if waiting_for:
            label = AlternativeFormat.Format(waiting_for).label
            body += f" We are making the {label} version and will tell you when it is ready."
            easy_read += (
                f"\nWe are making your {label} papers.\nWe will tell you when they are ready."
            )
        return (
            body,
            easy_read,
            reverse("meetings:material_download", args=[meeting.pk, material.pk]),
        )
    body = f"The {version.get_format_display()} version of {paper} is ready for you."
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
        body, easy_read, url = _papers_for(material, chosen or STANDARD, waiting_for)
        notification = notify(
            person,
            "meetings.papers",
            subject=f"Papers for {meeting.title}",
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
