from collections import defaultdict

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from coproduce.lib import changes
from coproduce.lib.paging import KeptCountPaginator
from coproduce.lib.views import permission_required

from . import actions, activity, evidence
from .forms import (
    AnswerFeedbackForm,
    DecisionViewForm,
    DeclareRungForm,
    FeedbackForm,
    MeetingPositionsForm,
    NewProjectForm,
    OnBehalfPositionForm,
    OpenDecisionForm,
    PositionForm,
    ProjectForm,
    ProjectSearchForm,
    ProposeDecisionForm,
    SaySomethingForm,
    StageFormSet,
    TeamMemberForm,
)
from .models import (
    CO_LEADING_ACTIVITY,
    Decision,
    DecisionView,
    Feedback,
    Position,
    Project,
    Rung,
    TeamMember,
)
from .rules import remember_current_kinds, runs_projects, visible_feedback
from .team import visible_projects


def project_from(request, pk, **kwargs):
    return get_object_or_404(Project, pk=pk)


@permission_required("projects.view_project_list")
def project_list(request):
    form = ProjectSearchForm(request.GET or None)
    projects = visible_projects(request.user).select_related("declared_rung", "lead")
    if form.is_valid():
        if query := form.cleaned_data["q"].strip():
            projects = projects.filter(Q(title__icontains=query) | Q(summary__icontains=query))
        if status := form.cleaned_data["status"]:
            projects = projects.filter(status=status)
    # Each row shows the evidenced rung stored when the project's records last changed.
    # The total counts every project the viewer may see, and grows with the organisation.
    page = KeptCountPaginator(projects.order_by("title", "pk"), 25).get_page(
        request.GET.get("page")
    )
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
        messages.success(
            request, gettext("Project “%(title)s” created.") % {"title": project.title}
        )
        return redirect(project)
    return render(request, "projects/project_form.html", {"form": form, "creating": True})


def _latest_decisions(project):
    """The ten latest decisions with who was there, the views given and how many took each
    position: three queries
    whether there are none or many, so every project's page costs the same."""
    latest = project.decisions.all()[:10]
    decisions = list(
        project.decisions.select_related("stage", "recorded_by").annotate(
            **{
                f"took_{value}": Count("positions", filter=Q(positions__stance=value))
                for value in Position.Stance.values
            }
        )[:10]
    )
    present, views = defaultdict(list), defaultdict(list)
    who = Decision.present.through.objects.filter(decision__in=latest.values("pk"))
    for row in who.select_related("user").order_by("user__name", "user_id"):
        present[row.decision_id].append(row.user)
    for view in DecisionView.objects.filter(decision__in=latest.values("pk")).select_related(
        "author"
    ):
        views[view.decision_id].append(view)
    for decision in decisions:
        decision.people_present, decision.views_given = present[decision.pk], views[decision.pk]
        decision.position_counts = [
            (label, getattr(decision, f"took_{value}")) for value, label in Position.Stance.choices
        ]
    return decisions


def _latest_feedback(visible):
    """The ten latest things said that the viewer may read, with who said them: two
    queries whether there are none or many."""
    latest = visible[:10]
    items = list(latest)
    said_by = defaultdict(list)
    who = Feedback.said_by.through.objects.filter(feedback__in=visible.values("pk")[:10])
    for row in who.select_related("user").order_by("user__name", "user_id"):
        said_by[row.feedback_id].append(row.user)
    for item in items:
        item.people_who_said = said_by[item.pk]
    return items


def project_for_page(request, pk, **kwargs):
    """The project and its whole team, fetched once for the permission checks and the
    page: the viewer's own place on the team is read from the team shown."""
    found = Project.objects.select_related("declared_rung", "lead")
    project = get_object_or_404(found.annotate(**evidence.counted_with_the_project()), pk=pk)
    project.team_shown = list(project.team.select_related("person"))
    remember_current_kinds(request.user, project, project.team_shown)
    request.project = project
    return project


@permission_required("projects.view_project", fn=project_for_page)
def project_detail(request, pk):
    project = request.project
    team = project.team_shown
    stages = list(project.stages.all())
    # The evidence is counted from the team and stages shown, and counts read with the project.
    project.measures = evidence.measures_of(project, team, stages)
    project.evidenced_rung, project.evidence_rule = evidence.evidenced_rung(project.measures)
    # The same for every viewer, and three queries built from several counts: kept
    # until a change is committed (a tenth of the page's time on PostgreSQL).
    decisions = changes.kept(f"project-decisions:{project.pk}", lambda: _latest_decisions(project))
    feedback = _latest_feedback(
        visible_feedback(request.user, project, project.feedback.select_related("responded_by"))
    )
    coproducer_ids = {m.person_id for m in team if m.kind == TeamMember.Kind.COPRODUCER}
    co_leads = [member for member in team if member.co_lead and member.is_current]
    can_change = request.user.has_perm("projects.change_project", project)
    context = {
        "co_leads": co_leads,
        "co_lead_claim": _co_lead_claim(request.user, project, co_leads),
        "project": project,
        "stages": stages,
        "team": team,
        "coproducer_ids": coproducer_ids,
        "decisions": decisions,
        "feedback": feedback,
        "declarations": project.declarations.select_related("rung", "declared_by")[:20],
        "rules": evidence.rules_for(project.measures),
        "can_change": can_change,
        "can_propose": request.user.has_perm("projects.propose_decision", project),
        "can_add_feedback": request.user.has_perm("projects.add_feedback", project),
        "can_add_view": request.user.has_perm("projects.add_decision_view", project),
        "can_see_activity": request.user.has_perm("projects.view_activity", project),
        "can_see_budget": request.user.has_perm("payments.view_budget", project),
        # Those who run projects arrange meetings for any; a co-lead only for their own.
        "can_arrange_meeting": (runs_projects(request.user) or can_change)
        and request.user.has_perm("meetings.add_meeting"),
    }
    return render(request, "projects/project_detail.html", context)


def _co_lead_claim(user, project, co_leads):
    """The starting answers of a claim for a co-lead's time leading the project (lead
    work is claimed like any other activity), or "" for anyone else."""
    if not any(member.person_id == user.pk for member in co_leads):
        return ""
    if not user.has_perm("payments.make_claim"):
        return ""
    return urlencode(
        {
            "activity_type": CO_LEADING_ACTIVITY,
            "project": project.pk,
            "description": (gettext("Co-leading %(title)s") % {"title": project.title})[:300],
        }
    )


@permission_required("projects.change_project", fn=project_from)
def project_edit(request, pk):
    project = get_object_or_404(Project, pk=pk)
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        actions.save_project(project=project)
        messages.success(request, gettext("Project details saved."))
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
        messages.success(request, gettext("The declared rung is saved, with your reason."))
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
        messages.success(request, gettext("Stages saved."))
        return redirect(project)
    return render(request, "projects/stages.html", {"formset": formset, "project": project})


@permission_required("projects.change_project", fn=project_from)
def team(request, pk):
    project = get_object_or_404(Project, pk=pk)
    form = TeamMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_team_member(project=project, **form.cleaned_data)
        messages.success(
            request,
            gettext("%(person)s added to the team.") % {"person": form.cleaned_data["person"]},
        )
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
    messages.success(
        request,
        gettext("%(person)s has left the team. Their part is still recorded.")
        % {"person": member.person},
    )
    return redirect("projects:team", pk=pk)


@permission_required("projects.record_decision", fn=project_from)
def decision_create(request, pk):
    """Opens a proposal to the team's positions."""
    project = get_object_or_404(Project, pk=pk)
    form = OpenDecisionForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        decision = actions.open_decision(
            project=project, opened_by=request.user, **form.cleaned_data
        )
        messages.success(request, gettext("The decision is open. The team has been told."))
        return redirect(decision)
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
            request, gettext("Thank you. The project lead will check it and put it to the team.")
        )
        return redirect(project)
    return render(request, "projects/decision_propose.html", {"form": form, "project": project})


@permission_required("projects.record_decision", fn=project_from)
def decision_confirm(request, pk, decision_pk):
    """Puts a co-producer's suggestion to the team. Only suggestions: an open or closed
    decision is not rewritten."""
    project = get_object_or_404(Project, pk=pk)
    decision = get_object_or_404(
        Decision, pk=decision_pk, project=project, status=Decision.Status.PROPOSED
    )
    form = OpenDecisionForm(
        request.POST or None,
        project=project,
        initial={"what": decision.what, "why": decision.why, "stage": decision.stage_id},
    )
    if request.method == "POST" and form.is_valid():
        actions.open_decision(
            project=project, opened_by=request.user, suggestion=decision, **form.cleaned_data
        )
        messages.success(request, gettext("The decision is open. The team has been told."))
        return redirect(decision)
    return render(
        request,
        "projects/decision_confirm.html",
        {"form": form, "project": project, "decision": decision},
    )


def _decision_of(request, pk, decision_pk):
    return get_object_or_404(
        Decision.objects.select_related("project", "meeting", "stage", "recorded_by"),
        pk=decision_pk,
        project_id=pk,
    )


def _refuse_if_closed(request, decision):
    """Positions are given only while a decision is open: a closed one is the record."""
    if decision.is_open:
        return None
    messages.error(
        request, gettext("This decision is not open for positions, so nothing was changed.")
    )
    return redirect(decision)


@permission_required("projects.view_project", fn=project_for_page)
def decision_detail(request, pk, decision_pk):
    project = request.project
    decision = _decision_of(request, pk, decision_pk)
    positions = list(decision.positions.select_related("person", "recorded_by"))
    if decision.is_closed:
        present = list(decision.present.order_by("name", "pk"))
    else:
        present = actions.attended(decision)
    stances = [position.stance for position in positions]
    counts = [(label, stances.count(value)) for value, label in Position.Stance.choices]
    mine = next((p for p in positions if p.person_id == request.user.pk), None)
    may_give = decision.is_open and request.user.has_perm("projects.record_position", project)
    context = {
        "project": project,
        "decision": decision,
        "positions": positions,
        "present": present,
        "counts": counts,
        "mine": mine,
        "form": PositionForm(
            initial={"stance": mine.stance, "reason": mine.reason} if mine else None
        )
        if may_give
        else None,
        "can_run": decision.is_open and request.user.has_perm("projects.record_decision", project),
        "coproducer_ids": {
            m.person_id for m in project.team_shown if m.kind == TeamMember.Kind.COPRODUCER
        },
    }
    return render(request, "projects/decision_detail.html", context)


@permission_required("projects.record_position", fn=project_from)
def decision_position(request, pk, decision_pk):
    """A team member gives (or changes) their own position."""
    decision = _decision_of(request, pk, decision_pk)
    if refused := _refuse_if_closed(request, decision):
        return refused
    form = PositionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.record_position(
            decision=decision, person=request.user, recorded_by=request.user, **form.cleaned_data
        )
        messages.success(
            request, gettext("Your position is recorded. You can change it until it closes.")
        )
        return redirect(decision)
    return render(
        request,
        "projects/decision_position.html",
        {"form": form, "project": decision.project, "decision": decision},
    )


@permission_required("projects.record_decision", fn=project_from)
def decision_on_behalf(request, pk, decision_pk):
    """Staff record a team member's position for them, saying why."""
    decision = _decision_of(request, pk, decision_pk)
    if refused := _refuse_if_closed(request, decision):
        return refused
    form = OnBehalfPositionForm(request.POST or None, project=decision.project)
    if request.method == "POST" and form.is_valid():
        actions.record_position(
            decision=decision,
            recorded_by=request.user,
            way=Position.Way.ON_BEHALF,
            **form.cleaned_data,
        )
        messages.success(
            request,
            gettext("%(person)s's position is recorded.") % {"person": form.cleaned_data["person"]},
        )
        return redirect(decision)
    return render(
        request,
        "projects/decision_on_behalf.html",
        {"form": form, "project": decision.project, "decision": decision},
    )


@permission_required("projects.record_decision", fn=project_from)
def decision_meeting_positions(request, pk, decision_pk):
    """In the meeting: positions for each team member the attendance says was there."""
    decision = _decision_of(request, pk, decision_pk)
    if refused := _refuse_if_closed(request, decision):
        return refused
    on_team = set(
        TeamMember.objects.current().filter(project_id=pk).values_list("person_id", flat=True)
    )
    there = [person for person in actions.attended(decision) if person.pk in on_team]
    form = MeetingPositionsForm(request.POST or None, people=there)
    if request.method == "POST" and form.is_valid():
        recorded = actions.record_meeting_positions(
            decision=decision, recorded_by=request.user, stances=form.stances()
        )
        messages.success(
            request,
            ngettext(
                "Position recorded for %(count)d of the people there.",
                "Positions recorded for %(count)d of the people there.",
                recorded,
            )
            % {"count": recorded},
        )
        return redirect(decision)
    return render(
        request,
        "projects/decision_meeting_positions.html",
        {"form": form, "project": decision.project, "decision": decision, "there": there},
    )


@permission_required("projects.record_decision", fn=project_from)
@require_POST
def decision_close(request, pk, decision_pk):
    """The lead closes a decision before its closing date."""
    decision = _decision_of(request, pk, decision_pk)
    if refused := _refuse_if_closed(request, decision):
        return refused
    try:
        decision = actions.close_decision(decision=decision)
    except actions.DecisionClosed:
        return _refuse_if_closed(request, Decision.objects.get(pk=decision.pk))
    messages.success(
        request,
        gettext("The decision is closed: %(outcome)s.")
        % {"outcome": decision.get_outcome_display().lower()},
    )
    return redirect(decision)


@permission_required("projects.add_decision_view", fn=project_from)
def decision_add_view(request, pk, decision_pk):
    project = get_object_or_404(Project, pk=pk)
    decision = get_object_or_404(Decision, pk=decision_pk, project=project)
    form = DecisionViewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_decision_view(
            decision=decision, author=request.user, text=form.cleaned_data["text"]
        )
        messages.success(request, gettext("Your view is added to the decision."))
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
            request, gettext("Thank you. It is recorded, and you will hear what we do about it.")
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
            gettext(
                "Answer saved. We are telling the people who said it, each the way they chose: "
                "phone calls and letters go on the list of people for staff to contact."
            ),
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
