"""Finding, arranging and changing meetings, and a meeting's own page."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext

from coproduce.lib import keyset
from coproduce.lib.views import id_param, local_path, permission_required
from coproduce.projects.models import Project
from coproduce.projects.team import projects_co_led_by

from .. import actions, checklist
from ..attendance import claim_details
from ..forms import MeetingForm, ReplyForm
from ..models import AlternativeFormat, Attendance, FeedbackGiven, Invitation, Meeting
from ..rules import is_co_lead_of_a_project, runs_meetings
from .common import meeting_for_viewer, meeting_from, posted

PAGE_SIZE = 25  # meetings a page


@permission_required("meetings.view_meeting_list")
def meeting_list(request):
    now = timezone.now()
    meetings = Meeting.objects.select_related("project", "venue")
    organiser = runs_meetings(request.user) or request.user.has_role("administrator")
    if not organiser:
        invited = Q(invitations__person=request.user)
        if is_co_lead_of_a_project(request.user):
            # A co-lead sees every meeting of the projects they co-lead, invited or not.
            invited = Q(pk__in=Invitation.objects.filter(person=request.user).values("meeting"))
            invited |= Q(project__in=projects_co_led_by(request.user))
        meetings = meetings.filter(invited)
    project = None
    if project_id := id_param(request.GET.get("project")):
        project = Project.objects.filter(pk=project_id).first()
        if project is not None:
            meetings = meetings.filter(project=project)
    when = request.GET.get("when", "upcoming")
    if when == "past":
        # Past meetings only grow: pages from a cursor, most recent first, with no total.
        # Numbering the pages counted every past meeting on each visit (59 ms with
        # 400,000 at a national organisation's size, 2.6 times the time at a tenth).
        page = keyset.page(
            meetings.filter(starts_at__lt=now),
            order="starts_at",
            size=PAGE_SIZE,
            query=request.GET,
            descending=True,
        )
    else:
        when = "upcoming"
        page = Paginator(meetings.upcoming(now), PAGE_SIZE).get_page(request.GET.get("page"))
    shown = list(page)
    mine, coming = {}, {}
    if shown:
        mine = dict(
            Invitation.objects.filter(person=request.user, meeting__in=shown)
            .order_by()  # no join to people for the name order
            .values_list("meeting_id", "reply")
        )
        # Counted for the 25 shown: counting every meeting's replies before paging made
        # the database group all 400,000 invitations (0.1 s at a twentieth of that).
        if organiser:
            coming = dict(
                Invitation.objects.filter(meeting__in=shown)
                .coming()
                .order_by()
                .values_list("meeting_id")
                .annotate(n=Count("pk"))
            )
    for meeting in shown:
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


def _projects_for(user):
    """The projects `user` may hold a meeting for: any, for those who run meetings; only
    those they co-lead, for a co-producer co-lead (None: any)."""
    return None if runs_meetings(user) else Project.objects.filter(pk__in=projects_co_led_by(user))


@permission_required("meetings.add_meeting")
def meeting_create(request):
    initial = {"notice_days": 7}
    if project_id := id_param(request.GET.get("project")):
        initial["project"] = Project.objects.filter(pk=project_id).first()
    projects = _projects_for(request.user)
    form = MeetingForm(
        posted(request),
        initial=initial,
        instance=Meeting(organiser=request.user),
        projects=projects,
    )
    if request.method == "POST" and form.is_valid():
        if projects is not None:
            # The project's staff lead organises a meeting a co-lead arranges: the access
            # checklist is built from passports, which only staff read.
            form.instance.organiser = form.cleaned_data["project"].lead
        meeting = actions.save_meeting(meeting=form.instance, breaks=form.cleaned_data["breaks"])
        messages.success(
            request,
            gettext("Meeting “%(title)s” created. Now invite people.") % {"title": meeting.title},
        )
        return redirect("meetings:invite", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "creating": True})


@permission_required("meetings.change_meeting", fn=meeting_from)
def meeting_edit(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = MeetingForm(posted(request), instance=meeting, projects=_projects_for(request.user))
    if request.method == "POST" and form.is_valid():
        meeting = actions.save_meeting(meeting=form.instance, breaks=form.cleaned_data["breaks"])
        messages.success(request, gettext("Meeting details saved."))
        return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


def _materials(meeting):
    """The meeting's papers, each with `.other_formats`: two queries whether or not there
    are papers, so every meeting's page costs the same."""
    materials = list(meeting.materials.all())
    by_material = {}
    for item in AlternativeFormat.objects.filter(material__meeting=meeting):
        by_material.setdefault(item.material_id, []).append(item)
    for material in materials:
        material.other_formats = by_material.get(material.pk, [])
    return materials


def _with_feedback_and_attendance(invitations):
    """Each invitation with whether its person gave feedback and the minutes they attended."""
    return invitations.annotate(
        feedback_given=Exists(
            FeedbackGiven.objects.filter(meeting=OuterRef("meeting"), person=OuterRef("person"))
        ),
        attended_minutes=Subquery(
            Attendance.objects.filter(
                meeting=OuterRef("meeting"), person=OuterRef("person")
            ).values("minutes")[:1]
        ),
    )


def meeting_for_page(request, pk, **kwargs):
    """The meeting with what its page shows beside it, fetched once for the permission
    check and the page. Organisers see everyone invited (their own invitation among
    them) and whether the checklist is out of date; anyone else gets their own
    invitation, with whether they gave feedback and the minutes they attended."""
    meetings = Meeting.objects.select_related("project", "venue", "organiser")
    if not request.user.is_authenticated:
        return meeting_for_viewer(request, meetings, pk)
    if runs_meetings(request.user):
        meetings = checklist.with_staleness(meetings)
    else:
        mine = Invitation.objects.filter(person=request.user).select_related("recorded_by")
        meetings = meetings.prefetch_related(
            Prefetch(
                "invitations",
                queryset=_with_feedback_and_attendance(mine),
                to_attr="viewer_invitations",
            )
        )
    return meeting_for_viewer(request, meetings, pk)


@permission_required("meetings.view_meeting", fn=meeting_for_page)
def meeting_detail(request, pk):
    meeting = request.meeting
    user = request.user
    can_change = user.has_perm("meetings.change_meeting", meeting)
    invitations = counts = items = warnings = by_phone = waiting = None
    can_see_checklist = user.has_perm("meetings.view_checklist", meeting)
    if can_see_checklist:
        items = list(meeting.arrangements.with_people_count())
        warnings = checklist.warnings(meeting, items)
    if can_change:
        # Everyone invited, once: the replies, the waiting list and who to ring are
        # counted from the same rows rather than asked for in three more queries.
        invitations = list(
            _with_feedback_and_attendance(
                meeting.invitations.by_name().select_related("person__profile")
            )
        )
        counts = Invitation.reply_counts_of(invitations)
        waiting = sorted(
            (i for i in invitations if i.reply == Invitation.Reply.WAITING),
            key=lambda i: (i.waiting_since, i.pk),
        )
        by_phone = [
            i
            for i in invitations
            if i.reply == Invitation.Reply.YES and not actions.wants_email(i.person)
        ]
        mine = next((i for i in invitations if i.person_id == user.pk), None)
    else:
        mine = next(iter(meeting.viewer_invitations), None)
    # Read from the viewer's invitation, fetched with the meeting; the same answer as
    # the meetings.give_feedback rule (was there, and the meeting has started).
    attended = (
        Attendance(meeting=meeting, person=user, minutes=mine.attended_minutes)
        if mine is not None and mine.attended_minutes is not None
        else None
    )
    feedback_given = mine is not None and mine.feedback_given
    was_there = attended is not None or (mine is not None and mine.has_place)
    context = {
        "meeting": meeting,
        "breaks": meeting.breaks.all(),
        "mine": mine,
        "reply_form": ReplyForm(initial={"reply": mine.reply}) if mine else None,
        "can_change": can_change,
        "can_see_checklist": can_see_checklist,
        "checklist_stale": can_see_checklist and checklist.is_stale(meeting),
        "can_see_joining": can_change or mine is not None,
        "materials": _materials(meeting),
        "invitations": invitations,
        "counts": counts,
        "waiting": waiting,
        "items": items,
        "warnings": warnings,
        "by_phone": by_phone,
        "can_give_feedback": meeting.has_started and was_there and not feedback_given,
        "feedback_given": feedback_given,
        "can_see_feedback": user.has_perm("meetings.view_feedback_results", meeting),
        # Places taken: a supporter coming with someone takes one too.
        "confirmed": sum(i.places_needed for i in invitations if i.has_place)
        if invitations is not None
        else None,
        "attended": attended,
        "claim_query": urlencode(claim_details(attended)) if attended else "",
        "next": local_path(request.GET.get("next")),
    }
    return render(request, "meetings/meeting_detail.html", context)
