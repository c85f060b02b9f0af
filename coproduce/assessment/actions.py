"""Self-assessment use cases: each one transaction; email queued after commit."""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from coproduce.notifications.actions import notify

from .models import Action, ActionNote, Answer, Response, Round


@transaction.atomic
def open_round(*, framework, title, closes_on, opened_by):
    return Round.objects.create(
        framework=framework, title=title, closes_on=closes_on, opened_by=opened_by
    )


@transaction.atomic
def close_round(*, round_):
    round_.closed = True
    round_.save(update_fields=["closed"])
    return round_


@transaction.atomic
def save_answers(*, round_, person, perspective, answers, submit):
    """answers: {statement: (score or None, comment)}. Saving keeps a draft to come
    back to; submitting counts it in the results (it can still be changed while
    the round is open)."""
    response, _ = Response.objects.get_or_create(
        round=round_, person=person, perspective=perspective
    )
    existing = {a.statement_id: a for a in response.answers.all()}
    new, changed = [], []
    for statement, (score, comment) in answers.items():
        answer = existing.get(statement.pk)
        if answer is None:
            new.append(Answer(response=response, statement=statement, score=score, comment=comment))
        elif (answer.score, answer.comment) != (score, comment):
            answer.score, answer.comment = score, comment
            changed.append(answer)
    Answer.objects.bulk_create(new)
    Answer.objects.bulk_update(changed, ["score", "comment"])
    if submit and response.submitted_at is None:
        response.submitted_at = timezone.now()
    response.save()
    return response


@transaction.atomic
def raise_action(*, created_by, **fields):
    action = Action.objects.create(created_by=created_by, **fields)
    ActionNote.objects.create(action=action, text="Action raised.", author=created_by)
    _tell_owner(action, created_by)
    return action


@transaction.atomic
def update_action(*, action, status, note, author):
    """Records progress. A status change is written into the notes so the history
    of the action reads from top to bottom."""
    lines = []
    if status != action.status:
        lines.append(f"Status changed to “{Action.Status(status).label}”.")
        action.status = status
        action.done_on = timezone.localdate() if status == Action.Status.DONE else None
        action.save(update_fields=["status", "done_on"])
    if note:
        lines.append(note)
    if lines:
        ActionNote.objects.create(action=action, text="\n".join(lines), author=author)
    return action


def _tell_owner(action, by):
    owner = action.owner
    if owner is None or owner == by or not owner.email:
        return
    body = render_to_string("assessment/email/action_owner.txt", {"action": action, "by": by})
    notify(
        owner,
        "assessment.action_owner",
        subject="You own an action in the co-production plan",
        body=body,
    )
