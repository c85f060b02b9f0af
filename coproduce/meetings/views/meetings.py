"""Finding, arranging and changing meetings, and a meeting's own page."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode

from coproduce.lib.views import id_param, local_path, permission_required
from coproduce.projects.models import Project

from .. import actions, checklist
from ..attendance import claim_details
from ..forms import MeetingForm, ReplyForm
from ..models import FeedbackGiven, Invitation, Meeting
from ..rules import runs_meetings
from .common import meeting_from, posted


@permission_required("meetings.view_meeting_list")
def meeting_list(request):
    now = timezone.now()
    meetings = Meeting.objects.select_related("project", "venue")
    organiser = runs_meetings(request.user) or request.user.has_role("administrator")
    if not organiser:
        meetings = meetings.filter(invitations__person=request.user)
    project = None
    if project_id := id_param(request.GET.get("project")):
        project = Project.objects.filter(pk=project_id).first()
        if project is not None:
            meetings = meetings.filter(project=project)
    when = request.GET.get("when", "upcoming")
    if when == "past":
        meetings = meetings.past(now)
    else:
        when = "upcoming"
        meetings = meetings.upcoming(now)
    page = Paginator(meetings, 25).get_page(request.GET.get("page"))
    mine, coming = {}, {}
    if page.object_list:
        shown = list(page.object_list)
        mine = dict(
            Invitation.objects.filter(person=request.user, meeting__in=shown).values_list(
                "meeting_id", "reply"
            )
        )
        # Counted for the 25 shown: counting every meeting's replies before paging made
        # the database group all 400,000 invitations (0.1 s at a twentieth of that).
        if organiser:
            coming = dict(
                Invitation.objects.filter(meeting__in=shown)
                .coming()
                .values_list("meeting_id")
                .annotate(n=Count("pk"))
            )
    for meeting in page.object_list:
        meeting.coming = coming.get(meeting.pk, 0)
        meeting.my_reply = Invitation.Reply(mine[meeting.pk]).label if meeting.pk in mine else ""
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "page": page,
            "when": when,
            "organiser": organiser,
            "project": project,
            "querystring": urlencode(
                {"when": when, **({"project": project.pk} if project else {})}
            ),
        },
    )


@permission_required("meetings.add_meeting")
def meeting_create(request):
    initial = {"notice_days": 7}
    if project_id := id_param(request.GET.get("project")):
        initial["project"] = Project.objects.filter(pk=project_id).first()
    form = MeetingForm(posted(request), initial=initial, instance=Meeting(organiser=request.user))
    if request.method == "POST" and form.is_valid():
        meeting = actions.save_meeting(meeting=form.instance, breaks=form.cleaned_data["breaks"])
        messages.success(request, f"Meeting “{meeting.title}” created. Now invite people.")
        return redirect("meetings:invite", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "creating": True})


@permission_required("meetings.change_meeting", fn=meeting_from)
def meeting_edit(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = MeetingForm(posted(request), instance=meeting)
    if request.method == "POST" and form.is_valid():
        meeting = actions.save_meeting(meeting=form.instance, breaks=form.cleaned_data["breaks"])
        messages.success(request, "Meeting details saved.")
        return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


def _materials(meeting):
    return meeting.materials.prefetch_related("formats")


@permission_required("meetings.view_meeting", fn=meeting_from)
def meeting_detail(request, pk):
    meeting = get_object_or_404(
        Meeting.objects.select_related("project", "venue", "organiser"), pk=pk
    )
    user = request.user
    can_change = user.has_perm("meetings.change_meeting", meeting)
    mine = meeting.invitations.filter(person=user).first()
    invitations = counts = items = warnings = by_phone = waiting = None
    can_see_checklist = user.has_perm("meetings.view_checklist", meeting)
    if can_see_checklist:
        if checklist.is_stale(meeting):
            checklist.sync(meeting, user)
        items = list(meeting.arrangements.with_people_count())
        warnings = checklist.warnings(meeting, items)
    if can_change:
        invitations = meeting.invitations.by_name()
        counts = meeting.invitations.reply_counts()
        waiting = meeting.invitations.waiting_list()
        by_phone = [
            i
            for i in meeting.invitations.coming().select_related("person__profile")
            if not actions.wants_email(i.person)
        ]
    feedback_given = (
        mine is not None and FeedbackGiven.objects.filter(meeting=meeting, person=user).exists()
    )
    attended = (
        meeting.attendance.select_related("meeting").filter(person=user).first()
        if mine is not None and meeting.has_started
        else None
    )
    context = {
        "meeting": meeting,
        "breaks": meeting.breaks.all(),
        "mine": mine,
        "reply_form": ReplyForm(initial={"reply": mine.reply}) if mine else None,
        "can_change": can_change,
        "can_see_checklist": can_see_checklist,
        "can_see_joining": can_change or mine is not None,
        "materials": _materials(meeting),
        "invitations": invitations,
        "counts": counts,
        "waiting": waiting,
        "items": items,
        "warnings": warnings,
        "by_phone": by_phone,
        "can_give_feedback": user.has_perm("meetings.give_feedback", meeting)
        and not feedback_given,
        "feedback_given": feedback_given,
        "can_see_feedback": user.has_perm("meetings.view_feedback_results", meeting),
        "confirmed": counts.get(Invitation.Reply.YES.label) if counts else None,
        "attended": attended,
        "claim_query": urlencode(claim_details(attended)) if attended else "",
        "next": local_path(request.GET.get("next")),
    }
    return render(request, "meetings/meeting_detail.html", context)
