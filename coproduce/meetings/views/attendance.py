"""Who came, and for how long."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext

from coproduce.lib.views import permission_required

from .. import actions
from ..forms import AttendanceForm
from ..models import Meeting
from .common import meeting_from, posted


@permission_required("meetings.change_meeting", fn=meeting_from)
def attendance(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    invitations = meeting.invitations.select_related("person").order_by("person__name", "pk")
    existing = dict(meeting.attendance.values_list("person_id", "minutes"))
    form = AttendanceForm(
        posted(request),
        invitations=invitations,
        existing=existing,
        duration=meeting.duration_minutes,
    )
    if request.method == "POST":
        if not meeting.has_started:
            form.add_error(None, gettext("You can record attendance once the meeting has started."))
        elif form.is_valid():
            changed = actions.record_attendance(
                meeting=meeting,
                minutes_by_person=form.minutes_by_person(),
                recorded_by=request.user,
            )
            messages.success(
                request, gettext("Attendance saved (%(changed)s changes).") % {"changed": changed}
            )
            return redirect(meeting)
    return render(request, "meetings/attendance.html", {"form": form, "meeting": meeting})
