"""Feedback after a meeting, its results with small numbers suppressed, and follow-ups."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.lib.suppression import floor, suppress
from coproduce.lib.views import permission_required, safe_next
from coproduce.projects.models import Project

from .. import actions
from ..forms import FeedbackForm, FollowUpForm
from ..models import AccessAnswer, Answer, Feedback, FeedbackGiven, Meeting
from .common import meeting_from, posted


@permission_required("meetings.give_feedback", fn=meeting_from)
def feedback(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    if FeedbackGiven.objects.filter(meeting=meeting, person=request.user).exists():
        messages.info(
            request, gettext("You have already given feedback on this meeting. Thank you.")
        )
        return redirect(meeting)
    form = FeedbackForm(posted(request))
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
            gettext(
                "Thank you for your feedback. You said your access needs were not fully met: "
                "the co-production lead will follow this up."
            )
            if data["access_needs_met"] in (AccessAnswer.NO, AccessAnswer.PARTLY)
            else gettext("Thank you for your feedback."),
        )
        return HttpResponseRedirect(safe_next(request, meeting.get_absolute_url()))
    return render(request, "meetings/feedback_form.html", {"form": form, "meeting": meeting})


QUESTIONS = (
    ("access_needs_met", _("Were your access needs met?"), AccessAnswer),
    ("listened_to", _("Did you feel listened to?"), Answer),
    ("could_say", _("Could you say what you wanted to?"), Answer),
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
    meetings = project.meetings.with_feedback()
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
    meetings = Meeting.objects.select_related("project").with_feedback()
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
    form = FollowUpForm(posted(request), initial={"note": item.follow_up_note})
    if request.method == "POST" and form.is_valid():
        actions.follow_up(feedback=item, note=form.cleaned_data["note"], done_by=request.user)
        messages.success(request, gettext("Follow-up recorded."))
        return redirect("meetings:follow_ups")
    return render(request, "meetings/follow_up.html", {"form": form, "item": item})
