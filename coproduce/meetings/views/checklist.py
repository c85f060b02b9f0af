"""The access checklist: what to arrange so everyone can take part."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from coproduce.lib.views import permission_required, safe_next

from .. import actions, checklist
from ..forms import ArrangementForm
from ..models import Arrangement, Meeting
from .common import meeting_for_viewer, meeting_from, posted


def meeting_with_staleness(request, pk, **kwargs):
    """The meeting, and whether its checklist is out of date, in one query shared by the
    permission check and the page."""
    return meeting_for_viewer(
        request, checklist.with_staleness(Meeting.objects.select_related("venue")), pk
    )


@permission_required("meetings.view_checklist", fn=meeting_with_staleness)
def checklist_view(request, pk):
    """The stored checklist, read only: rebuilding it reads passports and writes, so the
    organiser asks for that (`checklist_update`) when the page says something changed."""
    meeting = request.meeting
    items = list(
        meeting.arrangements.select_related("owner").order_by("-still_needed", "due_on", "label")
    )
    # Who needs each, in one query even when there is nothing yet, so every meeting's
    # checklist costs the same.
    who = Arrangement.needed_by.through.objects.filter(arrangement__meeting=meeting)
    people = {}
    for row in who.select_related("user").order_by("user__name", "user_id"):
        people.setdefault(row.arrangement_id, []).append(row.user)
    for item in items:
        item.people = people.get(item.pk, [])
    # Names only: a supporter's own access passport is not read for someone else's meeting.
    supporters_coming = meeting.invitations.filter(
        reply__in=checklist.ATTENDING, supporter_coming__isnull=False
    ).select_related("person", "supporter_coming")
    return render(
        request,
        "meetings/checklist.html",
        {
            "meeting": meeting,
            "items": items,
            "stale": checklist.is_stale(meeting),
            "supporters_coming": supporters_coming.order_by("person__name", "pk"),
            "warnings": checklist.warnings(meeting, items),
            "papers_not_accessible": meeting.materials.exclude(access_problems=[]),
        },
    )


@permission_required("meetings.view_checklist", fn=meeting_from)
@require_POST
def checklist_update(request, pk):
    """Rebuilds the checklist from the passports of the people coming, read as this
    organiser, who sees the result next."""
    meeting = get_object_or_404(Meeting, pk=pk)
    if meeting.has_ended:
        messages.info(
            request, gettext("The meeting is over: the checklist is a record of what was done.")
        )
    else:
        actions.update_checklist(meeting=meeting, organiser=request.user)
        messages.success(
            request, gettext("The checklist is up to date with replies and passports.")
        )
    return redirect("meetings:checklist", pk=meeting.pk)


@permission_required("meetings.view_checklist", fn=meeting_from)
def checklist_details(request, pk):
    """The food and other arrangements people coming described, read live (and logged)
    and never copied into the checklist. Once the meeting is over nobody's passport is
    read again for it."""
    meeting = get_object_or_404(Meeting, pk=pk)
    details = [] if meeting.has_ended else checklist.read_needs(meeting, request.user).details
    return render(
        request, "meetings/checklist_details.html", {"meeting": meeting, "details": details}
    )


@permission_required("meetings.view_checklist", fn=meeting_from)
def arrangement_edit(request, pk, item_pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    item = get_object_or_404(Arrangement, pk=item_pk, meeting=meeting)
    form = ArrangementForm(posted(request), instance=item)
    if request.method == "POST" and form.is_valid():
        actions.update_arrangement(item=item, **form.cleaned_data)
        messages.success(
            request,
            gettext("“%(label)s” saved: %(status)s.")
            % {"label": gettext(item.label), "status": item.get_status_display().lower()},
        )
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
    messages.success(
        request,
        gettext("“%(label)s” for “%(title)s” is marked as arranged.")
        % {"label": gettext(item.label), "title": meeting.title},
    )
    return HttpResponseRedirect(
        safe_next(request, reverse("meetings:checklist", args=[meeting.pk]))
    )
