"""A supporter acting for the person who let them: the person's meetings, and replies to
their invitations. The authority is read afresh on every request, so a withdrawal ends
the supporter's access at once (docs/decisions/0034-supporters-acting-for-people.md).
These pages show meetings and replies only: never the person's access passport or
equality answers."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from coproduce.lib.views import permission_required
from coproduce.people.views.supporters import authority_from

from .. import actions
from ..forms import SupporterReplyForm
from ..models import Invitation
from .common import posted

# Enough for anyone's upcoming meetings; the page costs the same whatever the number.
SHOWN = 50


@permission_required("people.see_meetings_for", fn=authority_from)
def acting_for(request, authority_pk):
    authority = request.authority
    invitations = (
        Invitation.objects.filter(
            person_id=authority.person_id, meeting__starts_at__gte=timezone.now()
        )
        .select_related("meeting", "meeting__venue")
        .order_by("meeting__starts_at", "pk")[:SHOWN]
    )
    return render(
        request,
        "meetings/acting_for.html",
        {"authority": authority, "person": authority.person, "invitations": invitations},
    )


@permission_required("people.reply_for", fn=authority_from)
def reply_for(request, authority_pk, invitation_pk):
    authority = request.authority
    # Only the person's own invitations: another person's id is not found.
    invitation = get_object_or_404(
        Invitation.objects.select_related("meeting", "meeting__venue"),
        pk=invitation_pk,
        person_id=authority.person_id,
    )
    form = SupporterReplyForm(
        posted(request),
        person=authority.person,
        initial={
            "reply": invitation.reply,
            "coming_too": invitation.supporter_coming_id is not None,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitation = actions.reply_as_supporter(
                authority=authority,
                invitation=invitation,
                answer=form.cleaned_data["reply"],
                coming_too=form.cleaned_data["coming_too"],
            )
        except ValidationError as error:
            form.add_error("reply", error.messages[0])
        else:
            messages.success(
                request,
                f"Reply sent for {authority.person}: {invitation.get_reply_display().lower()}. "
                "We have told them.",
            )
            return redirect("meetings:acting_for", authority_pk=authority.pk)
    return render(
        request,
        "meetings/reply_for.html",
        {
            "authority": authority,
            "person": authority.person,
            "invitation": invitation,
            "meeting": invitation.meeting,
            "form": form,
        },
    )
