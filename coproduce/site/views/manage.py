"""Managing the public site: its index, and writing news updates."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext

from coproduce.lib.views import permission_required

from .. import actions
from ..forms import UpdateForm
from ..models import CaseStudy, ContactMessage, MessageStatus, Spotlight, SpotlightStatus, Update


@permission_required("site.manage_site")
def manage(request):
    counts = {
        "updates": Update.objects.count(),
        "case_studies": CaseStudy.objects.count(),
        "spotlights_waiting": Spotlight.objects.filter(status=SpotlightStatus.SUBMITTED).count(),
        "messages_new": ContactMessage.objects.filter(status=MessageStatus.NEW).count(),
    }
    return render(request, "site/manage/index.html", {"counts": counts})


@permission_required("site.write_updates")
def manage_updates(request):
    page = Paginator(Update.objects.select_related("author"), 25).get_page(request.GET.get("page"))
    return render(request, "site/manage/update_list.html", {"page": page})


def _edit_story(request, form_class, instance, template, done):
    form = form_class(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        story = actions.save_update(update=form.instance, author=request.user)
        messages.success(request, gettext("“%(story)s” is saved.") % {"story": story.title})
        return redirect(done(story))
    return render(request, template, {"form": form, "story": instance})


@permission_required("site.write_updates")
def update_create(request):
    return _edit_story(
        request,
        UpdateForm,
        Update(),
        "site/manage/update_form.html",
        lambda u: "site:manage_updates",
    )


@permission_required("site.write_updates")
def update_edit(request, pk):
    return _edit_story(
        request,
        UpdateForm,
        get_object_or_404(Update, pk=pk),
        "site/manage/update_form.html",
        lambda u: "site:manage_updates",
    )
