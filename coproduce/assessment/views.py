from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from coproduce.lib import keyset, suppression
from coproduce.lib.figures import AREAS
from coproduce.lib.views import id_param, permission_required

from . import actions, results
from .forms import ActionForm, AnswersForm, ProgressForm, RoundForm
from .models import Action, Perspective, Response, Round


def round_from(request, pk, **kwargs):
    return get_object_or_404(Round, pk=pk)


def action_from(request, pk, **kwargs):
    return get_object_or_404(Action, pk=pk)


def perspectives_for(user):
    """The perspectives this person may answer from (both, for staff who are also
    co-producers)."""
    chosen = []
    if user.has_perm("assessment.answer_as_staff"):
        chosen.append(Perspective.STAFF)
    if user.has_perm("assessment.answer_as_coproducer"):
        chosen.append(Perspective.COPRODUCER)
    return chosen


@permission_required("assessment.view_rounds")
def round_list(request):
    rounds = list(Round.objects.select_related("framework"))
    mine = {
        (r.round_id, r.perspective): r
        for r in Response.objects.filter(person=request.user, round__in=rounds)
    }
    perspectives = perspectives_for(request.user)
    for round_ in rounds:
        round_.mine = [
            (Perspective(p), mine.get((round_.pk, p))) for p in perspectives if round_.is_open
        ]
    return render(
        request,
        "assessment/round_list.html",
        {
            "rounds": rounds,
            "runs": request.user.has_perm("assessment.run_rounds"),
            "sees_results": request.user.has_perm("assessment.view_results"),
            "sees_actions": request.user.has_perm("assessment.view_actions"),
        },
    )


@permission_required("assessment.run_rounds")
def round_create(request):
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        round_ = actions.open_round(opened_by=request.user, **form.cleaned_data)
        messages.success(
            request, f"Round “{round_.title}” is open. Staff and co-producers can answer now."
        )
        return redirect(round_)
    return render(request, "assessment/round_form.html", {"form": form})


# Whoever may see results may see any round's, so the round is not read twice.
@permission_required("assessment.view_results")
def round_detail(request, pk):
    round_ = get_object_or_404(Round.objects.select_related("framework"), pk=pk)
    earlier = list(
        Round.objects.filter(framework=round_.framework, opened_on__lte=round_.opened_on)
        .exclude(pk=round_.pk)
        .order_by("-opened_on", "-pk")[:4]
    )
    scores, statements = results.round_results(round_, earlier)
    people = scores[round_.pk][next(iter(AREAS))]
    areas = [(key, label, scores[round_.pk][key]) for key, label in AREAS.items()]
    history = [
        (label, [(r, scores[r.pk][key]) for r in [round_, *earlier]])
        for key, label in AREAS.items()
    ]
    return render(
        request,
        "assessment/round_detail.html",
        {
            "round": round_,
            "areas": areas,
            "people": people,
            "statements": statements,
            "comments": results.comments(
                round_, request.GET, {statement.pk: statement for statement, _ in statements}
            ),
            "querystring": keyset.querystring(request.GET),
            "earlier": earlier,
            "history": history,
            "actions": round_.actions.select_related("owner"),
            "runs": request.user.has_perm("assessment.run_rounds"),
            "floor": suppression.floor(),
        },
    )


@permission_required("assessment.run_rounds", fn=round_from)
@require_POST
def round_close(request, pk):
    round_ = get_object_or_404(Round, pk=pk)
    actions.close_round(round_=round_)
    messages.success(request, f"Round “{round_.title}” is closed. Nobody can change answers now.")
    return redirect(round_)


@permission_required("assessment.view_rounds", fn=round_from)
def answer(request, pk, perspective):
    round_ = get_object_or_404(Round.objects.select_related("framework"), pk=pk)
    if perspective not in Perspective.values:
        raise Http404
    if not request.user.has_perm(f"assessment.answer_as_{perspective}", round_):
        if not round_.is_open:
            messages.info(request, "This round has closed, so answers cannot be changed.")
            return redirect("assessment:round_list")
        raise PermissionDenied
    response = Response.objects.filter(
        round=round_, person=request.user, perspective=perspective
    ).first()
    saved = {a.statement_id: a for a in response.answers.all()} if response else {}
    form = AnswersForm(
        request.POST or None, statements=round_.framework.statements.all(), answers=saved
    )
    if request.method == "POST" and form.is_valid():
        response = actions.save_answers(
            round_=round_,
            person=request.user,
            perspective=perspective,
            answers=form.answers(),
            submit=form.submitting,
        )
        if form.submitting or response.submitted_at:
            messages.success(
                request,
                "Thank you. Your answers are in. You can change them until "
                f"{round_.closes_on:%-d %B %Y}.",
            )
        else:
            messages.success(
                request, "Your answers are saved. Come back to finish them at any time."
            )
        return redirect("assessment:round_list")
    return render(
        request,
        "assessment/answer.html",
        {
            "round": round_,
            "form": form,
            "perspective": Perspective(perspective),
            "response": response,
        },
    )


@permission_required("assessment.view_actions")
def action_list(request):
    status = request.GET.get("status", "open")
    chosen = Action.objects.select_related("owner", "round")
    if status == "open":
        chosen = chosen.exclude(status=Action.Status.DONE)
    elif status == "done":
        chosen = chosen.filter(status=Action.Status.DONE)
    else:
        status = "all"
    counts = Action.objects.aggregate(
        open=Count("pk", filter=~Q(status=Action.Status.DONE)),
        overdue=Count(
            "pk", filter=~Q(status=Action.Status.DONE) & Q(due_on__lt=timezone.localdate())
        ),
    )
    return render(
        request,
        "assessment/action_list.html",
        {
            "actions_by_area": [
                (label, [a for a in chosen if a.area == key]) for key, label in AREAS.items()
            ],
            "status": status,
            "counts": counts,
            "manages": request.user.has_perm("assessment.manage_actions"),
        },
    )


@permission_required("assessment.manage_actions")
def action_create(request):
    round_id = request.GET.get("round", "")
    round_ = Round.objects.filter(pk=round_id).first() if (round_id := id_param(round_id)) else None
    initial = {"area": request.GET.get("area") if request.GET.get("area") in AREAS else None}
    form = ActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        action = actions.raise_action(created_by=request.user, round=round_, **form.cleaned_data)
        messages.success(request, "Action added to the plan.")
        return redirect(action)
    return render(request, "assessment/action_form.html", {"form": form, "round": round_})


@permission_required("assessment.manage_actions", fn=action_from)
def action_edit(request, pk):
    action = get_object_or_404(Action, pk=pk)
    form = ActionForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        actions.save_action(action=action)
        messages.success(request, "Action saved.")
        return redirect(action)
    return render(request, "assessment/action_form.html", {"form": form, "action": action})


@permission_required("assessment.view_actions", fn=action_from)
def action_detail(request, pk):
    action = get_object_or_404(Action.objects.select_related("owner", "round"), pk=pk)
    can_update = request.user.has_perm("assessment.update_action", action)
    form = ProgressForm(request.POST or None, action=action) if can_update else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            actions.update_action(
                action=action,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"].strip(),
                author=request.user,
            )
            messages.success(request, "Progress recorded.")
            return redirect(action)
    return render(
        request,
        "assessment/action_detail.html",
        {
            "action": action,
            "notes": action.notes.select_related("author"),
            "form": form,
            "manages": request.user.has_perm("assessment.manage_actions"),
        },
    )
