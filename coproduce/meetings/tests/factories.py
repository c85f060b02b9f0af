from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coproduce.meetings import actions
from coproduce.meetings.models import Meeting, Venue

PDF = b"%PDF-1.4\n%test paper\n"


def make_venue(**fields):
    defaults = {
        "name": "Community hall",
        "address": "1 Station Road\nLeeds",
        "step_free": True,
        "accessible_toilet": True,
        "hearing_loop": False,
        "quiet_room": True,
        "parking": "2 blue badge spaces",
        "public_transport": "Bus 12 stops outside",
    }
    return Venue.objects.create(**{**defaults, **fields})


def make_meeting(*, organiser, days=10, breaks=(), **fields):
    """A meeting `days` from now (negative: in the past)."""
    defaults = {
        "title": "Planning group",
        "kind": Meeting.Kind.HYBRID,
        "starts_at": (timezone.now() + timedelta(days=days)).replace(second=0, microsecond=0),
        "duration_minutes": 120,
        "joining_details": "https://meet.example.org/planning",
        "organiser": organiser,
    }
    if "venue" not in fields:
        fields["venue"] = make_venue()
    meeting = Meeting(**{**defaults, **fields})
    return actions.save_meeting(meeting=meeting, breaks=list(breaks))


def pdf(name="paper.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")
