from django_tasks import task

from . import actions
from .models import Delivery


@task()
def deliver_notification(notification_id):
    """Sends each waiting delivery of one notification (the person's and supporters')."""
    ids = Delivery.objects.filter(
        notification_id=notification_id, status=Delivery.Status.QUEUED
    ).values_list("pk", flat=True)
    for delivery_id in list(ids):
        actions.send_delivery(delivery_id)


@task()
def retry_deliveries():
    """Tries again the deliveries that failed, waiting longer after each failure."""
    return {"tried": actions.send_due()}


@task()
def send_digests():
    """Sends each person who chose the daily digest one message with everything waiting."""
    return {"digests": actions.send_digests()}
