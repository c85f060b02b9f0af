"""Consent purposes and the current state of a person's consent.

The wording is versioned: when it changes, bump the version so every record
says exactly which words the person agreed to."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import ConsentRecord


@dataclass(frozen=True)
class Purpose:
    code: str
    label: str | Promise
    wording: str | Promise
    version: int


PURPOSES = {
    purpose.code: purpose
    for purpose in [
        Purpose(
            "contact",
            _("Contact about opportunities"),
            _(
                "You can contact me about new chances to get involved, such as projects, "
                "meetings and surveys."
            ),
            1,
        ),
        Purpose(
            "share_access",
            _("Sharing my access needs with organisers"),
            _(
                "You can share my access needs with the staff who organise meetings and "
                "projects I take part in, "
                "so they can make the arrangements I need."
            ),
            1,
        ),
        Purpose(
            "photos",
            _("Photos and video"),
            _("You can use photos or video of me in your reports, website and social media."),
            1,
        ),
        Purpose(
            "case_studies",
            _("Case studies"),
            _(
                "You can write about my experience in case studies. "
                "You will check the words with me first."
            ),
            1,
        ),
    ]
}
SHARE_ACCESS = "share_access"
CONTACT = "contact"


def current_choices(person):
    """{purpose code: newest ConsentRecord or None}. One query."""
    newest = {}
    for record in ConsentRecord.objects.filter(person=person).order_by(
        "purpose", "-recorded_at", "-pk"
    ):
        newest.setdefault(record.purpose, record)
    return {code: newest.get(code) for code in PURPOSES}


def has_consent(person, purpose):
    record = (
        ConsentRecord.objects.filter(person=person, purpose=purpose)
        .order_by("-recorded_at", "-pk")
        .first()
    )
    return bool(record and record.given)


def newest_choice(purpose, field="pk"):
    """A subquery: the newest choice (True, False, or None when never asked) for the
    purpose of the person in the outer query's `field`."""
    newest = ConsentRecord.objects.filter(person=OuterRef(field), purpose=purpose).order_by(
        "-recorded_at", "-pk"
    )
    return Subquery(newest.values("given")[:1])


def consenting(queryset, purpose, field="pk"):
    """Filters a queryset of people (or rows with a person field) to those whose
    newest choice for the purpose is yes. Withdrawal counts at once."""
    return queryset.annotate(_consent=newest_choice(purpose, field)).filter(_consent=True)


def changed_since(people, purpose, when):
    """True when any of `people` (a queryset of ids) recorded a choice for the purpose
    after `when`."""
    return changes_after(people, purpose, when).exists()


def changes_after(people, purpose, when):
    """The choices `people` recorded for the purpose after `when` (which may be an OuterRef)."""
    return ConsentRecord.objects.filter(person__in=people, purpose=purpose, recorded_at__gt=when)
