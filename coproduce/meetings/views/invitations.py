"""Inviting people, and their replies: signed in, by the emailed link, or taken by staff."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from coproduce.lib.views import permission_required, personal, safe_next

from .. import actions
from ..forms import InviteForm, ReplyForm, ReplyOnBehalfForm
from ..models import Invitation, Meeting
from .common import meeting_from, posted


@permission_required("meetings.change_meeting", fn=meeting_from)
def invite(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("project"), pk=pk)
    form = InviteForm(posted(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        created = actions.invite(
            meeting=meeting, people=form.cleaned_data["chosen"], invited_by=request.user
        )
        messages.success(
            request,
            ngettext(
                "%(count)s person invited. They get an email with a link to reply.",
                "%(count)s people invited. Each gets an email with a link to reply.",
                len(created),
            )
            % {"count": len(created)}
            if created
            else gettext("Everyone you chose was already invited."),
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
        Invitation.Reply.YES: gettext("Thank you. You have a place."),
        Invitation.Reply.WAITING: gettext(
            "The meeting is full, so you are on the waiting list. "
            "We will email you if a place comes free."
        ),
        Invitation.Reply.MAYBE: gettext("Thank you. You said you might come."),
        Invitation.Reply.NO: gettext("Thank you. You said you cannot come."),
        Invitation.Reply.CANCELLED: gettext(
            "You have given up your place. Thank you for telling us."
        ),
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
    form = ReplyForm(posted(request), initial={"reply": invitation.reply})
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
    form = ReplyOnBehalfForm(posted(request), meeting=meeting)
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
                gettext("Reply recorded for %(person)s: %(reply)s.")
                % {"person": invitation.person, "reply": invitation.get_reply_display().lower()},
            )
            return redirect(meeting)
    return render(request, "meetings/reply_on_behalf.html", {"form": form, "meeting": meeting})
