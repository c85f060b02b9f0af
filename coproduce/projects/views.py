from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coproduce.lib.views import permission_required

from . import actions, activity, evidence
from .forms import (
    AnswerFeedbackForm,
    ConfirmDecisionForm,
    DecisionForm,
    DecisionViewForm,
    DeclareRungForm,
    FeedbackForm,
    NewProjectForm,
    ProjectForm,
    ProjectSearchForm,
    ProposeDecisionForm,
    SaySomethingForm,
    StageFormSet,
    TeamMemberForm,
)
from .models import Decision, DecisionView, Feedback, Project, Rung, TeamMember
from .rules import runs_projects, visible_feedback


def project_from(request, pk, **kwargs):
    return get_object_or_404(Project, pk=pk)


def visible_projects(user):
    projects = Project.objects.all()
    if runs_projects(user):
        return projects
    current_team = TeamMember.objects.current().filter(person=user).values("project_id")
    return projects.filter(Q(pk__in=current_team) | Q(visibility=Project.Visibility.PUBLIC))


def with_evidence(projects):
    """Each project gets .evidenced_rung and .evidence_rule, in a fixed number of queries."""
    measures = evidence.measures_for(project.pk for project in projects)
    for project in projects:
        project.measures = measures[project.pk]
        project.evidenced_rung, project.evidence_rule = evidence.evidenced_rung(project.measures)
    return projects


@permission_required("projects.view_project_list")
def project_list(request):
    form = ProjectSearchForm(request.GET or None)
    projects = visible_projects(request.user).select_related("declared_rung", "lead")
    if form.is_valid():
        if query := form.cleaned_data["q"].strip():
            projects = projects.filter(Q(title__icontains=query) | Q(summary__icontains=query))
        if status := form.cleaned_data["status"]:
            projects = projects.filter(status=status)
    page = Paginator(projects.order_by("title", "pk"), 25).get_page(request.GET.get("page"))
    with_evidence(page.object_list)
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "projects/project_list.html",
        {"form": form, "page": page, "querystring": params.urlencode()},
    )


@permission_required("projects.add_project")
def project_create(request):
    form = NewProjectForm(request.POST or None, initial={"lead": request.user})
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ProjectForm.Meta.fields}
        project = actions.create_project(
            created_by=request.user,
            rung=form.cleaned_data["rung"],
            reason=form.cleaned_data["reason"],
            **fields,
        )
        messages.success(request, f"Project “{project.title}” created.")
        return redirect(project)
    return render(request, "projects/project_form.html", {"form": form, "creating": True})


@permission_required("projects.view_project", fn=project_from)
def project_detail(request, pk):
    project = get_object_or_404(Project.objects.select_related("declared_rung", "lead"), pk=pk)
    with_evidence([project])
    decisions = project.decisions.select_related("stage", "recorded_by").prefetch_related(
        "present",
        Prefetch("views", queryset=DecisionView.objects.select_related("author")),
    )[:10]
    feedback = visible_feedback(
        request.user, project, project.feedback.select_related("responded_by")
    ).prefetch_related("said_by")[:10]
    team = project.team.select_related("person")
    coproducer_ids = {m.person_id for m in team if m.kind == TeamMember.Kind.COPRODUCER}
    context = {
        "project": project,
        "stages": project.stages.all(),
        "team": team,
        "coproducer_ids": coproducer_ids,
        "decisions": decisions,
        "feedback": feedback,
        "declarations": project.declarations.select_related("rung", "declared_by")[:20],
        "rules": evidence.rules_for(project.measures),
        "can_change": request.user.has_perm("projects.change_project", project),
        "can_propose": request.user.has_perm("projects.propose_decision", project),
        "can_add_feedback": request.user.has_perm("projects.add_feedback", project),
        "can_add_view": request.user.has_perm("projects.add_decision_view", project),
        "can_see_activity": request.user.has_perm("projects.view_activity", project),
        "can_see_budget": request.user.has_perm("payments.view_budget", project),
    }
    return render(request, "projects/project_detail.html", context)


@permission_required("projects.change_project", fn=project_from)
def project_edit(request, pk):
    project = get_object_or_404(Project, pk=pk)
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        actions.save_project(project=project)
        messages.success(request, "Project details saved.")
        return redirect(project)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


@permission_required("projects.change_project", fn=project_from)
def declare_rung(request, pk):
    project = get_object_or_404(Project.objects.select_related("declared_rung"), pk=pk)
    form = DeclareRungForm(request.POST or None, initial={"rung": project.declared_rung})
    if request.method == "POST" and form.is_valid():
        actions.declare_rung(
            project=project,
            rung=form.cleaned_data["rung"],
            reason=form.cleaned_data["reason"],
            declared_by=request.user,
        )
        messages.success(request, "The declared rung is saved, with your reason.")
        return redirect(project)
    return render(request, "projects/declare_rung.html", {"form": form, "project": project})


@permission_required("projects.change_project", fn=project_from)
def stages(request, pk):
    project = get_object_or_404(Project, pk=pk)
    existing = list(project.stages.all())
    initial = [
        {
            "stage_id": s.pk,
            "name": s.name,
            "coproducers_involved": s.coproducers_involved,
            "how_involved": s.how_involved,
        }
        for s in existing
    ]
    formset = StageFormSet(request.POST or None, initial=initial, prefix="stage")
    if request.method == "POST" and formset.is_valid():
        kept = [
            f.cleaned_data
            for f in formset.forms
            if f.cleaned_data.get("name") and not f.cleaned_data.get("remove")
        ]
        actions.save_stages(project=project, rows=kept)
        messages.success(request, "Stages saved.")
        return redirect(project)
    return render(request, "projects/stages.html", {"formset": formset, "project": project})


@permission_required("projects.change_project", fn=project_from)
def team(request, pk):
    project = get_object_or_404(Project, pk=pk)
    form = TeamMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_team_member(project=project, **form.cleaned_data)
        messages.success(request, f"{form.cleaned_data['person']} added to the team.")
        return redirect("projects:team", pk=project.pk)
    members = project.team.select_related("person")
    return render(
        request, "projects/team.html", {"form": form, "project": project, "members": members}
    )


@permission_required("projects.change_project", fn=project_from)
@require_POST
def team_member_leave(request, pk, member_pk):
    member = get_object_or_404(TeamMember, pk=member_pk, project_id=pk)
    actions.end_team_membership(member=member)
    messages.success(request, f"{member.person} has left the team. Their part is still recorded.")
    return redirect("projects:team", pk=pk)


@permission_required("projects.record_decision", fn=project_from)
def decision_create(request, pk):
    project = get_object_or_404(Project, pk=pk)
    form = DecisionForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        present = data.pop("present")
        actions.record_decision(project=project, recorded_by=request.user, present=present, **data)
        messages.success(request, "Decision recorded.")
        return redirect(project)
    return render(request, "projects/decision_form.html", {"form": form, "project": project})


@permission_required("projects.propose_decision", fn=project_from)
def decision_propose(request, pk):
    project = get_object_or_404(Project, pk=pk)
    form = ProposeDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.record_decision(
            project=project,
            recorded_by=request.user,
            present=[request.user],
            proposed=True,
            **form.cleaned_data,
        )
        messages.success(
            request, "Thank you. The project lead will check it and add it to the log."
        )
        return redirect(project)
    return render(request, "projects/decision_propose.html", {"form": form, "project": project})


@permission_required("projects.record_decision", fn=project_from)
def decision_confirm(request, pk, decision_pk):
    project = get_object_or_404(Project, pk=pk)
    # Only suggestions are confirmed here: a recorded decision is not rewritten.
    decision = get_object_or_404(
        Decision, pk=decision_pk, project=project, status=Decision.Status.PROPOSED
    )
    form = ConfirmDecisionForm(
        request.POST or None,
        project=project,
        initial={"present": decision.present.all(), "agreement": decision.agreement},
    )
    if request.method == "POST" and form.is_valid():
        actions.confirm_decision(decision=decision, **form.cleaned_data)
        messages.success(request, "Decision added to the log.")
        return redirect(project)
    return render(
        request,
        "projects/decision_confirm.html",
        {"form": form, "project": project, "decision": decision},
    )


@permission_required("projects.add_decision_view", fn=project_from)
def decision_add_view(request, pk, decision_pk):
    project = get_object_or_404(Project, pk=pk)
    decision = get_object_or_404(Decision, pk=decision_pk, project=project)
    form = DecisionViewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_decision_view(
            decision=decision, author=request.user, text=form.cleaned_data["text"]
        )
        messages.success(request, "Your view is added to the decision.")
        return redirect(project)
    return render(
        request,
        "projects/decision_view_form.html",
        {"form": form, "project": project, "decision": decision},
    )


@permission_required("projects.add_feedback", fn=project_from)
def feedback_create(request, pk):
    project = get_object_or_404(Project, pk=pk)
    if request.user.has_perm("projects.answer_feedback", project):
        form = FeedbackForm(request.POST or None, project=project)
    else:
        form = SaySomethingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        said_by = data.pop("said_by", [request.user])
        actions.record_feedback(project=project, recorded_by=request.user, said_by=said_by, **data)
        messages.success(
            request, "Thank you. It is recorded, and you will hear what we do about it."
        )
        return redirect(project)
    return render(request, "projects/feedback_form.html", {"form": form, "project": project})


@permission_required("projects.answer_feedback", fn=project_from)
def feedback_answer(request, pk, item_pk):
    project = get_object_or_404(Project, pk=pk)
    item = get_object_or_404(Feedback, pk=item_pk, project=project)
    form = AnswerFeedbackForm(
        request.POST or None,
        initial={"outcome": item.outcome if item.is_answered else None, "response": item.response},
    )
    if request.method == "POST" and form.is_valid():
        actions.answer_feedback(
            item=item,
            answered_by=request.user,
            build_url=lambda i: request.build_absolute_uri(
                reverse("projects:you_said_we_did", args=[project.pk])
            ),
            **form.cleaned_data,
        )
        messages.success(
            request,
            "Answer saved. We are telling the people who said it, each the way they chose: "
            "phone calls and letters go on the list of people for staff to contact.",
        )
        return redirect(project)
    return render(
        request, "projects/feedback_answer.html", {"form": form, "project": project, "item": item}
    )


@permission_required("projects.view_project", fn=project_from)
def you_said_we_did(request, pk):
    project = get_object_or_404(Project, pk=pk)
    items = visible_feedback(
        request.user, project, project.feedback.exclude(outcome=Feedback.Outcome.OPEN)
    )
    return render(
        request,
        "projects/you_said_we_did.html",
        {"project": project, "items": items.prefetch_related("said_by")},
    )


@permission_required("projects.view_ladder")
def ladder(request):
    example = evidence.Measures()
    return render(
        request,
        "projects/ladder.html",
        {
            "rungs": Rung.objects.all(),
            "rules": evidence.rules_for(example),
            "thresholds": evidence.thresholds(),
        },
    )


@permission_required("projects.view_activity", fn=project_from)
def project_activity(request, pk):
    project = get_object_or_404(Project, pk=pk)
    return render(
        request,
        "projects/activity.html",
        {"project": project, "events": activity.recent_activity(project, request.user, limit=30)},
    )
