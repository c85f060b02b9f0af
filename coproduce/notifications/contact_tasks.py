"""Contact tasks: people staff need to phone, text or write to, with what happened.

A channel that cannot send a message by itself (a phone call; a text or letter with no
GOV.UK Notify key; a number or address that would not work; a send that failed on every
try) opens a task for its delivery instead (`open_for`), and the delivery's status says
it is for staff. Staff claim a task, then record the outcome; "No answer" keeps it open.
Letters waiting to be posted come out together as one PDF to print (`letters_batch`)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from coproduce.people.contact_details import mobile_number, phone_number, postal_address

from . import letters
from .channels import message_for
from .models import ContactTask, Delivery


def open_for(delivery, method, reason):
    """Opens the task for a delivery (once, however often the delivery is tried) and
    returns the delivery status that says it is for staff."""
    ContactTask.objects.get_or_create(
        delivery=delivery,
        defaults={
            "person": delivery.notification.recipient,
            "method": method,
            "reason": reason[:300],
        },
    )
    delivery.last_error = reason[:300]
    return Delivery.Status.STAFF_TASK


def open_tasks():
    return ContactTask.objects.filter(done_at=None).select_related(
        "person__profile",
        "claimed_by",
        "delivery__notification__recipient__profile",
        "delivery__copy_for",
    )


def recently_done(limit=10):
    return (
        ContactTask.objects.exclude(done_at=None)
        .select_related("person", "outcome_by", "delivery__copy_for")
        .order_by("-done_at", "-pk")[:limit]
    )


def problem(task):
    """Why the number or address on record would not work for this task, or ""."""
    profile = getattr(task.person, "profile", None)
    try:
        if task.method == ContactTask.Method.LETTER:
            if not profile or not profile.address.strip():
                return gettext("There is no postal address on their profile.")
            postal_address(profile.address)
        else:
            number = phone_to_use(task)
            if not number:
                return gettext("There is no phone number on record.")
            (mobile_number if task.method == ContactTask.Method.TEXT else phone_number)(number)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


def phone_to_use(task):
    copy_for = task.delivery.copy_for
    if copy_for:
        return copy_for.phone
    profile = getattr(task.person, "profile", None)
    return profile.phone if profile else ""


@transaction.atomic
def claim(*, task, by, now=None):
    """`by` says they will do it. Returns False when the task was done already."""
    return bool(
        ContactTask.objects.filter(pk=task.pk, done_at=None).update(
            claimed_by=by, claimed_at=now or timezone.now()
        )
    )


@transaction.atomic
def record_outcome(*, task, outcome, notes, by, now=None):
    """Records what happened. A closing outcome finishes the task and marks the delivery
    sent (or, for a wrong number, says so on the delivery). Returns False when the task
    was done already, by someone else at the same moment."""
    now = now or timezone.now()
    task = ContactTask.objects.select_for_update().filter(pk=task.pk, done_at=None).first()
    if task is None:
        return False
    task.tries += 1
    task.outcome = outcome
    task.notes = notes
    task.outcome_at = now
    task.outcome_by = by
    if task.claimed_by_id is None:
        task.claimed_by, task.claimed_at = by, now
    if outcome in ContactTask.CLOSING:
        task.done_at = now
        if outcome == ContactTask.Outcome.WRONG_NUMBER:
            Delivery.objects.filter(pk=task.delivery_id).update(
                last_error=gettext("Staff found the phone number was wrong.")
            )
        else:
            Delivery.objects.filter(pk=task.delivery_id).update(
                status=Delivery.Status.SENT, sent_at=now, last_error=""
            )
    task.save()
    return True


def mark_posted(*, task_ids, by, now=None):
    """Records the open letter tasks among `task_ids` as posted; returns how many."""
    posted = 0
    for task in ContactTask.objects.filter(
        pk__in=task_ids, done_at=None, method=ContactTask.Method.LETTER
    ):
        posted += record_outcome(
            task=task, outcome=ContactTask.Outcome.POSTED, notes="", by=by, now=now
        )
    return posted


def letters_batch(tasks):
    """(letters, the tasks they are for) for the open letter tasks whose address would
    reach the person; the others are shown with the reason and left out."""
    batch, included = [], []
    for task in tasks:
        if task.method != ContactTask.Method.LETTER or problem(task):
            continue
        batch.append(letters.letter_for(task.delivery, message_for(task.delivery)))
        included.append(task)
    return batch, included
