"""Calendar files: one meeting's, and a person's private feed of their meetings."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from coproduce.lib.language import in_language_of
from coproduce.lib.views import permission_required, personal

from .. import actions, calendar
from ..models import CalendarFeed, Meeting
from ..rules import runs_meetings
from .common import absolute_url, meeting_from


@permission_required("meetings.view_meeting", fn=meeting_from)
def meeting_ics(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("venue"), pk=pk)
    invited = meeting.invitations.filter(person=request.user).exists() or runs_meetings(
        request.user
    )
    body = calendar.calendar([meeting], absolute_url(request), {meeting.pk} if invited else set())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


@permission_required("meetings.view_own_calendar")
def calendar_settings(request):
    feed = CalendarFeed.objects.filter(person=request.user).first()
    if request.method == "POST":
        if feed:
            actions.renew_calendar_feed(person=request.user, feed=feed)
            messages.success(
                request, gettext("You have a new calendar address. The old one no longer works.")
            )
        else:
            actions.renew_calendar_feed(person=request.user, feed=None)
            messages.success(request, gettext("Your calendar address is ready."))
        return redirect("meetings:calendar_settings")
    url = (
        request.build_absolute_uri(reverse("meetings:calendar_feed", args=[feed.token]))
        if feed
        else ""
    )
    return render(request, "meetings/calendar_settings.html", {"feed": feed, "url": url})


@personal
def calendar_feed(request, token):
    feed = CalendarFeed.objects.filter(token=token).select_related("person").first()
    if feed is None or not feed.person.is_active:
        raise Http404
    invitations = list(calendar.feed_meetings(feed.person))
    # A calendar app fetches the feed with no cookie: it is written in the person's language.
    with in_language_of(feed.person):
        body = calendar.calendar(
            [i.meeting for i in invitations],
            absolute_url(request),
            {i.meeting_id for i in invitations},
            name=gettext("My meetings"),
        )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
