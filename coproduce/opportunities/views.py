from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.lib.paging import KeptCountPaginator
from coproduce.lib.views import permission_required
from coproduce.people import access, equality, lived_experience
from coproduce.people.models import EqualityMonitoring
from coproduce.projects.rules import remember_viewer_places, viewer_places

from . import actions, fairness
from .forms import (
    DecisionForm,
    ExpressInterestForm,
    OnBehalfForm,
    OpportunityForm,
    OpportunitySearchForm,
)
from .models import Application, Opportunity

User = get_user_model()
REACH_QUESTIONS = ("age_band", "disabled", "ethnicity", "gender")
REACH_MINIMUM_GROUP = 10


def opportunity_from(request, pk, **kwargs):
    return get_object_or_404(Opportunity, pk=pk)


@permission_required("opportunities.view_opportunity_list")
def opportunity_list(request):
    manages = request.user.has_perm("opportunities.manage_opportunities")
    form = OpportunitySearchForm(request.GET or None)
    if not manages:
        del form.fields["show"]
    to_fill = Q(status=Opportunity.Status.OPEN, closing_on__gte=timezone.localdate())
    if manages:
        to_fill |= Q(status=Opportunity.Status.DRAFT)  # theirs to finish
    opportunities = Opportunity.objects.select_related("project")
    if manages and form.is_valid() and form.cleaned_data["show"] == "closed":
        # Most recently closed first: the one that has just closed is the one to
        # select people for.
        opportunities = opportunities.exclude(to_fill)
        order = ("-closing_on", "-title", "-pk")
    else:
        opportunities = opportunities.filter(to_fill)
        order = ("closing_on", "title", "pk")
    if form.is_valid():
        if query := form.cleaned_data["q"].strip():
            opportunities = opportunities.filter(
                Q(title__icontains=query) | Q(summary__icontains=query) | Q(topics__icontains=query)
            )
        if place := form.cleaned_data["place"]:
            opportunities = opportunities.filter(place=place)
    # The total is kept: counting the open ones read every opportunity ever offered
    # (2 ms of the page with 4,000 at scale 10, decision 0016).
    page = KeptCountPaginator(opportunities.order_by(*order), 25).get_page(request.GET.get("page"))
    on_page = [opportunity.pk for opportunity in page]
    mine = dict(
        Application.objects.filter(person=request.user, opportunity__in=on_page).values_list(
            "opportunity_id", "status"
        )
    )
    if manages:
        # Counted for this page only: counting for every opportunity before paging
        # grouped all applications on each request (28 ms of 40 with 400 opportunities).
        interested = dict(
            Application.objects.filter(opportunity__in=on_page, status="interested")
            .values("opportunity_id")
            .annotate(n=Count("pk"))
            .values_list("opportunity_id", "n")
        )
        for opportunity in page:
            opportunity.interested = interested.get(opportunity.pk, 0)
    for opportunity in page:
        opportunity.my_status = (
            Application.Status(mine[opportunity.pk]).label if opportunity.pk in mine else ""
        )
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "opportunities/opportunity_list.html",
        {"form": form, "page": page, "manages": manages, "querystring": params.urlencode()},
    )


@permission_required("opportunities.view_opportunity", fn=opportunity_from)
def opportunity_detail(request, pk):
    opportunity = get_object_or_404(
        Opportunity.objects.select_related("project").annotate(**viewer_places(request.user)),
        pk=pk,
    )
    remember_viewer_places(request.user, opportunity.project, opportunity)
    application = Application.objects.filter(opportunity=opportunity, person=request.user).first()
    can_apply = request.user.has_perm("opportunities.apply", opportunity) and (
        application is None or application.status == Application.Status.WITHDRAWN
    )
    form = ExpressInterestForm(request.POST or None) if can_apply else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            actions.express_interest(
                opportunity=opportunity, person=request.user, answers=form.cleaned_data["answers"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Thank you. We have your interest and will tell you what we decide.")
            )
            return redirect(opportunity)
    return render(
        request,
        "opportunities/opportunity_detail.html",
        {
            "opportunity": opportunity,
            "application": application,
            "form": form,
            "manages": request.user.has_perm("opportunities.manage_opportunities"),
            "selects": request.user.has_perm("opportunities.select_people", opportunity),
        },
    )


@permission_required("opportunities.view_own_applications")
@require_POST
def withdraw(request, pk):
    application = get_object_or_404(Application, opportunity_id=pk, person=request.user)
    actions.withdraw(application=application)
    messages.success(
        request, _("You have withdrawn. You can say you are interested again while it is open.")
    )
    return redirect("opportunities:opportunity_detail", pk=pk)


@permission_required("opportunities.manage_opportunities")
def opportunity_create(request):
    form = OpportunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        opportunity = actions.create_opportunity(opportunity=form.instance, created_by=request.user)
        messages.success(
            request, _("Opportunity “%(title)s” saved.") % {"title": opportunity.title}
        )
        return redirect(opportunity)
    return render(request, "opportunities/opportunity_form.html", {"form": form, "creating": True})


@permission_required("opportunities.manage_opportunities")
def opportunity_edit(request, pk):
    opportunity = get_object_or_404(Opportunity, pk=pk)
    form = OpportunityForm(request.POST or None, instance=opportunity)
    if request.method == "POST" and form.is_valid():
        actions.save_opportunity(opportunity=opportunity)
        messages.success(request, _("Opportunity saved."))
        return redirect(opportunity)
    return render(
        request, "opportunities/opportunity_form.html", {"form": form, "opportunity": opportunity}
    )


def opportunity_with_project(request, pk, **kwargs):
    return get_object_or_404(Opportunity.objects.select_related("project"), pk=pk)


def application_from(request, pk, application_pk, **kwargs):
    return get_object_or_404(
        Application.objects.select_related("person", "opportunity__project"),
        pk=application_pk,
        opportunity_id=pk,
    )


@permission_required("opportunities.select_people", fn=opportunity_with_project)
def applicants(request, pk):
    opportunity = get_object_or_404(Opportunity.objects.select_related("project"), pk=pk)
    # Interest taken by phone or in person is recorded by staff, who hold the contacts.
    manages = request.user.has_perm("opportunities.manage_opportunities")
    on_behalf = OnBehalfForm(request.POST or None, prefix="behalf") if manages else None
    if request.method == "POST" and on_behalf is not None and on_behalf.is_valid():
        try:
            actions.express_interest(
                opportunity=opportunity,
                person=on_behalf.cleaned_data["person"],
                answers=on_behalf.cleaned_data["answers"],
                received=on_behalf.cleaned_data["received"],
                recorded_by=request.user,
                reason=on_behalf.cleaned_data["reason"],
            )
        except ValidationError as error:
            on_behalf.add_error(None, error)
        else:
            messages.success(
                request,
                _("Interest recorded for %(person)s.")
                % {"person": on_behalf.cleaned_data["person"]},
            )
            return redirect("opportunities:applicants", pk=pk)
    applications = list(
        opportunity.applications.exclude(status=Application.Status.WITHDRAWN)
        .select_related("person__profile", "recorded_by")
        .prefetch_related("person__profile__tags")
    )
    applications = fairness.fairest_first(applications)
    # What to plan for: the access arrangements each person agreed to share (read
    # through people, which logs the read), for those allowed to see them.
    applicants_people = [application.person for application in applications]
    lived_experience.record_shown(
        request.user, applicants_people, f"Listed as applying for “{opportunity.title}”"
    )
    can_see_access = access.may_read_all(request.user, applicants_people)
    if can_see_access and applicants_people:
        arrangements = access.arrangements_for_many(
            applicants_people, request.user, f"Choosing people for {opportunity.title}"
        )
        for application, arranged in zip(applications, arrangements, strict=True):
            application.arrangements = arranged
    chosen = sum(1 for a in applications if a.status == Application.Status.SELECTED)
    reach = []
    # Who this opportunity reaches, never per person: counts with small ones hidden.
    # Only people who said so themselves count, and only from a minimum group, so
    # staff cannot add someone and read their answers from the change in counts.
    self_reported = [a.person.pk for a in applications if a.recorded_by_id in (None, a.person_id)]
    if request.user.has_perm("people.view_equality_aggregate") and len(self_reported) >= (
        REACH_MINIMUM_GROUP
    ):
        applicant_ids = User.objects.filter(pk__in=self_reported)
        for question in REACH_QUESTIONS:
            rows = equality.answer_counts(
                request.user, question, f"Reach of {opportunity.title}", people=applicant_ids
            )
            label = EqualityMonitoring._meta.get_field(question).verbose_name
            reach.append((label, [row for row in rows if row[1] != 0]))
    return render(
        request,
        "opportunities/applicants.html",
        {
            "opportunity": opportunity,
            "applications": applications,
            "form": on_behalf,
            "chosen": chosen,
            "decision_form": DecisionForm(),
            "can_see_access": can_see_access,
            "manages": manages,
            "reach": reach,
            "reach_minimum": REACH_MINIMUM_GROUP,
        },
    )


@permission_required("opportunities.decide", fn=application_from)
def decide(request, pk, application_pk):
    application = application_from(request, pk, application_pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.decide(
                application=application,
                selected=form.cleaned_data["selected"],
                message=form.cleaned_data["message"],
                decided_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Decision saved. We are emailing %(person)s.") % {"person": application.person},
            )
            return redirect("opportunities:applicants", pk=pk)
    return render(request, "opportunities/decide.html", {"form": form, "application": application})


@permission_required("opportunities.view_own_applications")
def my_applications(request):
    applications = Application.objects.filter(person=request.user).select_related("opportunity")
    return render(
        request,
        "opportunities/my_applications.html",
        {"applications": applications.order_by("-created_at")},
    )
