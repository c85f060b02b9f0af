"""Opportunity use cases: one transaction each; people are told once it commits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import User
from coproduce.lib.language import in_language_of
from coproduce.notifications.actions import notify
from coproduce.projects import actions as project_actions
from coproduce.projects.models import TeamMember

from .models import Application, Opportunity


@transaction.atomic
def create_opportunity(*, opportunity: Opportunity, created_by: User) -> Opportunity:
    opportunity.created_by = created_by
    opportunity.save()
    return opportunity


@transaction.atomic
def save_opportunity(*, opportunity: Opportunity) -> Opportunity:
    """Changes a role on offer: what it is, how many places, when it closes."""
    opportunity.save()
    return opportunity


if TYPE_CHECKING:
    from coproduce.accounts.models import User

    from .models import Opportunity


def express_interest(
    *,
    opportunity: Opportunity,
    person: User,
    answers: str = "",
    received: str | None = None,
    recorded_by: User | None = None,
    reason: str = "",
) -> Application:
    """Online by the person, or recorded by staff on their behalf with a reason."""
    if not opportunity.is_open:
        raise ValidationError(_("This opportunity is closed."))
    if recorded_by is not None and recorded_by != person and not reason.strip():
        raise ValidationError(_("Say why you are recording this for them."))
    existing = Application.objects.filter(opportunity=opportunity, person=person).first()
    if existing and existing.status != Application.Status.WITHDRAWN:
        raise ValidationError(_("You have already said you are interested in this opportunity."))
    with transaction.atomic():
        try:
            application, _created = Application.objects.update_or_create(
                opportunity=opportunity,
                person=person,
                defaults={
                    "answers": answers,
                    "received": received or Application.Received.ONLINE,
                    "recorded_by": recorded_by,
                    "on_behalf_reason": reason,
                    "status": Application.Status.INTERESTED,
                    "created_at": timezone.now(),
                    "decided_at": None,
                    "message": "",
                },
            )
        except IntegrityError as error:  # two clicks at once
            raise ValidationError(_("You have already said you are interested.")) from error
    return application


@transaction.atomic
def withdraw(*, application: Application) -> None:
    if application.status == Application.Status.INTERESTED:
        application.status = Application.Status.WITHDRAWN
        application.save(update_fields=["status"])


@transaction.atomic
def decide(
    *, application: Application, selected: bool, message: str, decided_by: User
) -> Application:
    """Chooses or does not choose someone, tells them kindly, and adds a chosen
    person to the project's team."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status == Application.Status.WITHDRAWN:
        raise ValidationError(_("This person withdrew, so there is nothing to decide."))
    application.status = (
        Application.Status.SELECTED if selected else Application.Status.NOT_SELECTED
    )
    application.message = message
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "message", "decided_at"])
    opportunity = application.opportunity
    if selected and opportunity.project is not None:
        project_actions.add_team_member(
            project=opportunity.project,
            person=application.person,
            kind=TeamMember.Kind.COPRODUCER,
            role=opportunity.title[:60],
        )
    with in_language_of(application.person):
        body = render_to_string(
            "opportunities/email/decision.txt",
            {"application": application, "opportunity": opportunity},
        )
        subject = (
            _("You have been chosen: %(title)s")
            if selected
            else _("About your interest in: %(title)s")
        ) % {"title": opportunity.title}
        notify(application.person, "opportunities.decision", subject=subject, body=body)
    return application
