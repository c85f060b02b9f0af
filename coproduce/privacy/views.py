from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from coproduce.lib.views import permission_required

from . import actions, retention
from .forms import DataRequestForm, EraseForm, ReadLogSearchForm, RetentionForm
from .models import DataRequest, ReadLog, RetentionRun

User = get_user_model()


def _posted(request):
    """The POST data on a POST, even when empty (every field may be optional)."""
    return request.POST if request.method == "POST" else None


def _zip_response(content, person):
    response = HttpResponse(content, content_type="application/zip")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="coproduce-data-{person.pk}-{stamp}.zip"'
    )
    return response


@permission_required("privacy.view_own")
def my_reads(request):
    reads = ReadLog.objects.filter(subject=request.user).select_related("viewer")
    page = Paginator(reads, 50).get_page(request.GET.get("page"))
    return render(request, "privacy/my_reads.html", {"page": page})


@permission_required("privacy.view_own")
def my_data(request):
    if request.method == "POST":
        if request.POST.get("action") == "download":
            return _zip_response(
                actions.export_zip(
                    person=request.user, requested_by=request.user, reason="Their own data download"
                ),
                request.user,
            )
        if request.POST.get("action") == "erase":
            actions.record_request(
                person=request.user, kind=DataRequest.Kind.ERASURE, recorded_by=request.user
            )
            messages.success(
                request,
                gettext(
                    "We have your request to delete your data. We will reply within one month."
                ),
            )
            return redirect("privacy:my_data")
    waiting = DataRequest.objects.filter(person=request.user, completed_at=None)
    return render(request, "privacy/my_data.html", {"waiting": waiting})


@permission_required("privacy.view_read_log")
def read_log(request):
    form = ReadLogSearchForm(request.GET or None)
    reads = ReadLog.objects.select_related("viewer", "subject")
    if form.is_valid() and (query := form.cleaned_data["q"].strip()):
        reads = reads.filter(Q(subject__name__icontains=query) | Q(subject__email__icontains=query))
    page = Paginator(reads, 50).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "privacy/read_log.html",
        {"form": form, "page": page, "querystring": params.urlencode()},
    )


@permission_required("privacy.manage_requests")
def request_list(request):
    requests = DataRequest.objects.select_related("person")
    return render(
        request,
        "privacy/request_list.html",
        {
            "open": requests.filter(completed_at=None).order_by("due_on")[:200],
            "done": requests.exclude(completed_at=None).order_by("-completed_at")[:50],
        },
    )


@permission_required("privacy.manage_requests")
def request_new(request):
    form = DataRequestForm(_posted(request), initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        received = timezone.make_aware(
            timezone.datetime.combine(
                form.cleaned_data["received_on"], timezone.datetime.min.time()
            )
        )
        data_request = actions.record_request(
            person=form.person,
            kind=form.cleaned_data["kind"],
            recorded_by=request.user,
            received_at=received,
            note=form.cleaned_data["note"],
        )
        messages.success(
            request,
            gettext("Request recorded. It is due by %(due)s.")
            % {"due": date_format(data_request.due_on, "j F Y")},
        )
        return redirect("privacy:request_detail", pk=data_request.pk)
    return render(request, "privacy/request_new.html", {"form": form})


@permission_required("privacy.manage_requests")
def request_detail(request, pk):
    data_request = get_object_or_404(
        DataRequest.objects.select_related("person", "recorded_by", "completed_by"), pk=pk
    )
    form = EraseForm(request.POST if request.POST.get("action") == "erase" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        # Someone's whole record, special category data included, leaves only to
        # answer their own open request for it.
        can_download = (
            data_request.kind == DataRequest.Kind.ACCESS and not data_request.completed_at
        )
        if action == "download" and can_download:
            return _zip_response(
                actions.export_zip(
                    person=data_request.person,
                    requested_by=request.user,
                    reason=f"Subject access request {data_request.pk}",
                ),
                data_request.person,
            )
        if action == "complete" and not data_request.completed_at:
            actions.complete_request(data_request=data_request, completed_by=request.user)
            messages.success(request, gettext("Marked as done."))
            return redirect("privacy:request_detail", pk=pk)
        if (
            action == "erase"
            and data_request.kind == DataRequest.Kind.ERASURE
            and not data_request.completed_at
            and form.is_valid()
        ):
            actions.erase_person(
                person=data_request.person, erased_by=request.user, data_request=data_request
            )
            messages.success(request, gettext("Their personal data is erased."))
            return redirect("privacy:request_detail", pk=pk)
    return render(
        request, "privacy/request_detail.html", {"data_request": data_request, "form": form}
    )


@permission_required("privacy.manage_retention")
def retention_settings(request):
    schedule = retention.schedule()
    form = RetentionForm(schedule, _posted(request))
    if request.method == "POST" and form.is_valid():
        actions.set_retention_periods(months=form.cleaned_data, changed_by=request.user)
        messages.success(request, gettext("The retention periods are saved."))
        return redirect("privacy:retention")
    due = retention.due_counts()
    return render(
        request,
        "privacy/retention.html",
        {
            "form": form,
            "rows": [(kept, due[kept.rule.key]) for kept in schedule],
            "due_total": sum(due.values()),
            "runs": RetentionRun.objects.select_related("ran_by")[:10],
        },
    )


@permission_required("privacy.manage_retention")
@require_POST
def retention_apply(request):
    run = retention.apply(ran_by=request.user)
    messages.success(
        request,
        ngettext(
            "%(total)s record past their retention period deleted.",
            "%(total)s records past their retention period deleted.",
            run.total,
        )
        % {"total": run.total},
    )
    return redirect("privacy:retention")
