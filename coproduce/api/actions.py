"""API tokens: made, used and revoked. One transaction each; the token row records who
made and who revoked it, and when."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from . import secrets
from .access import allowed_scopes
from .models import ORGANISATION_SCOPES, ApiToken

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
