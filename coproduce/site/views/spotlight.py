"""Spotlight stories from other organisations: sharing one, changing it when asked, reading them."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from coproduce.lib import spam
from coproduce.lib.views import personal

from .. import actions
from ..forms import SpotlightForm
from ..models import Spotlight, SpotlightStatus
from .common import LIMITED, PAGE_SIZE


def _queue_url(request):
    return lambda s: request.build_absolute_uri(reverse("site:spotlight_review", args=[s.pk]))


def spotlight_submit(request):
    form = SpotlightForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if spam.filled_honeypot(request):
            return redirect("site:spotlight_sent")
        if form.is_valid():
            if spam.over_limit(request, "spotlight"):
                form.add_error(None, LIMITED)
                status = 429
            else:
                data = {k: v for k, v in form.cleaned_data.items() if k != "files"}
                actions.submit_spotlight(
                    data=data, files=form.cleaned_data["files"], queue_url=_queue_url(request)
                )
                spam.count_submission(request, "spotlight")
                return redirect("site:spotlight_sent")
    return render(
        request,
        "site/spotlight_form.html",
        {"form": form, "honeypot": spam.HONEYPOT_FIELD},
        status=status,
    )


def spotlight_sent(request):
    return render(request, "site/spotlight_sent.html")


@personal
def spotlight_change(request, token):
    """The submitter's own link, emailed when the lead asks for changes."""
    spotlight = get_object_or_404(Spotlight, change_token=token)
    if spotlight.status != SpotlightStatus.CHANGES_REQUESTED:
        return render(
            request, "site/spotlight_change_closed.html", {"spotlight": spotlight}, status=410
        )
    form = SpotlightForm(request.POST or None, request.FILES or None, instance=spotlight)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "files"}
        actions.resubmit_spotlight(
            spotlight=spotlight,
            data=data,
            files=form.cleaned_data["files"],
            queue_url=_queue_url(request),
        )
        return redirect("site:spotlight_sent")
    return render(request, "site/spotlight_change.html", {"form": form, "spotlight": spotlight})


def spotlight_list(request):
    page = Paginator(Spotlight.objects.published().order_by("-published_at"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "site/spotlight_list.html", {"page": page})


def spotlight_detail(request, pk):
    spotlight = get_object_or_404(Spotlight.objects.published(), pk=pk)
    return render(request, "site/spotlight_detail.html", {"spotlight": spotlight})
