"""Impact log use cases: each one transaction, each change kept in the history; people
newly named in an entry are told once it commits, so they can choose whether their name
is shown."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from coproduce.lib.language import in_language_of
from coproduce.notifications.actions import notify

from .models import ImpactEntry, ImpactPerson

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from coproduce.accounts.models import User
    from coproduce.projects.models import Decision, Feedback


@transaction.atomic
def save_entry(
    *,
    entry: ImpactEntry,
    by: User,
    decisions: Iterable[Decision] | None,
    feedback: Iterable[Feedback] | None,
    people: Iterable[User] | None,
    evidence_upload: UploadedFile[bytes] | None = None,
    evidence_type: str = "",
) -> ImpactEntry:
    """Saves a new or changed entry (its fields already set by the form) with its links;
    None leaves a kind of link as it is (an entry whose project was deleted keeps its
    people). Someone taken off the entry loses their row, consent and all; someone added
    starts unnamed in public until they agree."""
    new = entry.pk is None
    if new:
        entry.recorded_by = by
    if evidence_upload is not None:
        entry.evidence_file = evidence_upload
        entry.evidence_file_name = (evidence_upload.name or "evidence")[:255]
        entry.evidence_file_type = evidence_type
    entry._history_user = by  # type: ignore[attr-defined]  # read by django-simple-history
    entry.save()
    if decisions is not None:
        entry.decisions.set(decisions)
    if feedback is not None:
        entry.feedback.set(feedback)
    if people is not None:
        _name_people(entry, people, by)
    return entry


def _name_people(entry: ImpactEntry, people: Iterable[User], by: User) -> None:
    chosen = {person.pk: person for person in people}
    already = set(entry.named.values_list("person_id", flat=True))
    for mention in entry.named.exclude(person_id__in=chosen):
        mention._history_user = by  # type: ignore[attr-defined]
        mention.delete()
    added = [person for pk, person in chosen.items() if pk not in already]
    for person in added:
        ImpactPerson.objects.create(entry=entry, person=person)
        _tell_named(entry, person)


def _tell_named(entry: ImpactEntry, person: User) -> None:
    """The message names the change only by its title, which staff write for the public."""
    url = reverse("impact:entry_detail", args=[entry.pk])
    link = str(settings.COPRODUCE_SITE_URL).rstrip("/") + url
    with in_language_of(person):
        notify(
            person,
            "impact.named",
            subject=gettext("You are part of a change we recorded"),
            body=gettext(
                "We recorded a change you helped to make: “%(title)s”.\n\n"
                "Your name is not shown in public unless you agree. You can choose, and change "
                "your mind at any time, here: %(link)s"
            )
            % {"title": entry.title, "link": link},
            url=url,
            key=f"impact.named:{entry.pk}",
        )


@transaction.atomic
def publish_entry(*, entry: ImpactEntry, by: User) -> ImpactEntry:
    entry.published = True
    entry.published_at = entry.published_at or timezone.now()
    entry._history_user = by  # type: ignore[attr-defined]
    entry.save(update_fields=["published", "published_at"])
    return entry


@transaction.atomic
def unpublish_entry(*, entry: ImpactEntry, by: User) -> ImpactEntry:
    entry.published = False
    entry._history_user = by  # type: ignore[attr-defined]
    entry.save(update_fields=["published"])
    return entry


@transaction.atomic
def choose_consent(*, mention: ImpactPerson, given: bool) -> ImpactPerson:
    """The person's own choice. The public page reads it on every visit, so a
    withdrawal takes their name off at once."""
    mention.consent_to_be_named = given
    mention.consent_changed_at = timezone.now()
    mention._history_user = mention.person  # type: ignore[attr-defined]
    mention.save(update_fields=["consent_to_be_named", "consent_changed_at"])
    return mention
