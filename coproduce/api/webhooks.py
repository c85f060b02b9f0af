"""Sending webhooks. The body carries the event, the record's id and when it happened:
never names or anything about a person's health, so no special-category data leaves.

Each request is signed: `Coproduce-Signature: t=<unix time>,v1=<hex>`, where the hex is
HMAC-SHA256 under the endpoint's secret of "<unix time>.<body>". The receiver recomputes
it, and refuses an old timestamp, so a copied request cannot be sent again later."""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.request

from django.utils import timezone

from coproduce.lib import encryption

from . import actions
from .models import WebhookDelivery

TIMEOUT_SECONDS = 10


def signature(secret: str, timestamp: int, body: bytes) -> str:
    signed = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps(
        {
            "delivery": delivery.pk,
            "event": delivery.event,
            "id": delivery.object_id,
            "occurred": delivery.created_at.isoformat(),
        },
        separators=(",", ":"),
    ).encode()


def send(delivery: WebhookDelivery) -> None:
    """One attempt, its outcome recorded. A delivery already made is not sent again."""
    if delivery.outcome != WebhookDelivery.Outcome.WAITING:
        return
    now = timezone.now()
    timestamp = int(now.timestamp())
    body = body_of(delivery)
    secret = encryption.decrypt(delivery.endpoint.secret).decode()
    request = urllib.request.Request(  # noqa: S310 (the address is checked when registered)
        delivery.endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Coproduce-Webhooks/1",
            "Coproduce-Event": delivery.event,
            "Coproduce-Delivery": str(delivery.pk),
            "Coproduce-Signature": f"t={timestamp},v1=" + signature(secret, timestamp, body),
        },
    )
    status, error = None, ""
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as refused:
        status, error = refused.code, f"HTTP {refused.code}"
    except (urllib.error.URLError, OSError) as failed:
        error = str(getattr(failed, "reason", failed))
    actions.record_attempt(delivery=delivery, now=now, status=status, error=error)
