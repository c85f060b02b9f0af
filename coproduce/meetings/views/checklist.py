"""The access checklist: what to arrange so everyone can take part."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coproduce.lib.views import permission_required, safe_next

from .. import actions, checklist
from ..forms import ArrangementForm
from ..models import Arrangement, Meeting
from .common import meeting_from, posted


@permission_required("meetings.view_checklist", fn=meeting_from)
def checklist_view(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("venue"), pk=pk)
    # Once the meeting is over the checklist is a record of what was arranged:
    # nobody's passport is read again for it.
    details = [] if meeting.has_ended else checklist.sync(meeting, request.user).details
    items = list(
        meeting.arrangements.select_related("owner")
        .prefetch_related("needed_by")
        .order_by("-still_needed", "due_on", "label")
    )
    return render(
        request,
        "meetings/checklist.html",
        {
            "meeting": meeting,
            "items": items,
            "details": details,
            "warnings": checklist.warnings(meeting, items),
        },
    )


@permission_required("meetings.view_checklist", fn=meeting_from)
def arrangement_edit(request, pk, item_pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    item = get_object_or_404(Arrangement, pk=item_pk, meeting=meeting)
    form = ArrangementForm(posted(request), instance=item)
    if request.method == "POST" and form.is_valid():
        actions.update_arrangement(item=item, **form.cleaned_data)
        messages.success(request, f"“{item.label}” saved: {item.get_status_display().lower()}.")
        return redirect("meetings:checklist", pk=meeting.pk)
    return render(
        request, "meetings/arrangement_form.html", {"form": form, "meeting": meeting, "item": item}
    )


@permission_required("meetings.view_checklist", fn=meeting_from)
@require_POST
def arrangement_done(request, pk, item_pk):
    """Marks one arrangement done in a single step (from Today), keeping its owner,
    date and note."""
    meeting = get_object_or_404(Meeting, pk=pk)
    item = get_object_or_404(Arrangement, pk=item_pk, meeting=meeting)
    actions.update_arrangement(
        item=item,
        owner=item.owner,
        status=Arrangement.Status.DONE,
        due_on=item.due_on,
        note=item.note,
    )
    messages.success(request, f"“{item.label}” for “{meeting.title}” is marked as arranged.")
    return HttpResponseRedirect(
        safe_next(request, reverse("meetings:checklist", args=[meeting.pk]))
    )
