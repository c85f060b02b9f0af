"""Use cases for accounts: each is one transaction, leaves history and sends
its email only once the transaction has committed."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

from coproduce.lib.tasks import email_without_account

from . import signals
from .models import Invitation, Role, RoleAssignment, User

# Makes the absolute address at which an invitation is accepted.
AcceptUrl = Callable[[Invitation], str]


def _email_invitation(invitation: Invitation, accept_url: str) -> None:
    body = render_to_string(
        "accounts/email/invitation.txt",
        {
            "invitation": invitation,
            "accept_url": accept_url,
            "invitation_days": settings.COPRODUCE_INVITATION_DAYS,
        },
    )
    email_without_account([invitation.email], gettext("You are invited to Coproduce"), body)


@transaction.atomic
def invite_person(
    *,
    invited_by: User,
    email: str,
    name: str,
    roles: Iterable[str],
    build_accept_url: AcceptUrl,
) -> Invitation:
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(gettext("Someone already has an account with this email address."))
    # A fresh invitation replaces any earlier one still waiting.
    Invitation.objects.filter(email__iexact=email, accepted_at=None, cancelled_at=None).update(
        cancelled_at=timezone.now()
    )
    invitation = Invitation.objects.create(
        email=email, name=name, roles=sorted(roles), invited_by=invited_by
    )
    _email_invitation(invitation, build_accept_url(invitation))
    return invitation


@transaction.atomic
def resend_invitation(*, invitation: Invitation, build_accept_url: AcceptUrl) -> Invitation:
    Invitation.objects.filter(pk=invitation.pk).update(created_at=timezone.now())
    invitation.refresh_from_db()
    _email_invitation(invitation, build_accept_url(invitation))
    return invitation


@transaction.atomic
def cancel_invitation(*, invitation: Invitation) -> None:
    if invitation.is_usable:
        invitation.cancelled_at = timezone.now()
        invitation.save(update_fields=["cancelled_at"])


@transaction.atomic
def accept_invitation(*, invitation: Invitation, name: str, password: str) -> User:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(gettext("This invitation can no longer be used."))
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(gettext("Someone already has an account with this email address."))
    user: User = User.objects.create_user(invitation.email, password, name=name)
    RoleAssignment.objects.bulk_create(
        RoleAssignment(user=user, role=role, granted_by=invitation.invited_by)
        for role in invitation.roles
    )
    # The invitation link reached this address, which proves it is theirs.
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    signals.invitation_accepted.send(sender=Invitation, invitation=invitation, user=user)
    return user


@transaction.atomic
def create_person(*, created_by: User, name: str, email: str | None, roles: Iterable[str]) -> User:
    """An account staff make for someone, with or without an email address (decision
    0036). It has no password: the person signs in with a sign-in card or a text code,
    or, with an email address, sets a password through "I have forgotten my password"."""
    email = (email or "").strip().lower() or None
    if email and User.objects.filter(email__iexact=email).exists():
        raise ValidationError(gettext("Someone already has an account with this email address."))
    user: User = User.objects.create_user(email, None, name=name)
    for role in sorted(set(roles)):
        RoleAssignment.objects.create(user=user, role=role, granted_by=created_by)
    return user


def _other_active_administrators(user: User) -> list[int]:
    """Locks every administrator assignment (so two changes at once cannot both
    pass this check) and returns the ids of the other active administrators."""
    admins = list(
        RoleAssignment.objects.select_for_update()
        .filter(role=Role.ADMINISTRATOR)
        .values_list("user_id", "user__is_active")
    )
    return [user_id for user_id, active in admins if active and user_id != user.pk]


@transaction.atomic
def set_roles(*, changed_by: User, user: User, roles: Iterable[str]) -> set[str]:
    """Replaces a person's roles. There must always be an administrator left."""
    roles = set(roles)
    current = set(user.role_assignments.values_list("role", flat=True))
    removing_admin = Role.ADMINISTRATOR in current and Role.ADMINISTRATOR not in roles
    if removing_admin and not _other_active_administrators(user):
        raise ValidationError(
            gettext(
                "You cannot remove the last administrator. Make someone else an administrator first."
            )
        )
    for assignment in user.role_assignments.filter(role__in=current - roles):
        assignment.delete()  # one by one so each removal is kept in the history
    for role in sorted(roles - current):
        RoleAssignment.objects.create(user=user, role=role, granted_by=changed_by)
    if hasattr(user, "_role_cache"):
        del user._role_cache
    return roles


@transaction.atomic
def set_active(*, changed_by: User, user: User, active: bool) -> None:
    if not active and user.pk == changed_by.pk:
        raise ValidationError(gettext("You cannot deactivate your own account."))
    deactivating_admin = not active and user.has_role(Role.ADMINISTRATOR)
    if deactivating_admin and not _other_active_administrators(user):
        raise ValidationError(gettext("You cannot deactivate the last administrator."))
    user.is_active = active
    user.save(update_fields=["is_active"])


@transaction.atomic
def create_administrator(*, email: str, name: str, password: str) -> User:
    """The first administrator of a new site (manage.py createadmin). Whoever runs the
    command vouches for the address, so it is verified; the administrator role means
    two-factor authentication must be set up at first sign-in (User.must_use_mfa)."""
    email = email.strip().lower()
    if (
        User.objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    ):
        raise ValidationError(gettext("Someone already has an account with this email address."))
    user: User = User.objects.create_user(email, password, name=name)
    RoleAssignment.objects.create(user=user, role=Role.ADMINISTRATOR)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@transaction.atomic
def save_display_settings(*, user: User, preferences: dict[str, object]) -> User:
    """Keeps a person's text size, contrast, spacing, motion, font and tint settings on
    their account."""
    for field, value in preferences.items():
        setattr(user, field, value)
    user.save(update_fields=list(preferences))
    return user


@transaction.atomic
def choose_language(*, user: User, language: str) -> User:
    """Records a person's language once: every page, and every message on every channel
    (notifications render in the recipient's language), then uses it."""
    user.language = language
    user.save(update_fields=["language"])
    return user
