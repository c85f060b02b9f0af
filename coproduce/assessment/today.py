"""What self-assessment puts on each person's Today (lib.today): an open round to
answer from each perspective the person holds; overdue actions in the plan (the
lead sees them all, staff the ones they own); actions a co-producer co-owns that are
due soon or overdue.

Each provider costs a fixed number of queries, however many rounds and actions."""

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from coproduce.accounts.models import Role
from coproduce.lib.today import OVERDUE, Item, count_of, counted, urgency_for

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
                sentence=(
                    gettext("Tell us how well we co-produce in “%(title)s” as a member of staff.")
                    if as_staff
                    else gettext("Tell us how well we co-produce in “%(title)s”.")
                )
                % {"title": round_.title},
                action_label=gettext("Answer"),
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
            sentence=gettext("An action in the plan is overdue: %(what)s") % {"what": what},
            action_label=gettext("Update the action"),
            action_url=action.get_absolute_url(),
            due=action.due_on,
            urgency=OVERDUE,
        )


DUE_SOON = 14  # days ahead that an action a co-producer co-owns shows on their Today


def _co_owned_due(user, now):
    today = timezone.localdate(now)
    return Action.objects.filter(
        co_owners__person=user, due_on__lte=today + timedelta(days=DUE_SOON)
    ).exclude(status=Action.Status.DONE)


def counts(user, now):
    """How many co-owned actions are due, read with every other app's numbers in one
    query (lib.today.register_counts), so a person with none pays no query of their own."""
    if not user.has_role(Role.COPRODUCER):
        return {}
    return {"assessment_co_owned_due": count_of(_co_owned_due(user, now))}


def co_owned_actions(user, now):
    """Actions the person co-owns that are not done and are due within DUE_SOON days
    (or overdue), so a co-producer is reminded to record progress."""
    if not counted(user, now).get("assessment_co_owned_due"):
        return
    today = timezone.localdate(now)
    for action in _co_owned_due(user, now).order_by("due_on", "pk")[:SHOWN]:
        what = action.what if len(action.what) <= 80 else action.what[:77].rstrip() + "…"
        overdue = action.due_on < today
        yield Item(
            key=f"assessment.co_owned:{action.pk}",
            sentence=(
                gettext("An action you co-own is overdue: %(what)s") % {"what": what}
                if overdue
                else gettext("An action you co-own is due on %(day)s: %(what)s")
                % {"day": date_format(action.due_on, "j F"), "what": what}
            ),
            action_label=gettext("Record progress"),
            action_url=action.get_absolute_url(),
            due=action.due_on,
            urgency=urgency_for(action.due_on, now),
        )
