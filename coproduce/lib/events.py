"""Things that happened, told to whoever subscribed, once the transaction commits.

A domain action calls `emit("claim.approved", object_id=claim.pk)`; the API app, which
sits above every domain app, subscribes from its registrations and sends webhooks. Lower
apps never import the API: this registry is the only link. An event carries an id and,
for something that can happen to a record more than once, an `occurrence` (the time it
changed) so each happening is told once and a retried action is not told twice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

CLAIM_APPROVED = "claim.approved"
CLAIM_PAID = "claim.paid"
BATCH_PAID = "batch.paid"
MEETING_CHANGED = "meeting.changed"
DECISION_CLOSED = "decision.closed"
YOU_SAID_ANSWERED = "you_said.answered"
EVENTS = (
    CLAIM_APPROVED,
    CLAIM_PAID,
    BATCH_PAID,
    MEETING_CHANGED,
    DECISION_CLOSED,
    YOU_SAID_ANSWERED,
)


@dataclass(frozen=True)
class Event:
    name: str
    object_id: int
    occurrence: str


Subscriber = Callable[[Event], None]
_SUBSCRIBERS: dict[str, Subscriber] = {}


def subscribe(key: str, subscriber: Subscriber) -> None:
    _SUBSCRIBERS[key] = subscriber


def emit(name: str, *, object_id: int, occurrence: str = "") -> None:
    """Tells every subscriber about `name` happening to `object_id`, after commit."""
    if name not in EVENTS:
        raise ValueError(f"Unknown event {name!r}")
    event = Event(name, object_id, occurrence or timezone.now().isoformat())

    def tell() -> None:
        for subscriber in list(_SUBSCRIBERS.values()):
            subscriber(event)

    transaction.on_commit(tell)
