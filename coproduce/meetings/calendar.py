"""Calendar files (.ics) for one meeting and a person's private feed."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar, Event

from .models import Invitation

ORGANISATION = "coproduce"


def _event(meeting, url, invited):
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{ORGANISATION}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", meeting.title)
    lines = [meeting.description] if meeting.description else []
    if meeting.breaks.all():
        breaks = ", ".join(
            gettext("%(start)s for %(minutes)s minutes")
            % {"start": f"{timezone.localtime(b.starts_at()):%H:%M}", "minutes": b.length_minutes}
            for b in meeting.breaks.all()
        )
        lines.append(gettext("Breaks: %(breaks)s") % {"breaks": breaks})
    if meeting.is_online and invited:
        lines.append(
            gettext("How to join online: %(details)s") % {"details": meeting.joining_details}
        )
    lines.append(gettext("Details, papers and access: %(url)s") % {"url": url})
    event.add("description", "\n\n".join(lines))
    if meeting.venue and meeting.kind != meeting.Kind.ONLINE:
        event.add("location", f"{meeting.venue.name}, {meeting.venue.address}".replace("\n", ", "))
    elif meeting.is_online:
        event.add("location", gettext("Online"))
    event.add("url", url)
    return event


def calendar(meetings, build_url, invited_ids=frozenset(), name=None):
    cal = Calendar()
    cal.add("prodid", f"-//{settings.COPRODUCE_ORGANISATION_NAME}//Coproduce meetings//EN")
    cal.add("version", "2.0")
    if name:
        cal.add("x-wr-calname", name)
    for meeting in meetings:
        cal.add_component(
            _event(meeting, build_url(meeting.get_absolute_url()), meeting.pk in invited_ids)
        )
    return cal.to_ical()


def feed_meetings(person):
    """Meetings the person has (or may have) a place at, recent and upcoming."""
    since = timezone.now() - timezone.timedelta(days=90)
    return (
        Invitation.objects.filter(
            person=person,
            reply__in=[Invitation.Reply.YES, Invitation.Reply.MAYBE, Invitation.Reply.NONE],
            meeting__starts_at__gte=since,
        )
        .select_related("meeting__venue")
        .prefetch_related("meeting__breaks")
        .order_by("meeting__starts_at")
    )
