"""Papers for a meeting, and their other formats."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from coproduce.lib.views import permission_required

from .. import actions
from ..forms import FormatForm, MaterialForm
from ..models import AlternativeFormat, Material, Meeting
from .common import meeting_from, posted, posted_files


@permission_required("meetings.change_meeting", fn=meeting_from)
def material_add(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = MaterialForm(
        posted(request), posted_files(request), initial={"sent_on": timezone.localdate()}
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
            summary=form.cleaned_data["summary"],
            title_cy=form.cleaned_data["title_cy"],
            summary_cy=form.cleaned_data["summary_cy"],
        )
        if material.waiting_to_send:
            # The page it goes to names each problem and how to fix it.
            messages.warning(
                request,
                gettext(
                    "“%(title)s” added, but it is not sent yet. It may be hard for some people "
                    "to read. See what to fix below."
                )
                % {"title": material.title},
            )
            return redirect("meetings:format_add", pk=meeting.pk, material_pk=material.pk)
        messages.success(
            request,
            (
                gettext(
                    "“%(title)s” added. It was sent later than the meeting's notice period. "
                    "Add other formats next."
                )
                if material.is_late
                else gettext("“%(title)s” added. Add other formats next.")
            )
            % {"title": material.title},
        )
        return redirect("meetings:format_add", pk=meeting.pk, material_pk=material.pk)
    return render(request, "meetings/material_form.html", {"form": form, "meeting": meeting})


@permission_required("meetings.change_meeting", fn=meeting_from)
def format_add(request, pk, material_pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    material = get_object_or_404(Material, pk=material_pk, meeting=meeting)
    form = FormatForm(
        posted(request), posted_files(request), initial={"sent_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        added = actions.add_format(
            material=material,
            format=form.cleaned_data["format"],
            sent_on=form.cleaned_data["sent_on"],
            upload=form.cleaned_data.get("file"),
            content_type=form.content_type,
            link=form.cleaned_data.get("link", ""),
        )
        messages.success(
            request,
            gettext("%(format)s version of “%(title)s” added.")
            % {"format": added.get_format_display(), "title": material},
        )
        return redirect(meeting)
    return render(
        request,
        "meetings/format_form.html",
        {"form": form, "meeting": meeting, "material": material, "formats": material.formats.all()},
    )


@permission_required("meetings.change_meeting", fn=meeting_from)
@require_POST
def material_send(request, pk, material_pk):
    """Sends a paper that waited because of its access problems, as it is."""
    meeting = get_object_or_404(Meeting, pk=pk)
    material = get_object_or_404(Material, pk=material_pk, meeting=meeting)
    actions.send_waiting_material(material=material)
    messages.success(
        request, gettext("“%(title)s” sent to the people coming.") % {"title": material.title}
    )
    return redirect(meeting)


@permission_required("meetings.view_meeting_list")
def accessible_papers_help(request):
    return render(request, "meetings/accessible_papers_help.html")


def download_file(stored, filename, content_type):
    try:
        opened = stored.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404 from missing
    # Always a download, never shown in the page: an uploaded file cannot run as part of the site.
    return FileResponse(opened, as_attachment=True, filename=filename, content_type=content_type)


@permission_required("meetings.view_meeting", fn=meeting_from)
def material_download(request, pk, material_pk):
    material = get_object_or_404(Material, pk=material_pk, meeting_id=pk)
    return download_file(material.file, material.original_name, material.content_type)


@permission_required("meetings.view_meeting", fn=meeting_from)
def format_download(request, pk, format_pk):
    item = get_object_or_404(AlternativeFormat, pk=format_pk, material__meeting_id=pk)
    if not item.file:
        raise Http404
    return download_file(item.file, item.original_name, item.content_type)
