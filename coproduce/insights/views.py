from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from coproduce.accounts.models import Role
from coproduce.lib.suppression import floor
from coproduce.lib.views import permission_required

from . import actions, exports
from .compute import compute_all
from .periods import PeriodForm, period_words


def _chosen(request):
    form = PeriodForm(request.GET or None)
    period = form.chosen()
    return form, period


def _file_name(period, ext):
    return f"coproduce-report-{period.start:%Y-%m-%d}-to-{period.end:%Y-%m-%d}.{ext}"


@permission_required("insights.view_dashboard")
def dashboard(request):
    form, period = _chosen(request)
    if request.user.has_role(Role.BOARD):
        # Today tells board members which figures moved since this visit.
        actions.record_visit(user=request.user, today=timezone.localdate())
    areas = compute_all(period, request.user)
    query = request.GET.urlencode() if form.is_bound and form.is_valid() else ""
    return render(
        request,
        "insights/dashboard.html",
        {
            "form": form,
            "period": period,
            "period_words": period_words(period),
            "areas": areas,
            "query": query,
            "floor": floor(),
        },
    )


def _download(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@permission_required("insights.view_dashboard")
def report_pdf(request):
    _form, period = _chosen(request)
    content = exports.pdf(compute_all(period, request.user), period, request.user)
    return _download(content, "application/pdf", _file_name(period, "pdf"))


@permission_required("insights.view_dashboard")
def report_csv(request):
    _form, period = _chosen(request)
    content = exports.csv_zip(compute_all(period, request.user), period)
    return _download(content, "application/zip", _file_name(period, "zip"))


@permission_required("insights.view_dashboard")
def report_xlsx(request):
    _form, period = _chosen(request)
    content = exports.xlsx(compute_all(period, request.user), period)
    return _download(
        content,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _file_name(period, "xlsx"),
    )
