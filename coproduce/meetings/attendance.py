"""Attendance as other apps read it (payments prefill time claims from it)."""

from .models import Attendance


def attended_by(person):
    """The person's attendance, newest meeting first."""
    return (
        Attendance.objects.filter(person=person)
        .select_related("meeting", "meeting__project")
        .order_by("-meeting__starts_at", "-pk")
    )
