from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from coproduce.lib.suppression import floor, suppress
from coproduce.lib.views import id_param, local_path, permission_required, personal, safe_next
from coproduce.projects.models import Project

from . import actions, calendar, checklist
from .attendance import claim_details
from .forms import (
    ArrangementForm,
    AttendanceForm,
    FeedbackForm,
    FollowUpForm,
    FormatForm,
    InviteForm,
    MaterialForm,
    MeetingForm,
    ReplyForm,
    ReplyOnBehalfForm,
    VenueForm,
)
from .models import (
    AccessAnswer,
    AlternativeFormat,
    Answer,
    Arrangement,
    CalendarFeed,
    Feedback,
    FeedbackGiven,
    Invitation,
    Material,
    Meeting,
    Venue,
)
from .rules import runs_meetings


def meeting_from(request, pk, **kwargs):
    return get_object_or_404(Meeting, pk=pk)


def _posted(request):
    """The submitted data, even when empty (all boxes unticked), so the form says what is wrong."""
    return request.POST if request.method == "POST" else None


def _files(request):
    return request.FILES if request.method == "POST" else None


def _absolute(request):
    return request.build_absolute_uri


# ---- meetings --------------------------------------------------------------


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
        meetings = meetings.filter(starts_at__lt=now).order_by("-starts_at", "pk")
    else:
        when = "upcoming"
        meetings = meetings.filter(starts_at__gte=now).order_by("starts_at", "pk")
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
                Invitation.objects.filter(meeting__in=shown, reply=Invitation.Reply.YES)
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
    form = MeetingForm(_posted(request), initial=initial, instance=Meeting(organiser=request.user))
    if request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        actions.save_meeting(meeting=meeting, breaks=form.cleaned_data["breaks"])
        messages.success(request, f"Meeting “{meeting.title}” created. Now invite people.")
        return redirect("meetings:invite", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "creating": True})


@permission_required("meetings.change_meeting", fn=meeting_from)
def meeting_edit(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = MeetingForm(_posted(request), instance=meeting)
    if request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        actions.save_meeting(meeting=meeting, breaks=form.cleaned_data["breaks"])
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
        items = list(
            meeting.arrangements.select_related("owner").annotate(people=Count("needed_by"))
        )
        warnings = checklist.warnings(meeting, items)
    if can_change:
        invitations = meeting.invitations.select_related("person", "recorded_by").order_by(
            "person__name", "pk"
        )
        counts = dict(meeting.invitations.values_list("reply").annotate(n=Count("pk")))
        counts = {label: counts.get(value, 0) for value, label in Invitation.Reply.choices}
        waiting = (
            meeting.invitations.filter(reply=Invitation.Reply.WAITING)
            .select_related("person")
            .order_by("waiting_since", "pk")
        )
        by_phone = [
            i
            for i in meeting.invitations.filter(reply=Invitation.Reply.YES).select_related(
                "person__profile"
            )
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


@permission_required("meetings.view_meeting", fn=meeting_from)
def meeting_ics(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("venue"), pk=pk)
    invited = meeting.invitations.filter(person=request.user).exists() or runs_meetings(
        request.user
    )
    body = calendar.calendar([meeting], _absolute(request), {meeting.pk} if invited else set())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


# ---- invitations and replies ---------------------------------------------


@permission_required("meetings.change_meeting", fn=meeting_from)
def invite(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("project"), pk=pk)
    form = InviteForm(_posted(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        created = actions.invite(
            meeting=meeting, people=form.cleaned_data["chosen"], invited_by=request.user
        )
        messages.success(
            request,
            f"{len(created)} people invited. Each gets an email with a link to reply."
            if created
            else "Everyone you chose was already invited.",
        )
        return redirect(meeting)
    return render(request, "meetings/invite.html", {"form": form, "meeting": meeting})


@permission_required("meetings.reply", fn=meeting_from)
@require_POST
def reply(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    invitation = get_object_or_404(Invitation, meeting=meeting, person=request.user)
    answer = request.POST.get("reply", "")
    if request.POST.get("cancel"):
        answer = Invitation.Reply.CANCELLED
    try:
        invitation = actions.reply(invitation=invitation, answer=answer)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(meeting)
    messages.success(request, _reply_message(invitation))
    return HttpResponseRedirect(safe_next(request, meeting.get_absolute_url()))


def _reply_message(invitation):
    return {
        Invitation.Reply.YES: "Thank you. You have a place.",
        Invitation.Reply.WAITING: "The meeting is full, so you are on the waiting list. "
        "We will email you if a place comes free.",
        Invitation.Reply.MAYBE: "Thank you. You said you might come.",
        Invitation.Reply.NO: "Thank you. You said you cannot come.",
        Invitation.Reply.CANCELLED: "You have given up your place. Thank you for telling us.",
    }[invitation.reply]


@personal
def reply_by_link(request, token):
    """The reply link in the invitation email: no sign-in, one step, never
    changes anything on a GET (mail scanners open links)."""
    try:
        invitation = actions.invitation_from_token(token)
    except ValidationError as error:
        return render(
            request, "meetings/reply_link_invalid.html", {"problem": error.messages[0]}, status=410
        )
    form = ReplyForm(_posted(request), initial={"reply": invitation.reply})
    done = None
    if request.method == "POST" and form.is_valid():
        try:
            invitation = actions.reply(invitation=invitation, answer=form.cleaned_data["reply"])
            done = _reply_message(invitation)
        except ValidationError as error:
            form.add_error("reply", error.messages[0])
    return render(
        request,
        "meetings/reply_by_link.html",
        {"form": form, "invitation": invitation, "meeting": invitation.meeting, "done": done},
    )


@permission_required("meetings.change_meeting", fn=meeting_from)
def reply_on_behalf(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = ReplyOnBehalfForm(_posted(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = actions.reply(
                invitation=form.cleaned_data["invitation"],
                answer=form.cleaned_data["reply"],
                recorded_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(
                request,
                f"Reply recorded for {invitation.person}: {invitation.get_reply_display().lower()}.",
            )
            return redirect(meeting)
    return render(request, "meetings/reply_on_behalf.html", {"form": form, "meeting": meeting})


# ---- checklist --------------------------------------------------------------


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
    form = ArrangementForm(_posted(request), instance=item)
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


# ---- materials -----------------------------------------------------------------


@permission_required("meetings.change_meeting", fn=meeting_from)
def material_add(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = MaterialForm(
        _posted(request), _files(request), initial={"sent_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        material = actions.add_material(
            meeting=meeting,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            sent_on=form.cleaned_data["sent_on"],
            upload=form.cleaned_data["file"],
            content_type=form.content_type,
            uploaded_by=request.user,
        )
        note = " It was sent later than the meeting's notice period." if material.is_late else ""
        messages.success(request, f"“{material.title}” added.{note} Add other formats next.")
        return redirect("meetings:format_add", pk=meeting.pk, material_pk=material.pk)
    return render(request, "meetings/material_form.html", {"form": form, "meeting": meeting})


@permission_required("meetings.change_meeting", fn=meeting_from)
def format_add(request, pk, material_pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    material = get_object_or_404(Material, pk=material_pk, meeting=meeting)
    form = FormatForm(_posted(request), _files(request), initial={"sent_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        added = actions.add_format(
            material=material,
            format=form.cleaned_data["format"],
            sent_on=form.cleaned_data["sent_on"],
            upload=form.cleaned_data.get("file"),
            content_type=form.content_type,
            link=form.cleaned_data.get("link", ""),
        )
        messages.success(request, f"{added.get_format_display()} version of “{material}” added.")
        return redirect(meeting)
    return render(
        request,
        "meetings/format_form.html",
        {"form": form, "meeting": meeting, "material": material, "formats": material.formats.all()},
    )


def _download(stored, filename, content_type):
    try:
        opened = stored.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404 from missing
    # Always a download, never shown in the page: an uploaded file cannot run as part of the site.
    return FileResponse(opened, as_attachment=True, filename=filename, content_type=content_type)


@permission_required("meetings.view_meeting", fn=meeting_from)
def material_download(request, pk, material_pk):
    material = get_object_or_404(Material, pk=material_pk, meeting_id=pk)
    return _download(material.file, material.original_name, material.content_type)


@permission_required("meetings.view_meeting", fn=meeting_from)
def format_download(request, pk, format_pk):
    item = get_object_or_404(AlternativeFormat, pk=format_pk, material__meeting_id=pk)
    if not item.file:
        raise Http404
    return _download(item.file, item.original_name, item.content_type)


# ---- attendance --------------------------------------------------------------


@permission_required("meetings.change_meeting", fn=meeting_from)
def attendance(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    invitations = meeting.invitations.select_related("person").order_by("person__name", "pk")
    existing = dict(meeting.attendance.values_list("person_id", "minutes"))
    form = AttendanceForm(
        _posted(request),
        invitations=invitations,
        existing=existing,
        duration=meeting.duration_minutes,
    )
    if request.method == "POST":
        if not meeting.has_started:
            form.add_error(None, "You can record attendance once the meeting has started.")
        elif form.is_valid():
            changed = actions.record_attendance(
                meeting=meeting,
                minutes_by_person=form.minutes_by_person(),
                recorded_by=request.user,
            )
            messages.success(request, f"Attendance saved ({changed} changes).")
            return redirect(meeting)
    return render(request, "meetings/attendance.html", {"form": form, "meeting": meeting})


# ---- feedback ------------------------------------------------------------------


@permission_required("meetings.give_feedback", fn=meeting_from)
def feedback(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    if FeedbackGiven.objects.filter(meeting=meeting, person=request.user).exists():
        messages.info(request, "You have already given feedback on this meeting. Thank you.")
        return redirect(meeting)
    form = FeedbackForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        anonymous = data.pop("anonymous")
        try:
            actions.give_feedback(meeting=meeting, person=request.user, anonymous=anonymous, **data)
        except ValidationError as error:
            messages.info(request, error.messages[0])
            return redirect(meeting)
        messages.success(
            request,
            "Thank you for your feedback."
            + (
                " You said your access needs were not fully met: the co-production lead will "
                "follow this up."
                if data["access_needs_met"] in (AccessAnswer.NO, AccessAnswer.PARTLY)
                else ""
            ),
        )
        return HttpResponseRedirect(safe_next(request, meeting.get_absolute_url()))
    return render(request, "meetings/feedback_form.html", {"form": form, "meeting": meeting})


QUESTIONS = (
    ("access_needs_met", "Were your access needs met?", AccessAnswer),
    ("listened_to", "Did you feel listened to?", Answer),
    ("could_say", "Could you say what you wanted to?", Answer),
)


def results_for(responses):
    """A table per question, small numbers suppressed."""
    tables = []
    for field, question, choices in QUESTIONS:
        raw = dict(responses.values_list(field).annotate(n=Count("pk")).order_by())
        shown, total = suppress({label: raw.get(value, 0) for value, label in choices.choices})
        tables.append({"question": question, "rows": shown.items(), "total": total})
    return tables


@permission_required("meetings.view_feedback_results", fn=meeting_from)
def feedback_results(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("project"), pk=pk)
    responses = meeting.feedback.all()
    return render(
        request,
        "meetings/feedback_results.html",
        {
            "meeting": meeting,
            "tables": results_for(responses),
            "count": responses.count(),
            "comments": responses.exclude(anything_else="").values_list("anything_else", flat=True),
            "floor": floor(),
        },
    )


@permission_required("meetings.view_feedback_results")
def project_feedback_results(request, project_pk):
    project = get_object_or_404(Project, pk=project_pk)
    responses = Feedback.objects.filter(meeting__project=project)
    meetings = (
        project.meetings.annotate(answers=Count("feedback"))
        .filter(answers__gt=0)
        .order_by("-starts_at")
    )
    return render(
        request,
        "meetings/project_feedback.html",
        {
            "project": project,
            "tables": results_for(responses),
            "count": responses.count(),
            "meetings": meetings,
            "floor": floor(),
        },
    )


@permission_required("meetings.view_feedback_results")
def feedback_overview(request):
    meetings = (
        Meeting.objects.select_related("project")
        .annotate(answers=Count("feedback"))
        .filter(answers__gt=0)
        .order_by("-starts_at")
    )
    page = Paginator(meetings, 25).get_page(request.GET.get("page"))
    projects = Project.objects.filter(meetings__feedback__isnull=False).distinct().order_by("title")
    open_follow_ups = Feedback.objects.filter(needs_follow_up=True, followed_up_at__isnull=True)
    return render(
        request,
        "meetings/feedback_overview.html",
        {
            "page": page,
            "projects": projects,
            "open_follow_ups": open_follow_ups.count(),
            "floor": floor(),
        },
    )


@permission_required("meetings.follow_up_feedback")
def follow_ups(request):
    items = Feedback.objects.filter(needs_follow_up=True).select_related(
        "meeting", "person", "followed_up_by"
    )
    show = request.GET.get("show", "open")
    if show != "all":
        show = "open"
        items = items.filter(followed_up_at__isnull=True)
    page = Paginator(items.order_by("followed_up_at", "-given_on", "-pk"), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "meetings/follow_ups.html", {"page": page, "show": show})


@permission_required("meetings.follow_up_feedback")
def follow_up(request, feedback_pk):
    item = get_object_or_404(
        Feedback.objects.select_related("meeting", "person"), pk=feedback_pk, needs_follow_up=True
    )
    form = FollowUpForm(_posted(request), initial={"note": item.follow_up_note})
    if request.method == "POST" and form.is_valid():
        actions.follow_up(feedback=item, note=form.cleaned_data["note"], done_by=request.user)
        messages.success(request, "Follow-up recorded.")
        return redirect("meetings:follow_ups")
    return render(request, "meetings/follow_up.html", {"form": form, "item": item})


# ---- calendar feed -----------------------------------------------------------


@permission_required("meetings.view_own_calendar")
def calendar_settings(request):
    feed = CalendarFeed.objects.filter(person=request.user).first()
    if request.method == "POST":
        token = CalendarFeed.new_token()
        if feed:
            feed.token, feed.created_at = token, timezone.now()
            feed.save(update_fields=["token", "created_at"])
            messages.success(
                request, "You have a new calendar address. The old one no longer works."
            )
        else:
            feed = CalendarFeed.objects.create(person=request.user, token=token)
            messages.success(request, "Your calendar address is ready.")
        return redirect("meetings:calendar_settings")
    url = (
        request.build_absolute_uri(reverse("meetings:calendar_feed", args=[feed.token]))
        if feed
        else ""
    )
    return render(request, "meetings/calendar_settings.html", {"feed": feed, "url": url})


@personal
def calendar_feed(request, token):
    feed = CalendarFeed.objects.filter(token=token).select_related("person").first()
    if feed is None or not feed.person.is_active:
        raise Http404
    invitations = list(calendar.feed_meetings(feed.person))
    body = calendar.calendar(
        [i.meeting for i in invitations],
        _absolute(request),
        {i.meeting_id for i in invitations},
        name="My meetings",
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


# ---- venues ----------------------------------------------------------------------


@permission_required("meetings.manage_venues")
def venue_list(request):
    venues = Venue.objects.annotate(used=Count("meetings")).order_by("name")
    return render(request, "meetings/venue_list.html", {"venues": venues})


@permission_required("meetings.manage_venues")
def venue_create(request):
    form = VenueForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        venue = form.save()
        messages.success(request, f"Venue “{venue}” added.")
        return redirect("meetings:venue_list")
    return render(request, "meetings/venue_form.html", {"form": form, "creating": True})


@permission_required("meetings.manage_venues")
def venue_edit(request, venue_pk):
    venue = get_object_or_404(Venue, pk=venue_pk)
    form = VenueForm(_posted(request), instance=venue)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Venue “{venue}” saved.")
        return redirect("meetings:venue_list")
    return render(request, "meetings/venue_form.html", {"form": form, "venue": venue})
