"""What self-assessment puts on each person's Today (lib.today): an open round to
answer from each perspective the person holds; overdue actions in the plan (the
lead sees them all, staff the ones they own).

Each provider costs a fixed number of queries, however many rounds and actions."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import Role
from coproduce.lib.today import OVERDUE, Item, urgency_for

from .models import Action, Perspective, Response, Round

SHOWN = 10
STAFF_ROLES = (Role.ADMINISTRATOR, Role.LEAD, Role.STAFF, Role.FINANCE)


def rounds_to_answer(user, now):
    perspectives = []
    if user.has_role(Role.COPRODUCER):
        perspectives.append(Perspective.COPRODUCER)
    if user.has_role(*STAFF_ROLES):
        perspectives.append(Perspective.STAFF)
    if not perspectives:
        return
    today = timezone.localdate(now)
    rounds = Round.objects.filter(closed=False, closes_on__gte=today)
    for perspective in perspectives:
        answered = Response.objects.filter(
            round=OuterRef("pk"), person=user, perspective=perspective, submitted_at__isnull=False
        )
        rounds = rounds.annotate(**{f"done_{perspective}": Exists(answered)})
    for round_ in rounds.order_by("closes_on", "pk")[:SHOWN]:
        for perspective in perspectives:
            if getattr(round_, f"done_{perspective}"):
                continue
            as_staff = perspective == Perspective.STAFF and len(perspectives) > 1
            yield Item(
                key=f"assessment.answer:{round_.pk}:{perspective}",
                sentence=f"Tell us how well we co-produce in “{round_.title}”"
                + (" as a member of staff." if as_staff else "."),
                action_label="Answer",
                action_url=reverse("assessment:answer", args=[round_.pk, perspective]),
                due=round_.closes_on,
                urgency=urgency_for(round_.closes_on, now),
            )


def overdue_actions(user, now):
    """Actions in the plan past their due date and not done: all of them for the lead,
    the ones they own for other staff."""
    if not user.has_role(*STAFF_ROLES):
        return
    found = Action.objects.filter(due_on__lt=timezone.localdate(now)).exclude(
        status=Action.Status.DONE
    )
    if not user.has_role(Role.LEAD):
        found = found.filter(owner=user)
    for action in found.order_by("due_on", "pk")[:SHOWN]:
        what = action.what if len(action.what) <= 80 else action.what[:77].rstrip() + "…"
        yield Item(
            key=f"assessment.action:{action.pk}",
            sentence=f"An action in the plan is overdue: {what}",
            action_label="Update the action",
            action_url=action.get_absolute_url(),
            due=action.due_on,
            urgency=OVERDUE,
        )
