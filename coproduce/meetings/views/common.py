"""What the meetings pages share."""

from django.shortcuts import get_object_or_404

from ..models import Meeting


def meeting_from(request, pk, **kwargs):
    return get_object_or_404(Meeting, pk=pk)


def posted(request):
    """The submitted data, even when empty (all boxes unticked), so the form says what is wrong."""
    return request.POST if request.method == "POST" else None


def posted_files(request):
    return request.FILES if request.method == "POST" else None


def absolute_url(request):
    return request.build_absolute_uri
