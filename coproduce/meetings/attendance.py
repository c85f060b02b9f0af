"""Attendance as other apps read it (payments prefill time claims from it, and
reminds people to claim after a meeting)."""

from datetime import datetime, time, timedelta

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


# People are asked about a meeting (feedback, claims) from 9 in the morning the day
# after it, never in the night, and for two weeks after it, not for ever.
ASK_FROM_HOUR = 9
ASK_FOR_DAYS = 14


def to_ask_about(now):
    """Attendance to ask people about now: at meetings held on an earlier day (from 9 in
    the morning), in the last ASK_FOR_DAYS days, by people whose accounts are active.
    One query, with the meeting and the person."""
    day = (timezone.localtime(now) - timedelta(hours=ASK_FROM_HOUR)).date()
    before = timezone.make_aware(datetime.combine(day, time.min))
    return Attendance.objects.filter(
        meeting__starts_at__lt=before,
        meeting__starts_at__gte=before - timedelta(days=ASK_FOR_DAYS),
        person__is_active=True,
    ).select_related("meeting", "person")
