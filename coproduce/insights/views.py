from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from coproduce.accounts.models import Role
from coproduce.lib.figures import as_of_words
from coproduce.lib.suppression import floor
from coproduce.lib.views import permission_required

from . import actions, exports, stored
from .compute import arrange, compute_all
from .forms import CommentaryForm, PresetForm
from .models import BoardCommentary
from .periods import PeriodForm, period_words, preset_period

# The co-producers' view: paid on time, access needs met, "you said, we did" answered
# and the ladder, each family's figures as the dashboard has them.
COPRODUCERS_FIGURES = (
    "projects.ladder",
    "projects.you_said_we_did",
    "payments.paid_within_14_days",
    "payments.median_days_to_pay",
    "meetings.access_needs_met",
)
COMMENTARIES_SHOWN = 20


def commentaries_for(period):
    """The newest co-producers' commentaries on periods that overlap `period`, for the
    board report: one query, however many there are."""
    return list(
        BoardCommentary.objects.filter(start__lte=period.end, end__gte=period.start)
        .select_related("author")
        .order_by("-written_at", "-pk")[:COMMENTARIES_SHOWN]
    )


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
            "as_of": as_of_words(as_of),
            "stale": stale,
            "query": query,
            "floor": floor(),
            "commentaries": commentaries_for(period),
        },
    )


@permission_required("insights.view_coproducers_dashboard")
def coproducers_dashboard(request):
    """The figures co-producers asked to see, from the stored set worked out for an
    audience with no permissions, so everyone who opens this view sees the same."""
    form = PresetForm(request.GET or None)
    preset = form.preset()
    figure_set = stored.without_permissions(preset, request.user)
    chosen = [entry for entry in stored.results(figure_set) if entry[0] in COPRODUCERS_FIGURES]
    areas = [area for area in arrange(chosen, request.user) if area[2]]
    period = stored.stored_period(figure_set)
    return render(
        request,
        "insights/coproducers.html",
        {
            "form": form,
            "preset": preset,
            "period_words": period_words(period),
            "figures_html": stored.areas_html(areas),
            "as_of": as_of_words(figure_set.computed_at),
            "stale": stored.is_stale(figure_set),
            "floor": floor(),
            "commentaries": commentaries_for(period),
            "writes": request.user.has_perm("insights.write_commentary"),
            "sees_dashboard": request.user.has_perm("insights.view_dashboard"),
        },
    )


@permission_required("insights.write_commentary")
def commentary(request):
    """A co-producer writes a commentary on a period's figures for the board report."""
    chosen = request.GET.get("period")
    initial = {"period": chosen} if chosen in dict(PresetForm.PRESETS) else {}
    form = CommentaryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        preset = form.cleaned_data["period"]
        actions.write_commentary(
            period=preset_period(preset),
            text=form.cleaned_data["text"],
            author=request.user,
            show_name=form.cleaned_data["show_name"],
        )
        messages.success(
            request, gettext("Thank you. Your commentary is in the board report for this period.")
        )
        return redirect(f"{reverse('insights:coproducers')}?period={preset}")
    return render(request, "insights/commentary_form.html", {"form": form})


def _download(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@permission_required("insights.view_dashboard")
def report_pdf(request):
    _form, period, areas, as_of = _figures(request)
    content = exports.pdf(areas, period, as_of_words(as_of), commentaries_for(period))
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
