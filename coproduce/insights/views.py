from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from coproduce.accounts.models import Role
from coproduce.lib.suppression import floor
from coproduce.lib.views import permission_required

from . import actions, exports, stored
from .compute import arrange, compute_all
from .periods import PeriodForm, period_words


def _stored_or_now(request):
    """(form, period, the FigureSet or None): a preset's figures come from its stored
    set, for the period the set covers (after midnight, yesterday's until it is worked
    out again); dates the person chose are worked out now (decision 0031)."""
    form = PeriodForm(request.GET or None)
    preset = form.preset()
    if preset is None:
        return form, form.chosen(), None
    figure_set = stored.for_viewer(preset, request.user)
    return form, stored.stored_period(figure_set), figure_set


def _figures(request):
    """(form, period, areas, as of) for the downloads."""
    form, period, figure_set = _stored_or_now(request)
    if figure_set is None:
        return form, period, compute_all(period, request.user), timezone.now()
    areas = arrange(stored.results(figure_set), request.user)
    return form, period, areas, figure_set.computed_at


def _file_name(period, ext):
    return f"coproduce-report-{period.start:%Y-%m-%d}-to-{period.end:%Y-%m-%d}.{ext}"


@permission_required("insights.view_dashboard")
def dashboard(request):
    form, period, figure_set = _stored_or_now(request)
    if figure_set is None:
        figures_html = stored.areas_html(compute_all(period, request.user))
        as_of, stale = timezone.now(), False
    else:
        figures_html = figure_set.html
        as_of, stale = figure_set.computed_at, stored.is_stale(figure_set)
    if request.user.has_role(Role.BOARD):
        # Today tells board members which figures moved since this visit.
        actions.record_visit(user=request.user, today=timezone.localdate())
    query = request.GET.urlencode() if form.is_bound and form.is_valid() else ""
    return render(
        request,
        "insights/dashboard.html",
        {
            "form": form,
            "period": period,
            "period_words": period_words(period),
            "figures_html": figures_html,
            "as_of": stored.as_of_words(as_of),
            "stale": stale,
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
    _form, period, areas, as_of = _figures(request)
    content = exports.pdf(areas, period, stored.as_of_words(as_of))
    return _download(content, "application/pdf", _file_name(period, "pdf"))


@permission_required("insights.view_dashboard")
def report_csv(request):
    _form, period, areas, _as_of = _figures(request)
    content = exports.csv_zip(areas, period)
    return _download(content, "application/zip", _file_name(period, "zip"))


@permission_required("insights.view_dashboard")
def report_xlsx(request):
    _form, period, areas, _as_of = _figures(request)
    content = exports.xlsx(areas, period)
    return _download(
        content,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _file_name(period, "xlsx"),
    )
