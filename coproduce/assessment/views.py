from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from coproduce.lib import keyset, suppression
from coproduce.lib.figures import AREAS
from coproduce.lib.views import id_param, permission_required

from . import actions, results
from .forms import ActionForm, AnswersForm, CommentForm, CoOwnerForm, ProgressForm, RoundForm
from .models import AREA_LABELS, Action, ActionCoOwner, Perspective, Response, Round


def round_from(request, pk, **kwargs):
    return get_object_or_404(Round, pk=pk)


def action_from(request, pk, **kwargs):
    """The action with its co-owners read once, for the rules that ask about them."""
    return get_object_or_404(_actions_with_co_owners(), pk=pk)


def _actions_with_co_owners():
    return Action.objects.prefetch_related(
        Prefetch("co_owners", queryset=ActionCoOwner.objects.select_related("person"))
    )


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
            request,
            gettext("Round “%(title)s” is open. Staff and co-producers can answer now.")
            % {"title": round_.title},
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
    areas = [(key, label, scores[round_.pk][key]) for key, label in AREA_LABELS.items()]
    sees_comments = request.user.has_perm("assessment.view_result_comments")
    history = [
        (label, [(r, scores[r.pk][key]) for r in [round_, *earlier]])
        for key, label in AREA_LABELS.items()
    ]
    return render(
        request,
        "assessment/round_detail.html",
        {
            "round": round_,
            "areas": areas,
            "people": people,
            "statements": statements,
            "sees_comments": sees_comments,
            "comments": results.comments(
                round_, request.GET, {statement.pk: statement for statement, _ in statements}
            )
            if sees_comments
            else [],
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
    messages.success(
        request,
        gettext("Round “%(title)s” is closed. Nobody can change answers now.")
        % {"title": round_.title},
    )
    return redirect(round_)


@permission_required("assessment.view_rounds", fn=round_from)
def answer(request, pk, perspective):
    round_ = get_object_or_404(Round.objects.select_related("framework"), pk=pk)
    if perspective not in Perspective.values:
        raise Http404
    if not request.user.has_perm(f"assessment.answer_as_{perspective}", round_):
        if not round_.is_open:
            messages.info(request, gettext("This round has closed, so answers cannot be changed."))
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
                gettext("Thank you. Your answers are in. You can change them until %(day)s.")
                % {"day": date_format(round_.closes_on, "j F Y")},
            )
        else:
            messages.success(
                request, gettext("Your answers are saved. Come back to finish them at any time.")
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
                (label, [a for a in chosen if a.area == key]) for key, label in AREA_LABELS.items()
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
        messages.success(request, gettext("Action added to the plan."))
        return redirect(action)
    return render(request, "assessment/action_form.html", {"form": form, "round": round_})


@permission_required("assessment.manage_actions", fn=action_from)
def action_edit(request, pk):
    action = get_object_or_404(Action, pk=pk)
    form = ActionForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        actions.save_action(action=action)
        messages.success(request, gettext("Action saved."))
        return redirect(action)
    return render(request, "assessment/action_form.html", {"form": form, "action": action})


@permission_required("assessment.view_actions", fn=action_from)
def action_detail(request, pk):
    action = get_object_or_404(_actions_with_co_owners().select_related("owner", "round"), pk=pk)
    user = request.user
    can_update = user.has_perm("assessment.update_action", action)
    form = ProgressForm(request.POST or None, action=action) if can_update else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            actions.update_action(
                action=action,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"].strip(),
                author=user,
            )
            messages.success(request, gettext("Progress recorded."))
            return redirect(action)
    return _action_page(request, action, form=form)


def _action_page(request, action, *, form=None, comment_form=None, co_owner_form=None):
    """The action's page, with whichever of its forms came back with errors."""
    user = request.user
    co_owners = list(action.co_owners.all())
    co_owns = any(c.person_id == user.pk for c in co_owners)
    if form is None and user.has_perm("assessment.update_action", action):
        form = ProgressForm(action=action)
    if comment_form is None and user.has_perm("assessment.comment_on_action", action):
        comment_form = CommentForm()
    adds = user.has_perm("assessment.add_co_owner", action)
    if co_owner_form is None and adds:
        co_owner_form = CoOwnerForm()
    return render(
        request,
        "assessment/action_detail.html",
        {
            "action": action,
            "notes": action.notes.select_related("author"),
            "comments": action.comments.select_related("author"),
            "co_owners": co_owners,
            "co_owns": co_owns,
            "may_volunteer": not co_owns and user.has_perm("assessment.co_own_action", action),
            "removes_others": user.has_perm("assessment.remove_co_owner", action) and not co_owns,
            "form": form,
            "comment_form": comment_form,
            "co_owner_form": co_owner_form if adds else None,
            # The page's error summary lists the errors of `form` and `form2`.
            "form2": next((f for f in (comment_form, co_owner_form) if f and f.errors), None),
            "manages": user.has_perm("assessment.manage_actions"),
        },
    )


@permission_required("assessment.co_own_action", fn=action_from)
@require_POST
def action_co_own(request, pk):
    """A co-producer volunteers to co-own the action."""
    action = action_from(request, pk)
    actions.add_co_owner(action=action, person=request.user, by=request.user)
    messages.success(request, gettext("You co-own this action now. You can record its progress."))
    return redirect(action)


@permission_required("assessment.add_co_owner", fn=action_from)
@require_POST
def action_co_owner_add(request, pk):
    action = action_from(request, pk)
    form = CoOwnerForm(request.POST)
    if not form.is_valid():
        return _action_page(request, action, co_owner_form=form)
    person = form.cleaned_data["person"]
    actions.add_co_owner(action=action, person=person, by=request.user)
    messages.success(request, gettext("%(person)s co-owns this action now.") % {"person": person})
    return redirect(action)


@permission_required("assessment.remove_co_owner", fn=action_from)
@require_POST
def action_co_owner_remove(request, pk):
    """The lead or the owner removes a co-owner; a co-owner may remove only themselves."""
    action = action_from(request, pk)
    person_id = id_param(request.POST.get("person", ""))
    co_owner = next((c for c in action.co_owners.all() if c.person_id == person_id), None)
    if co_owner is None:
        raise Http404
    steps_down = co_owner.person_id == request.user.pk
    if not steps_down and not (
        request.user.has_perm("assessment.manage_actions") or action.owner_id == request.user.pk
    ):
        raise PermissionDenied
    actions.remove_co_owner(action=action, person=co_owner.person, by=request.user)
    messages.success(
        request,
        gettext("You no longer co-own this action.")
        if steps_down
        else gettext("%(person)s no longer co-owns this action.") % {"person": co_owner.person},
    )
    return redirect(action)


@permission_required("assessment.comment_on_action", fn=action_from)
@require_POST
def action_comment(request, pk):
    action = action_from(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _action_page(request, action, comment_form=form)
    actions.comment_on_action(action=action, text=form.cleaned_data["text"], author=request.user)
    messages.success(request, gettext("Comment added."))
    return redirect(f"{action.get_absolute_url()}#comments")
