"""A supporter acting for the person who let them: the person's meetings, and replies to
their invitations. The authority is read afresh on every request, so a withdrawal ends
the supporter's access at once (docs/decisions/0034-supporters-acting-for-people.md).
These pages show meetings, their papers and replies only: never the person's access
passport or equality answers."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from coproduce.lib.views import permission_required
from coproduce.people.views.supporters import authority_from

from .. import actions
from ..forms import SupporterReplyForm
from ..models import AlternativeFormat, Invitation, Material
from .common import posted
from .papers import download_file

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
    if authority.see_meetings_and_papers:
        _with_papers(invitations)
    return render(
        request,
        "meetings/acting_for.html",
        {"authority": authority, "person": authority.person, "invitations": invitations},
    )


def _with_papers(invitations):
    """Each meeting with `.papers`, each paper with `.other_formats`, as the person sees
    them on the meeting's page: two queries however many meetings and papers."""
    meetings = {invitation.meeting_id: invitation.meeting for invitation in invitations}
    formats = {}
    for item in AlternativeFormat.objects.filter(material__meeting_id__in=meetings):
        formats.setdefault(item.material_id, []).append(item)
    for meeting in meetings.values():
        meeting.papers = []
    for material in Material.objects.filter(meeting_id__in=meetings):
        material.other_formats = formats.get(material.pk, [])
        meetings[material.meeting_id].papers.append(material)


@permission_required("people.see_papers_for", fn=authority_from)
def paper_for(request, authority_pk, material_pk):
    # Only papers of meetings the person is invited to: any other paper is not found.
    material = get_object_or_404(
        Material, pk=material_pk, meeting__invitations__person_id=request.authority.person_id
    )
    return download_file(material.file, material.original_name, material.content_type)


@permission_required("people.see_papers_for", fn=authority_from)
def format_for(request, authority_pk, format_pk):
    item = get_object_or_404(
        AlternativeFormat,
        pk=format_pk,
        material__meeting__invitations__person_id=request.authority.person_id,
    )
    if not item.file:
        raise Http404
    return download_file(item.file, item.original_name, item.content_type)


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
                gettext("Reply sent for %(person)s: %(reply)s. We have told them.")
                % {"person": authority.person, "reply": invitation.get_reply_display().lower()},
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
