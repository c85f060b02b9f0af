from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.lib.figures import as_of_words
from coproduce.lib.views import permission_required
from coproduce.projects.models import Project
from coproduce.projects.team import projects_led_by, projects_run_by

from . import actions, export, kept, planning
from .forms import (
    ActivityLineForm,
    AdoptForm,
    EstimateForm,
    ExpenseLineForm,
    PlannedActivityForm,
    PlannedLineForm,
    SupportLineForm,
    SupportRateForm,
    YearForm,
)
from .models import Estimate, EstimateLine, SupportService
from .rules import oversees


def _chosen_year(request):
    form = YearForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, planning.FinancialYear.starting_in(form.cleaned_data["year"])
    year = planning.FinancialYear.containing(timezone.localdate())
    return YearForm(initial={"year": str(year.start.year)}), year


PROJECTS_A_PAGE = 50


@permission_required("budgets.view_budget")
def year(request):
    form, chosen = _chosen_year(request)
    found = kept.for_year(chosen)
    by_month, by_project, by_type = export.tables(found.summary)
    # The downloads have every project; the page reads and shows them a page at a time.
    projects = found.project_line_pages(PROJECTS_A_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "budgets/year.html",
        {
            "form": form,
            "summary": found.summary,
            "as_of": as_of_words(found.as_of),
            "refreshing": found.refreshing,
            "tables": [
                (*by_month, None),
                (*by_project[:2], kept.labelled(projects), projects),
                (*by_type, None),
            ],
            "query": f"?year={chosen.start.year}",
            "year_query": f"year={chosen.start.year}",
        },
    )


def _download(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@permission_required("budgets.view_budget")
def year_csv(request):
    _form, chosen = _chosen_year(request)
    return _download(
        export.as_csv(kept.for_year(chosen).whole_summary()),
        f"involvement-budget-{chosen.start.year}.csv",
        "text/csv; charset=utf-8",
    )


@permission_required("budgets.view_budget")
def year_xlsx(request):
    _form, chosen = _chosen_year(request)
    return _download(
        export.as_xlsx(kept.for_year(chosen).whole_summary()),
        f"involvement-budget-{chosen.start.year}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def _back_to_year(day):
    year = planning.FinancialYear.containing(day)
    return HttpResponseRedirect(f"{reverse('budgets:year')}?year={year.start.year}")


@permission_required("budgets.plan_budget")
def line_new(request):
    form = PlannedLineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.add_planned_line(
                month=data["month"],
                project=data["project"],
                activity_type=data["activity_type"],
                description=data["description"],
                amount=data["amount"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("amount", error)
        else:
            messages.success(request, _("Budget line added."))
            return _back_to_year(data["month"])
    return render(request, "budgets/line_form.html", {"form": form})


@permission_required("budgets.plan_budget")
def activity_new(request):
    form = PlannedActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.add_planned_activity(
                on=data["on"],
                project=data["project"],
                activity_type=data["activity_type"],
                description=data["description"],
                people=data["people"],
                minutes=int(data["hours"] * 60),
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Planned activity added."))
            return _back_to_year(data["on"])
    return render(request, "budgets/activity_form.html", {"form": form})


@permission_required("budgets.plan_budget")
def support_rates(request):
    form = SupportRateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.add_support_rate(
                service=data["service"],
                starts_on=data["starts_on"],
                amount=data["amount"],
                note=data["note"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("amount", error)
        else:
            messages.success(request, _("Price added."))
            return redirect("budgets:support_rates")
    services = SupportService.objects.prefetch_related("history")
    return render(
        request,
        "budgets/support_rates.html",
        {"form": form, "services": services, "today": timezone.localdate()},
    )


def _projects_costed_by(user):
    """The projects `user` may cost: every one for the lead and finance, otherwise those
    they run or co-lead today."""
    if oversees(user):
        return Project.objects.all()
    return Project.objects.filter(
        Q(pk__in=projects_run_by(user).values("pk")) | Q(pk__in=projects_led_by(user).values("pk"))
    )


def _projects_budgeted_by(user):
    """The projects whose budget `user` may change (payments.manage_budget)."""
    if user.has_perm("payments.manage_policy"):
        return Project.objects.all()
    return _projects_costed_by(user)


@permission_required("budgets.make_estimate")
def estimates(request):
    found = Estimate.objects.select_related("project", "created_by").prefetch_related("lines")
    if not oversees(request.user):
        found = found.filter(project__in=_projects_costed_by(request.user))
    return render(request, "budgets/estimates.html", {"estimates": found})


@permission_required("budgets.make_estimate")
def estimate_new(request):
    form = EstimateForm(
        request.POST or None,
        projects=_projects_costed_by(request.user),
        may_leave_empty=oversees(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        estimate = actions.create_estimate(
            title=data["title"], purpose=data["purpose"], project=data["project"], by=request.user
        )
        messages.success(request, _("Estimate started. Now add its costs."))
        return redirect(estimate)
    return render(request, "budgets/estimate_form.html", {"form": form})


def _estimate(request, pk, **kwargs):
    return get_object_or_404(Estimate.objects.select_related("project"), pk=pk)


LINE_FORMS = {
    EstimateLine.Kind.ACTIVITY: ActivityLineForm,
    EstimateLine.Kind.EXPENSE: ExpenseLineForm,
    EstimateLine.Kind.SUPPORT: SupportLineForm,
}


def _render_estimate(request, estimate, forms=None, status=200, failed=None):
    lines = list(estimate.lines.select_related("activity_type", "expense_type", "service"))
    changes = request.user.has_perm("budgets.change_estimate", estimate)
    forms = forms or {kind: form() for kind, form in LINE_FORMS.items()}
    return render(
        request,
        "budgets/estimate_detail.html",
        {
            "estimate": estimate,
            "lines": lines,
            "total": sum((line.total for line in lines), planning.ZERO),
            "changes": changes,
            "forms": [(kind, EstimateLine.Kind(kind).label, forms[kind]) for kind in LINE_FORMS]
            if changes
            else [],
            # The form that was sent with mistakes, for the error summary at the top.
            "form": failed,
            "today": timezone.localdate(),
        },
        status=status,
    )


@permission_required("budgets.view_estimate", fn=_estimate)
def estimate_detail(request, pk):
    return _render_estimate(request, _estimate(request, pk))


def _cost(estimate, kind, data, day):
    if kind == EstimateLine.Kind.ACTIVITY:
        return actions.cost_activity(
            estimate=estimate,
            activity_type=data["activity_type"],
            people=data["people"],
            sessions=data["sessions"],
            minutes=int(data["hours"] * 60),
            on=day,
        )
    if kind == EstimateLine.Kind.EXPENSE:
        return actions.cost_expense(
            estimate=estimate,
            expense_type=data["expense_type"],
            count=data["count"],
            amount_each=data["amount_each"],
            miles_each=data["miles_each"],
            on=day,
        )
    return actions.cost_support(
        estimate=estimate, service=data["service"], units=data["units"], on=day
    )


@permission_required("budgets.change_estimate", fn=_estimate)
@require_POST
def estimate_line_add(request, pk, kind):
    estimate = _estimate(request, pk)
    if kind not in LINE_FORMS:
        return redirect(estimate)
    form = LINE_FORMS[kind](request.POST)
    if form.is_valid():
        try:
            _cost(estimate, kind, form.cleaned_data, timezone.localdate())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Cost added to the estimate."))
            return HttpResponseRedirect(f"{estimate.get_absolute_url()}#costs")
    forms = {other: make() for other, make in LINE_FORMS.items()}
    forms[kind] = form
    return _render_estimate(request, estimate, forms, status=400, failed=form)


@permission_required("budgets.change_estimate", fn=_estimate)
@require_POST
def estimate_line_remove(request, pk, line_pk):
    estimate = _estimate(request, pk)
    line = get_object_or_404(EstimateLine, pk=line_pk, estimate=estimate)
    actions.remove_estimate_line(line=line)
    messages.success(request, _("Cost removed from the estimate."))
    return redirect(estimate)


@permission_required("budgets.adopt_estimate", fn=_estimate)
def estimate_adopt(request, pk):
    estimate = _estimate(request, pk)
    projects = _projects_budgeted_by(request.user)
    form = AdoptForm(
        request.POST or None, projects=projects, initial={"project": estimate.project_id}
    )
    if request.method == "POST" and form.is_valid():
        project = form.cleaned_data["project"]
        try:
            actions.adopt_estimate(estimate=estimate, project=project, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The estimate is now the project's budget."))
            return redirect("payments:budget", pk=project.pk)
    return render(
        request,
        "budgets/estimate_adopt.html",
        {"estimate": estimate, "form": form, "total": estimate.total},
    )
