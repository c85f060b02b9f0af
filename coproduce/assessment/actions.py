"""Self-assessment use cases: each one transaction; email queued after commit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Avg, Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

from coproduce.lib.language import in_language_of
from coproduce.notifications.actions import notify

from .models import (
    Action,
    ActionComment,
    ActionCoOwner,
    ActionNote,
    Answer,
    Response,
    Result,
    Round,
)

if TYPE_CHECKING:
    from datetime import date

    from coproduce.accounts.models import User

    from .models import Framework, Statement


@transaction.atomic
def open_round(*, framework: Framework, title: str, closes_on: date, opened_by: User) -> Round:
    return Round.objects.create(
        framework=framework, title=title, closes_on=closes_on, opened_by=opened_by
    )


@transaction.atomic
def close_round(*, round_: Round) -> Round:
    round_.closed = True
    round_.save(update_fields=["closed"])
    return round_


@transaction.atomic
def save_answers(
    *,
    round_: Round,
    person: User,
    perspective: str,
    answers: dict[Statement, tuple[int | None, str]],
    submit: bool,
) -> Response:
    """answers: {statement: (score or None, comment)}. Saving keeps a draft to come
    back to; submitting counts it in the results (it can still be changed while
    the round is open)."""
    response, _ = Response.objects.get_or_create(
        round=round_, person=person, perspective=perspective
    )
    existing = {a.statement_id: a for a in response.answers.all()}
    new: list[Answer] = []
    changed: list[Answer] = []
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
    if response.submitted_at is not None:
        tally_results(round_=round_)
    return response


@transaction.atomic
def tally_results(*, round_: Round) -> None:
    """Works the round's results out again from every answer sent (see models.Result):
    the people who sent answers, and each area's and statement's average with the
    people behind it, from each perspective."""
    # One tally at a time for a round, so a slower one cannot overwrite a newer one.
    Round.objects.select_for_update().filter(pk=round_.pk).exists()
    sent = Response.objects.filter(round=round_, submitted_at__isnull=False)
    scored = Answer.objects.filter(response__in=sent, score__isnull=False).order_by()
    found = [
        Result(round=round_, perspective=row["perspective"], people=row["people"])
        for row in sent.order_by().values("perspective").annotate(people=Count("pk"))
    ]
    for by in (["statement__area"], ["statement__area", "statement_id"]):
        found += [
            Result(
                round=round_,
                perspective=row["response__perspective"],
                area=row["statement__area"],
                statement_id=row.get("statement_id"),
                average=row["average"],
                people=row["people"],
            )
            for row in scored.values("response__perspective", *by).annotate(
                average=Avg("score"), people=Count("response", distinct=True)
            )
        ]
    Result.objects.filter(round=round_).delete()
    Result.objects.bulk_create(found)


@transaction.atomic
def raise_action(*, created_by: User, **fields: Any) -> Action:
    action = Action.objects.create(created_by=created_by, **fields)
    ActionNote.objects.create(action=action, text="Action raised.", author=created_by)
    _tell_owner(action, created_by)
    return action


@transaction.atomic
def save_action(*, action: Action) -> Action:
    """Changes what an action is, who owns it and when it is due."""
    action.save()
    return action


@transaction.atomic
def update_action(*, action: Action, status: str, note: str, author: User) -> Action:
    """Records progress. A status change is written into the notes so the history
    of the action reads from top to bottom."""
    lines: list[str] = []
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


@transaction.atomic
def add_co_owner(*, action: Action, person: User, by: User) -> ActionCoOwner:
    """Makes a co-producer a co-owner of the action: by themselves (volunteering) or
    by the lead or the action's owner. Adding someone who already co-owns it changes
    nothing. The person added by someone else, and the owner when a co-producer
    volunteers, are told."""
    co_owner, created = ActionCoOwner.objects.get_or_create(
        action=action, person=person, defaults={"added_by": by}
    )
    if not created:
        return co_owner
    # Notes name nobody in their text (the author is linked), so erasing a person's
    # account leaves no name behind; who exactly is in the co-owners' history.
    text = "Became a co-owner." if person == by else "Added a co-producer as a co-owner."
    ActionNote.objects.create(action=action, text=text, author=by)
    if person != by:
        with in_language_of(person):
            body = render_to_string(
                "assessment/email/action_co_owner.txt",
                {"action": action, "by": by, "person": person},
            )
            notify(
                person,
                "assessment.action_co_owner",
                subject=gettext("You co-own an action in the co-production plan"),
                body=body,
                url=action.get_absolute_url(),
            )
    owner = action.owner
    if owner is not None and owner != by:
        with in_language_of(owner):
            body = render_to_string(
                "assessment/email/action_volunteer.txt", {"action": action, "person": person}
            )
            notify(
                owner,
                "assessment.action_owner",
                subject=gettext("A co-producer co-owns your action in the co-production plan"),
                body=body,
                url=action.get_absolute_url(),
            )
    return co_owner


@transaction.atomic
def remove_co_owner(*, action: Action, person: User, by: User) -> bool:
    """Ends a co-ownership (the history keeps it). False when they were not a co-owner."""
    co_owner = ActionCoOwner.objects.filter(action=action, person=person).first()
    if co_owner is None:
        return False
    co_owner.delete()
    text = "Stepped down as a co-owner." if person == by else "Removed a co-owner."
    ActionNote.objects.create(action=action, text=text, author=by)
    return True


def clean_comment(text: str) -> str:
    """A comment as stored: surrounding space gone. Raises ValueError when empty or
    longer than ActionComment.LONGEST (the form says so first; this holds for any caller)."""
    text = text.strip()
    if not text:
        raise ValueError("A comment cannot be empty.")
    if len(text) > ActionComment.LONGEST:
        raise ValueError(f"A comment can be up to {ActionComment.LONGEST} characters.")
    return text


@transaction.atomic
def comment_on_action(*, action: Action, text: str, author: User) -> ActionComment:
    return ActionComment.objects.create(action=action, text=clean_comment(text), author=author)


def _tell_owner(action: Action, by: User) -> None:

    owner = action.owner
    if owner is None or owner == by or not owner.email:
        return
    with in_language_of(owner):
        body = render_to_string("assessment/email/action_owner.txt", {"action": action, "by": by})
        notify(
            owner,
            "assessment.action_owner",
            subject=gettext("You own an action in the co-production plan"),
            body=body,
        )
