"""Use cases for the public site: each is one transaction and sends its email
only once the transaction has committed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from coproduce.accounts.models import Role, User
from coproduce.lib.language import in_language_of
from coproduce.lib.tasks import email_without_account
from coproduce.notifications.actions import notify

from .consent import consent_problems
from .models import (
    AccessibilityCheck,
    AccessibilityStatement,
    CaseStudy,
    Consent,
    ContactMessage,
    FeaturedPerson,
    SitePage,
    Spotlight,
    SpotlightFile,
    SpotlightStatus,
    Status,
    Update,
)

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

# (an upload, its content type as lib.uploads checked it)
CheckedFiles = Iterable[tuple["UploadedFile[bytes]", str]]


def _render(template: str, context: Mapping[str, object]) -> str:
    return render_to_string(
        template, {"ORGANISATION_NAME": settings.COPRODUCE_ORGANISATION_NAME, **context}
    )


def _tell_leads(
    subject: str | Promise,
    about: Mapping[str, object],
    template: str,
    context: Mapping[str, object],
) -> None:
    """Messages for the co-production lead go to every active lead as a notification, in
    their own language, else by email to the contact address in the site's language.
    `subject` is a lazy message with `about` as its placeholders."""
    leads = list(
        User.objects.filter(is_active=True, role_assignments__role=Role.LEAD)
        .order_by("email")
        .distinct()
    )
    for lead in leads:
        with in_language_of(lead):
            notify(
                lead, "site.contact", subject=str(subject) % about, body=_render(template, context)
            )
    if not leads:
        with in_language_of(None):
            email_without_account(
                [settings.COPRODUCE_CONTACT_EMAIL], str(subject) % about, _render(template, context)
            )


def _email(
    subject: str | Promise, template: str, context: Mapping[str, object], recipients: Iterable[str]
) -> None:
    """To visitors, who have no account: by email, in the language now active."""
    email_without_account(recipients, str(subject), _render(template, context))


@transaction.atomic
def send_contact_message(
    *,
    name: str,
    email: str,
    topic: str,
    message: str,
    reply_preference: str,
    inbox_url: Callable[[ContactMessage], str],
) -> ContactMessage:
    contact = ContactMessage.objects.create(
        name=name, email=email, topic=topic, message=message, reply_preference=reply_preference
    )
    _tell_leads(
        _("New message from %(name)s"),
        {"name": name},
        "site/email/contact_to_lead.txt",
        {"contact": contact, "inbox_url": inbox_url(contact)},
    )
    _email(
        _("We have your message"), "site/email/contact_received.txt", {"contact": contact}, [email]
    )
    return contact


@transaction.atomic
def set_message_status(
    *, contact: ContactMessage, status: str, notes: str, user: User
) -> ContactMessage:
    contact.status = status
    contact.notes = notes
    contact.handled_by = user
    contact.save(update_fields=["status", "notes", "handled_by"])
    return contact


def _save_files(spotlight: Spotlight, files: CheckedFiles) -> None:
    for upload, content_type in files:
        SpotlightFile.objects.create(
            spotlight=spotlight,
            file=upload,
            original_name=(upload.name or "")[:255],
            content_type=content_type,
            size=upload.size or 0,  # never None: lib.uploads refused it as empty
        )


@transaction.atomic
def submit_spotlight(
    *, data: dict[str, Any], files: CheckedFiles, queue_url: Callable[[Spotlight], str]
) -> Spotlight:
    """`files` is a list of (upload, checked content type)."""
    spotlight = Spotlight.objects.create(**data)
    _save_files(spotlight, files)
    _tell_leads(
        _("New spotlight story from %(organisation)s"),
        {"organisation": spotlight.organisation},
        "site/email/spotlight_to_lead.txt",
        {"spotlight": spotlight, "queue_url": queue_url(spotlight)},
    )
    _email(
        _("We have your spotlight story"),
        "site/email/spotlight_received.txt",
        {"spotlight": spotlight},
        [spotlight.contact_email],
    )
    return spotlight


@transaction.atomic
def resubmit_spotlight(
    *,
    spotlight: Spotlight,
    data: dict[str, Any],
    files: CheckedFiles,
    queue_url: Callable[[Spotlight], str],
) -> Spotlight:
    """The submitter sends their story back after the lead asked for changes."""
    spotlight = Spotlight.objects.select_for_update().get(pk=spotlight.pk)
    if spotlight.status != SpotlightStatus.CHANGES_REQUESTED:
        raise ValidationError(_("This story is not waiting for changes."))
    for field, value in data.items():
        setattr(spotlight, field, value)
    spotlight.status = SpotlightStatus.SUBMITTED
    spotlight.save()
    _save_files(spotlight, files)
    _tell_leads(
        _("Changed spotlight story from %(organisation)s"),
        {"organisation": spotlight.organisation},
        "site/email/spotlight_to_lead.txt",
        {"spotlight": spotlight, "queue_url": queue_url(spotlight), "changed": True},
    )
    return spotlight


@transaction.atomic
def save_spotlight_text(*, spotlight: Spotlight) -> Spotlight:
    """The lead's corrections to a story's text (its history keeps the old words)."""
    spotlight.save()
    return spotlight


DECISIONS: dict[str, tuple[str | Promise, str]] = {
    SpotlightStatus.PUBLISHED: (
        _("Your spotlight story is published"),
        "site/email/spotlight_published.txt",
    ),
    SpotlightStatus.CHANGES_REQUESTED: (
        _("Changes to your spotlight story"),
        "site/email/spotlight_changes.txt",
    ),
    SpotlightStatus.DECLINED: (
        _("About your spotlight story"),
        "site/email/spotlight_declined.txt",
    ),
}


@transaction.atomic
def moderate_spotlight(
    *,
    spotlight: Spotlight,
    decision: str,
    message: str,
    moderator: User,
    build_url: Callable[[str], str],
) -> Spotlight:
    """Publish, ask for changes or decline; the submitter is told each time.
    `build_url(path)` makes an absolute address for the email."""
    spotlight = Spotlight.objects.select_for_update().get(pk=spotlight.pk)
    if decision not in DECISIONS:
        raise ValidationError(_("Choose what to do with this story."))
    if decision == SpotlightStatus.PUBLISHED and not spotlight.consent_to_publish:
        raise ValidationError(
            _("The organisation has not agreed to publication. Ask them for changes instead.")
        )
    if (
        decision in (SpotlightStatus.CHANGES_REQUESTED, SpotlightStatus.DECLINED)
        and not message.strip()
    ):
        raise ValidationError(_("Tell the organisation what to change, or why you are declining."))
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
    # The organisation's language is not known, and the moderator's may differ: the site's.
    with in_language_of(None):
        _email(
            subject,
            template,
            {"spotlight": spotlight, "message": message, **links},
            [spotlight.contact_email],
        )
    return spotlight


@transaction.atomic
def publish_case_study(*, case_study: CaseStudy, user: User) -> CaseStudy:
    case_study = CaseStudy.objects.select_for_update().get(pk=case_study.pk)
    problems = consent_problems(case_study)
    if problems:
        raise ValidationError(problems)
    case_study.status = Status.PUBLISHED
    case_study.published_at = case_study.published_at or timezone.now()
    case_study.save()
    return case_study


@transaction.atomic
def save_update(*, update: Update, author: User) -> Update:
    """A news update, new or changed; whoever first writes it is its author."""
    if update.author_id is None:
        update.author = author
    update.save()
    return update


@transaction.atomic
def create_case_study(*, case_study: CaseStudy, author: User) -> CaseStudy:
    """A new case study, always a draft until everyone in it has agreed."""
    case_study.author = author
    case_study.save()
    return case_study


@transaction.atomic
def save_case_study(*, case_study: CaseStudy, may_publish: bool) -> bool:
    """Saves a changed case study. Only the lead publishes, so a change to a public one by
    anyone else takes it back to draft for their check; says whether it did."""
    was_public = case_study.status == Status.PUBLISHED
    case_study.save()
    if was_public and not may_publish:
        unpublish_case_study(case_study=case_study)
        return True
    return False


@transaction.atomic
def unpublish_case_study(*, case_study: CaseStudy) -> CaseStudy:
    case_study.status = Status.DRAFT
    case_study.save()
    return case_study


@transaction.atomic
def record_consent(*, person: FeaturedPerson, consent: str, note: str) -> bool:
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


@transaction.atomic
def add_featured_person(
    *, case_study: CaseStudy, person: FeaturedPerson, consent: str, note: str
) -> bool:
    """Adds someone named or pictured in a case study and records their consent, in one
    transaction; says whether the case study came down because they have not agreed."""
    person.case_study = case_study
    person.consent = Consent.NOT_ASKED
    person.save()
    return record_consent(person=person, consent=consent, note=note)


@transaction.atomic
def remove_featured_person(*, person: FeaturedPerson) -> None:
    person.delete()


@transaction.atomic
def save_site_page(*, page: SitePage, by: User) -> SitePage:
    """An editable public page, public as soon as it is saved."""
    page.updated_by = by
    page.save()
    return page


@transaction.atomic
def save_statement(*, statement: AccessibilityStatement, by: User) -> None:
    statement.updated_by = by
    statement.save()


@transaction.atomic
def record_accessibility_check(*, check: AccessibilityCheck, by: User) -> None:
    """A check of the site's accessibility; the statement shows the latest one's date."""
    check.recorded_by = by
    check.save()
