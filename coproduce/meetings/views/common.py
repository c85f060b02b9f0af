"""What the meetings pages share."""

from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404

from ..models import Meeting
from ..organising import meetings_organised_by


def meeting_from(request, pk, **kwargs):
    return get_object_or_404(Meeting, pk=pk)


def meeting_for_viewer(request, meetings, pk):
    """One meeting from `meetings`, with whether the viewer organises it asked in the
    same query, kept on the request for the view after its permission check."""
    if not request.user.is_authenticated:  # sent to sign in by the permission check
        return get_object_or_404(meetings, pk=pk)
    meeting = get_object_or_404(
        meetings.annotate(
            viewer_organises=Exists(meetings_organised_by(request.user).filter(pk=OuterRef("pk")))
        ),
        pk=pk,
    )
    meeting.viewer_id = request.user.pk
    request.meeting = meeting
    return meeting


def posted(request):
    """The submitted data, even when empty (all boxes unticked), so the form says what is wrong."""
    return request.POST if request.method == "POST" else None


def posted_files(request):
    return request.FILES if request.method == "POST" else None


def absolute_url(request):
    return request.build_absolute_uri
