"""Strategy use cases: each one transaction, each change kept in the commitment's
history; co-producers newly named as co-authors are told once it commits."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext

from coproduce.lib.language import in_language_of
from coproduce.notifications.actions import notify

from .models import CoAuthor, Commitment

if TYPE_CHECKING:
    from coproduce.accounts.models import User


@transaction.atomic
def save_commitment(
    *, commitment: Commitment, by: User, co_authors: Iterable[User] | None = None
) -> Commitment:
    """Saves a new or changed commitment (its fields already set by the form). None
    leaves the co-authors as they are (a co-author's own changes do not touch them)."""
    if commitment._state.adding:
        commitment.written_by = by
    if not commitment.figure_key:
        commitment.target = None
    if commitment.target is None:
        commitment.direction = ""
    commitment._history_user = by  # type: ignore[attr-defined]  # read by django-simple-history
    commitment.save()
    if co_authors is not None:
        chosen = {person.pk: person for person in co_authors}
        commitment.co_authors.exclude(person_id__in=chosen).delete()
        already = set(commitment.co_authors.values_list("person_id", flat=True))
        for pk, person in chosen.items():
            if pk not in already:
                CoAuthor.objects.create(commitment=commitment, person=person)
                _tell_co_author(commitment, person)
    return commitment


def _tell_co_author(commitment: Commitment, person: User) -> None:
    url = commitment.get_absolute_url()
    link = str(settings.COPRODUCE_SITE_URL).rstrip("/") + url
    with in_language_of(person):
        notify(
            person,
            "strategy.co_author",
            subject=gettext("You are writing a strategy commitment with us"),
            body=gettext(
                "You were named as a co-author of a commitment in our co-production "
                "strategy: “%(text)s”.\n\nYou can change it with the lead here: %(link)s"
            )
            % {"text": commitment.text, "link": link},
            url=url,
            key=f"strategy.co_author:{commitment.pk}",
        )
