"""Attendance as other apps read it (payments prefill time claims from it)."""

from django.utils import timezone

from .models import Attendance


def attended_by(person):
    """The person's attendance, newest meeting first."""
    return (
        Attendance.objects.filter(person=person)
        .select_related("meeting", "meeting__project")
        .order_by("-meeting__starts_at", "-pk")
    )


def claim_details(attendance):
    """What a time claim for this attendance starts from: the day, the time
    attended, the project and a source that stops the same meeting being claimed twice."""
    meeting = attendance.meeting
    details = {
        "activity_date": timezone.localdate(meeting.starts_at).isoformat(),
        "minutes": attendance.minutes,
        "description": meeting.title,
        "activity_type": "meeting",
        "source": f"meeting:{meeting.pk}",
    }
    if meeting.project_id:
        details["project"] = meeting.project_id
    return details
