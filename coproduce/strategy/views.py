"""The strategy page (every commitment and its trajectory), writing commitments, and
the public page of the commitments the lead chose to show."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from coproduce.insights import history
from coproduce.lib.views import permission_required

from . import actions
from .forms import CommitmentForm
from .models import CoAuthor, Commitment
from .trajectory import trajectories


def _commitments():
    return Commitment.objects.select_related("owner").prefetch_related(
        Prefetch("co_authors", queryset=CoAuthor.objects.select_related("person"))
    )


def _commitment(request, pk):
    return get_object_or_404(_commitments(), pk=pk)


def _with_trajectories(commitments):
    chosen = list(commitments)
    judged = trajectories(chosen, timezone.localdate())
    for commitment in chosen:
        commitment.trajectory = judged[commitment.pk]
    return chosen


@permission_required("strategy.view_strategy")
def commitment_list(request):
    commitments = _with_trajectories(_commitments())
    titles = history.latest_titles() if commitments else {}
    for commitment in commitments:
        commitment.figure_title = titles.get(commitment.figure_key, (commitment.figure_key,))[0]
        commitment.may_change = request.user.has_perm("strategy.change_commitment", commitment)
        commitment.bars = commitment.trajectory.bars(commitment.target)
    return render(
        request,
        "strategy/commitment_list.html",
        {
            "commitments": commitments,
            "may_manage": request.user.has_perm("strategy.manage_strategy"),
        },
    )


def _save(request, form, message):
    commitment = actions.save_commitment(
        commitment=form.instance,
        by=request.user,
        co_authors=form.cleaned_data.get("co_authors") if "co_authors" in form.fields else None,
    )
    messages.success(request, message % {"text": commitment.text})
    return redirect(commitment)


@permission_required("strategy.manage_strategy")
def commitment_create(request):
    form = CommitmentForm(request.POST or None, titles=history.latest_titles(), manages=True)
    if request.method == "POST" and form.is_valid():
        return _save(request, form, gettext("“%(text)s” is added to the strategy."))
    return render(request, "strategy/commitment_form.html", {"form": form})


@permission_required("strategy.change_commitment", _commitment)
def commitment_edit(request, pk):
    commitment = _commitment(request, pk)
    form = CommitmentForm(
        request.POST or None,
        instance=commitment,
        titles=history.latest_titles(),
        manages=request.user.has_perm("strategy.manage_strategy"),
    )
    if request.method == "POST" and form.is_valid():
        return _save(request, form, gettext("“%(text)s” is saved."))
    return render(
        request, "strategy/commitment_form.html", {"form": form, "commitment": commitment}
    )


def public_list(request):
    """Open to everyone: the public commitments and, in words, how each is doing. No
    owner's name and no link into the records."""
    commitments = _with_trajectories(Commitment.objects.public())
    return render(request, "strategy/public_list.html", {"commitments": commitments})
