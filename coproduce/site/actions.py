"""Use cases for the public site: each is one transaction and sends its email
only once the transaction has committed."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import Role
from coproduce.notifications.actions import email_without_account, notify

from .consent import consent_problems
from .models import (
    CaseStudy,
    Consent,
    ContactMessage,
    Spotlight,
    SpotlightFile,
    SpotlightStatus,
    Status,
)

User = get_user_model()


def _render(template, context):
    return render_to_string(
        template, {"ORGANISATION_NAME": settings.COPRODUCE_ORGANISATION_NAME, **context}
    )


def _tell_leads(subject, template, context):
    """Messages for the co-production lead go to every active lead as a notification,
    else by email to the contact address."""
    body = _render(template, context)
    leads = list(
        User.objects.filter(is_active=True, role_assignments__role=Role.LEAD)
        .order_by("email")
        .distinct()
    )
    for lead in leads:
        notify(lead, "site.contact", subject=subject, body=body)
    if not leads:
        email_without_account([settings.COPRODUCE_CONTACT_EMAIL], subject, body)


def _email(subject, template, context, recipients):
    """To visitors, who have no account: by email."""
    email_without_account(recipients, subject, _render(template, context))


@transaction.atomic
def send_contact_message(*, name, email, topic, message, reply_preference, inbox_url):
    contact = ContactMessage.objects.create(
        name=name, email=email, topic=topic, message=message, reply_preference=reply_preference
    )
    _tell_leads(
        f"New message from {name}",
        "site/email/contact_to_lead.txt",
        {"contact": contact, "inbox_url": inbox_url(contact)},
    )
    _email("We have your message", "site/email/contact_received.txt", {"contact": contact}, [email])
    return contact


@transaction.atomic
def set_message_status(*, contact, status, notes, user):
    contact.status = status
    contact.notes = notes
    contact.handled_by = user
    contact.save(update_fields=["status", "notes", "handled_by"])
    return contact


def _save_files(spotlight, files):
    for upload, content_type in files:
        SpotlightFile.objects.create(
            spotlight=spotlight,
            file=upload,
            original_name=upload.name[:255],
            content_type=content_type,
            size=upload.size,
        )


@transaction.atomic
def submit_spotlight(*, data, files, queue_url):
    """`files` is a list of (upload, checked content type)."""
    spotlight = Spotlight.objects.create(**data)
    _save_files(spotlight, files)
    _tell_leads(
        f"New spotlight story from {spotlight.organisation}",
        "site/email/spotlight_to_lead.txt",
        {"spotlight": spotlight, "queue_url": queue_url(spotlight)},
    )
    _email(
        "We have your spotlight story",
        "site/email/spotlight_received.txt",
        {"spotlight": spotlight},
        [spotlight.contact_email],
    )
    return spotlight


@transaction.atomic
def resubmit_spotlight(*, spotlight, data, files, queue_url):
    """The submitter sends their story back after the lead asked for changes."""
    spotlight = Spotlight.objects.select_for_update().get(pk=spotlight.pk)
    if spotlight.status != SpotlightStatus.CHANGES_REQUESTED:
        raise ValidationError("This story is not waiting for changes.")
    for field, value in data.items():
        setattr(spotlight, field, value)
    spotlight.status = SpotlightStatus.SUBMITTED
    spotlight.save()
    _save_files(spotlight, files)
    _tell_leads(
        f"Changed spotlight story from {spotlight.organisation}",
        "site/email/spotlight_to_lead.txt",
        {"spotlight": spotlight, "queue_url": queue_url(spotlight), "changed": True},
    )
    return spotlight


DECISIONS = {
    SpotlightStatus.PUBLISHED: (
        "Your spotlight story is published",
        "site/email/spotlight_published.txt",
    ),
    SpotlightStatus.CHANGES_REQUESTED: (
        "Changes to your spotlight story",
        "site/email/spotlight_changes.txt",
    ),
    SpotlightStatus.DECLINED: ("About your spotlight story", "site/email/spotlight_declined.txt"),
}


@transaction.atomic
def moderate_spotlight(*, spotlight, decision, message, moderator, build_url):
    """Publish, ask for changes or decline; the submitter is told each time.
    `build_url(path)` makes an absolute address for the email."""
    spotlight = Spotlight.objects.select_for_update().get(pk=spotlight.pk)
    if decision not in DECISIONS:
        raise ValidationError("Choose what to do with this story.")
    if decision == SpotlightStatus.PUBLISHED and not spotlight.consent_to_publish:
        raise ValidationError(
            "The organisation has not agreed to publication. Ask them for changes instead."
        )
    if (
        decision in (SpotlightStatus.CHANGES_REQUESTED, SpotlightStatus.DECLINED)
        and not message.strip()
    ):
        raise ValidationError("Tell the organisation what to change, or why you are declining.")
    spotlight.status = decision
    spotlight.message_to_submitter = message
    spotlight.moderated_by = moderator
    if decision == SpotlightStatus.PUBLISHED:
        spotlight.published_at = spotlight.published_at or timezone.now()
    else:
        spotlight.published_at = None
    spotlight.save()
    subject, template = DECISIONS[decision]
    links = {
        "story_url": build_url(spotlight.get_absolute_url()),
        "change_url": build_url(reverse("site:spotlight_change", args=[spotlight.change_token])),
    }
    _email(
        subject,
        template,
        {"spotlight": spotlight, "message": message, **links},
        [spotlight.contact_email],
    )
    return spotlight


@transaction.atomic
def publish_case_study(*, case_study, user):
    case_study = CaseStudy.objects.select_for_update().get(pk=case_study.pk)
    problems = consent_problems(case_study)
    if problems:
        raise ValidationError(problems)
    case_study.status = Status.PUBLISHED
    case_study.published_at = case_study.published_at or timezone.now()
    case_study.save()
    return case_study


@transaction.atomic
def unpublish_case_study(*, case_study):
    case_study.status = Status.DRAFT
    case_study.save()
    return case_study


@transaction.atomic
def record_consent(*, person, consent, note):
    """Records what someone featured in a case study agreed to. If they say no
    to a published story, it comes down at once."""
    person.consent = consent
    person.consent_note = note
    person.consent_recorded_at = timezone.now() if consent != Consent.NOT_ASKED else None
    person.save()
    case_study = person.case_study
    if consent != Consent.GIVEN and case_study.status == Status.PUBLISHED:
        unpublish_case_study(case_study=case_study)
        return True
    return False
