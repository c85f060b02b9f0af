"""Webhook deliveries run on the task queue, never in a request."""

from django.utils import timezone
from django_tasks import task

from . import actions, webhooks
from .models import WebhookDelivery


@task()
def deliver(delivery_id: int) -> None:
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is not None:
        webhooks.send(delivery)


@task()
def retry_webhooks() -> int:
    """Queues every delivery whose wait before its next attempt is over."""
    due = list(
        WebhookDelivery.objects.filter(
            outcome=WebhookDelivery.Outcome.WAITING, next_attempt_at__lte=timezone.now()
        ).values_list("pk", flat=True)
    )
    for pk in due:
        deliver.enqueue(pk)
    return len(due)


def fan_out(event) -> None:
    """The lib.events subscriber: a delivery row for each endpoint, each queued."""
    for pk in actions.queue_deliveries(
        event=event.name, object_id=event.object_id, occurrence=event.occurrence
    ):
        deliver.enqueue(pk)
