"""API tokens: made, used and revoked. One transaction each; the token row records who
made and who revoked it, and when."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from secrets import token_hex
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from coproduce.lib import encryption

from . import secrets
from .access import allowed_scopes
from .models import ORGANISATION_SCOPES, ApiToken, WebhookDelivery, WebhookEndpoint

if TYPE_CHECKING:
    from coproduce.accounts.models import User

# last_used_at is written at most this often, so a busy token does not write on every read.
USE_RECORDED_EVERY = timedelta(minutes=1)


def _check_scopes(scopes: Sequence[str], allowed: Sequence[str]) -> list[str]:
    chosen = [str(scope) for scope in scopes]
    if not chosen:
        raise ValidationError(gettext("Choose at least one thing the token may read."))
    beyond = [scope for scope in chosen if scope not in allowed]
    if beyond:
        raise ValidationError(gettext("A token cannot read more than your roles allow."))
    return chosen


def _create(
    *, name: str, person: User | None, by: User, scopes: list[str], expires_at: datetime
) -> tuple[ApiToken, str]:
    if expires_at <= timezone.now():
        raise ValidationError(gettext("Choose an expiry date in the future."))
    token, prefix = secrets.new_token()
    record = ApiToken.objects.create(
        name=name,
        prefix=prefix,
        digest=secrets.digest(token),
        person=person,
        created_by=by,
        scopes=scopes,
        expires_at=expires_at,
    )
    return record, token


@transaction.atomic
def create_personal_token(
    *, person: User, name: str, scopes: Sequence[str], expires_at: datetime
) -> tuple[ApiToken, str]:
    """A token that reads as `person`, no more than their roles allow. Returns the record
    and the token itself, which is shown once and never stored."""
    chosen = _check_scopes(scopes, allowed_scopes(person))
    return _create(name=name, person=person, by=person, scopes=chosen, expires_at=expires_at)


@transaction.atomic
def create_organisation_token(
    *, by: User, name: str, scopes: Sequence[str], expires_at: datetime
) -> tuple[ApiToken, str]:
    """A token for another system of the organisation, made by an administrator."""
    chosen = _check_scopes(scopes, [scope.value for scope in ORGANISATION_SCOPES])
    return _create(name=name, person=None, by=by, scopes=chosen, expires_at=expires_at)


@transaction.atomic
def revoke_token(*, token: ApiToken, by: User) -> None:
    """Stops the token at once. Revoking twice keeps the first time and person."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = by
        token.save(update_fields=["revoked_at", "revoked_by"])


def record_use(*, token: ApiToken, now: datetime) -> None:
    """Notes when the token was last used (at most once a minute)."""
    if token.last_used_at is None or now - token.last_used_at >= USE_RECORDED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


# ---- webhooks -------------------------------------------------------------------------

# Waits before each further attempt: a minute, then 5, 30, 2 hours, 12 hours.
RETRY_WAITS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
)


def _check_url(url: str) -> None:
    from django.conf import settings

    local = url.startswith(("http://127.0.0.1:", "http://127.0.0.1/"))
    if not url.startswith("https://") and not (local and settings.DEBUG):
        raise ValidationError(gettext("The address must start https://."))


@transaction.atomic
def register_webhook(*, by: User, url: str, events: Sequence[str]) -> tuple[WebhookEndpoint, str]:
    """An endpoint for the chosen events. Returns it and its signing secret, shown once."""
    from coproduce.lib.events import EVENTS

    _check_url(url)
    chosen = [str(event) for event in events]
    if not chosen or any(event not in EVENTS for event in chosen):
        raise ValidationError(gettext("Choose at least one thing to be told about."))
    secret = token_hex(32)
    endpoint = WebhookEndpoint.objects.create(
        url=url, events=chosen, secret=encryption.encrypt(secret.encode()), created_by=by
    )
    return endpoint, secret


@transaction.atomic
def remove_webhook(*, endpoint: WebhookEndpoint) -> None:
    """Stops sending to the endpoint; what it was sent stays in the log."""
    if endpoint.removed_at is None:
        endpoint.removed_at = timezone.now()
        endpoint.save(update_fields=["removed_at"])


def queue_deliveries(*, event: str, object_id: int, occurrence: str) -> list[int]:
    """One delivery row for each endpoint that wants `event`: made once however often
    the event is told (the unique constraint), so nothing is sent twice. Returns the ids
    of the rows made now."""
    made = []
    for endpoint in WebhookEndpoint.objects.filter(removed_at__isnull=True):
        if event not in endpoint.events:
            continue
        delivery, created = WebhookDelivery.objects.get_or_create(
            endpoint=endpoint,
            event=event,
            object_id=object_id,
            occurrence=occurrence[:40],
            defaults={"next_attempt_at": timezone.now()},
        )
        if created:
            made.append(delivery.pk)
    return made


def record_attempt(
    *, delivery: WebhookDelivery, now: datetime, status: int | None, error: str
) -> None:
    """Notes how an attempt went: delivered on a 2xx answer; otherwise the next attempt
    after a longer wait, or failed when the attempts run out."""
    delivery.attempts += 1
    delivery.last_status = status
    delivery.last_error = error[:300]
    if status is not None and 200 <= status < 300:
        delivery.outcome = WebhookDelivery.Outcome.DELIVERED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
    elif delivery.attempts > len(RETRY_WAITS):
        delivery.outcome = WebhookDelivery.Outcome.FAILED
        delivery.next_attempt_at = None
    else:
        delivery.next_attempt_at = now + RETRY_WAITS[delivery.attempts - 1]
    delivery.save(
        update_fields=[
            "attempts",
            "last_status",
            "last_error",
            "outcome",
            "delivered_at",
            "next_attempt_at",
        ]
    )
