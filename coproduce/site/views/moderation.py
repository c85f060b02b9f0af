"""Checking spotlight stories before they are published."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.lib.views import permission_required

from .. import actions
from ..forms import ModerationForm, SpotlightEditForm
from ..models import Spotlight, SpotlightFile, SpotlightStatus


@permission_required("site.moderate_spotlights")
def spotlight_queue(request):
    status = request.GET.get("status", SpotlightStatus.SUBMITTED)
    if status not in SpotlightStatus.values:
        status = SpotlightStatus.SUBMITTED
    counts = dict(Spotlight.objects.values_list("status").annotate(n=Count("pk")).order_by())
    tabs = [(value, label, counts.get(value, 0)) for value, label in SpotlightStatus.choices]
    page = Paginator(Spotlight.objects.filter(status=status), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "site/manage/spotlight_queue.html",
        {
            "page": page,
            "status": status,
            "status_label": SpotlightStatus(status).label,
            "tabs": tabs,
            "querystring": f"status={status}",
        },
    )


@permission_required("site.moderate_spotlights")
def spotlight_review(request, pk):
    spotlight = get_object_or_404(Spotlight, pk=pk)
    is_edit = request.method == "POST" and "save_text" in request.POST
    is_decision = request.method == "POST" and not is_edit
    form = SpotlightEditForm(request.POST if is_edit else None, instance=spotlight)
    form2 = ModerationForm(request.POST if is_decision else None)
    if is_edit and form.is_valid():
        actions.save_spotlight_text(spotlight=spotlight)
        messages.success(request, _("Your changes to the story are saved."))
        return redirect("site:spotlight_review", pk=pk)
    if is_decision and form2.is_valid():
        try:
            actions.moderate_spotlight(
                spotlight=spotlight,
                decision=form2.cleaned_data["decision"],
                message=form2.cleaned_data["message"],
                moderator=request.user,
                build_url=request.build_absolute_uri,
            )
        except ValidationError as error:
            form2.add_error("message", error.messages[0])
        else:
            messages.success(
                request,
                gettext("Done. We have emailed %(contact_email)s to tell them.")
                % {"contact_email": spotlight.contact_email},
            )
            return redirect(
                reverse("site:spotlight_queue") + f"?status={form2.cleaned_data['decision']}"
            )
    return render(
        request,
        "site/manage/spotlight_review.html",
        {"spotlight": spotlight, "form": form, "form2": form2, "files": spotlight.files.all()},
    )


@permission_required("site.moderate_spotlights")
def spotlight_file(request, pk, file_pk):
    upload = get_object_or_404(SpotlightFile, pk=file_pk, spotlight_id=pk)
    try:
        opened = upload.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    # Always a download, never shown in the page: an uploaded file cannot run as part of the site.
    return FileResponse(
        opened,
        as_attachment=True,
        filename=upload.original_name,
        content_type=upload.content_type,
    )
